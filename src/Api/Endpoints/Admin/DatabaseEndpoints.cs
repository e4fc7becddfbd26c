using System.Globalization;
using ScimClean.Api.Common;
using ScimClean.Application.Operations.BackupDatabase;

namespace ScimClean.Api.Endpoints.Admin;

public static class DatabaseEndpoints
{
    private const string SqliteMediaType = "application/vnd.sqlite3";

    public static RouteGroupBuilder MapDatabaseEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/database/backup", async (ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new BackupDatabaseCommand(), cancellationToken);
            if (!result.IsSuccess)
            {
                return AdminResults.Problem(result.Error!);
            }

            var backup = result.Value;
            // The copy is a temporary file: deleted when the response has been sent, or when the client went away.
            var content = new FileStream(
                backup.Path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read | FileShare.Delete,
                bufferSize: 64 * 1024,
                FileOptions.Asynchronous | FileOptions.SequentialScan | FileOptions.DeleteOnClose);
            var name = $"scimclean-{backup.TakenAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.db";
            return Results.File(content, SqliteMediaType, name);
        })
        .WithTags("Database")
        .WithName("BackupDatabase")
        .WithSummary("A consistent copy of the whole SQLite database, taken while the service runs (409 on PostgreSQL: use pg_dump).")
        .Produces(StatusCodes.Status200OK, contentType: SqliteMediaType)
        .ProducesProblem(StatusCodes.Status409Conflict);

        return admin;
    }
}
