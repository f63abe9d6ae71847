using System.Reflection;

namespace TrendAccount.Sdk.Tests.Security;

/// <summary>Results are built by the SDK alone: a host can read them but never construct or change one.</summary>
public sealed class PublicApiShapeTests
{
    public static TheoryData<Type> ResultTypes() =>
    [
        typeof(SignInResult), typeof(RegistrationResult), typeof(ProductActivationResult), typeof(EmailRecoveryResult),
        typeof(ForgotPasswordResult), typeof(ResetPasswordResult), typeof(ChangePasswordResult), typeof(AccountSession),
        typeof(TroubleshootingReport), typeof(SupportCaseSummary), typeof(TroubleshootingStep),
    ];

    [Theory]
    [MemberData(nameof(ResultTypes))]
    public void Result_HasNoPublicConstructorOrSetter(Type type)
    {
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.All(type.GetProperties(BindingFlags.Public | BindingFlags.Instance), p => Assert.False(p.SetMethod?.IsPublic ?? false, $"{type.Name}.{p.Name} has a public setter"));
    }

    [Fact]
    public void PublicTypes_RequestsEndInRequestAndResultsInResult()
    {
        var types = typeof(IAccountService).Assembly.GetExportedTypes();
        foreach (var method in typeof(IAccountService).GetMethods())
        {
            var parameter = method.GetParameters()[0].ParameterType;
            if (parameter != typeof(string))
            {
                Assert.EndsWith("Request", parameter.Name, StringComparison.Ordinal);
            }

            var returned = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;
            if (returned is not null && returned != typeof(bool) && returned != typeof(AccountSession))
            {
                Assert.EndsWith("Result", returned.Name, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(types, t => t.Name is "SecureTokens" or "IssuedToken" or "AccountWorkQueue" or "TestCaptchaVerifier");
    }
}
