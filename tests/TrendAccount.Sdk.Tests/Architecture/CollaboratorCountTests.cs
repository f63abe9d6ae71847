using System.Reflection;

namespace TrendAccount.Sdk.Tests.Architecture;

/// <summary>
/// CONVENTIONS.md: "when a class needs more than about 7 collaborators, it is several classes." Checked on every
/// constructor of every type in the core assembly, public or internal, so a class that grows an eighth dependency
/// fails here instead of in review.
/// </summary>
public sealed class CollaboratorCountTests
{
    private const int MaximumCollaborators = 7;

    /// <summary>
    /// The one accepted exception: the <see cref="IAccountService"/> facade holds one handler per flow and does
    /// nothing else (each call is a one-line hand-off), so its width is the public interface's, not a design smell.
    /// </summary>
    private static readonly HashSet<string> Facades = new(StringComparer.Ordinal) { "TrendAccount.Sdk.AccountService" };

    [Fact]
    public void CoreTypes_Constructors_TakeAtMostSevenCollaborators()
    {
        var violations = typeof(IAccountService).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !IsCompilerGenerated(t) && !Facades.Contains(t.FullName!))
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(c => !IsCompilerGenerated(c) && c.GetParameters().Count(IsCollaborator) > MaximumCollaborators)
                .Select(c => $"{t.FullName}({string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name))})"))
            .ToList();

        Assert.True(violations.Count == 0, "Constructors with more than 7 collaborators: " + string.Join("; ", violations));
    }

    [Fact]
    public void Facade_IsOnlyAFacade_EveryMemberIsOneHandOff()
    {
        // The exception above holds only while AccountService stays a pure facade: no fields but its handlers.
        var fields = typeof(IAccountService).Assembly.GetType("TrendAccount.Sdk.AccountService", throwOnError: true)!
            .GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

        Assert.All(fields, f => Assert.EndsWith("Handler", f.FieldType.Name, StringComparison.Ordinal));
    }

    // A collaborator is a service the class calls: not a value (a string, or any struct: numbers, TimeSpan, enums, nullables).
    private static bool IsCollaborator(ParameterInfo parameter) =>
        !(parameter.ParameterType.IsValueType || parameter.ParameterType == typeof(string));

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null
        || member.Name.Contains('<', StringComparison.Ordinal);
}
