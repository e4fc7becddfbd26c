namespace ScimClean.Infrastructure.Persistence;

/// <summary>
/// The request's <see cref="ScimCleanDbContext"/>, rented from the context pool the first time something asks for it.
/// Every resolution of <see cref="ScimCleanDbContext"/> in a scope goes through here, so <see cref="IfCreated"/> knows
/// whether the scope has a context at all (and so whether a transaction can be open in it). The reads that SQLite
/// answers on kept connections never need one: renting and resetting a pooled context was about 3% of a
/// <c>GET /Users/{id}</c>.
/// </summary>
internal sealed class ScopedDbContext
{
    private readonly Func<ScimCleanDbContext>? _rent;
    private ScimCleanDbContext? _context;

    public ScopedDbContext(Func<ScimCleanDbContext> rent) => _rent = rent;

    private ScopedDbContext(ScimCleanDbContext context) => _context = context;

    /// <summary>The scope's context, if something in it has used one.</summary>
    public ScimCleanDbContext? IfCreated => _context;

    /// <summary>The scope's context, rented now if it was not yet.</summary>
    public ScimCleanDbContext Context => _context ??= _rent!();

    /// <summary>A context the caller already holds (tests, and code outside a request scope).</summary>
    public static ScopedDbContext Of(ScimCleanDbContext context) => new(context);
}
