using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScimClean.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddUserValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UserValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attribute = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: true),
                    Value = table.Column<string>(type: "TEXT", nullable: true),
                    NormalizedValue = table.Column<string>(type: "TEXT", nullable: true),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserValues_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UserValues_OrganizationId_Attribute_NormalizedValue",
                table: "UserValues",
                columns: new[] { "OrganizationId", "Attribute", "NormalizedValue" });

            migrationBuilder.CreateIndex(
                name: "IX_UserValues_UserId",
                table: "UserValues",
                column: "UserId");

            // Existing users: derive their rows from the documents (upper() folds ASCII only; the service's own
            // writes use ToUpperInvariant).
            migrationBuilder.Sql(
                """
                INSERT INTO "UserValues" ("UserId", "OrganizationId", "Attribute", "Type", "Value", "NormalizedValue", "IsPrimary")
                SELECT u."Id", u."OrganizationId", 'emails',
                       json_extract(e.value, '$.type'), json_extract(e.value, '$.value'),
                       upper(json_extract(e.value, '$.value')),
                       COALESCE(json_type(e.value, '$.primary') = 'true', 0)
                FROM "Users" AS u, json_each(u."Document", '$.emails') AS e
                WHERE e.type = 'object';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserValues");
        }
    }
}
