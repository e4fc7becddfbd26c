using System.Reflection;

namespace ScimClean.Architecture.Tests;

internal static class SolutionAssemblies
{
    public static readonly Assembly Domain = typeof(Domain.Common.Result).Assembly;

    public static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;

    public static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;

    public static readonly Assembly Api = typeof(Api.DependencyInjection).Assembly;
}
