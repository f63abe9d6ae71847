using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace TrendAccount.Sdk.Tests.Passwords;

public sealed class BreachScreeningTests
{
    private sealed class EverythingBreachedScreen : IBreachedPasswordScreen
    {
        public ValueTask<BreachScreeningResult> ScreenAsync(string password, CancellationToken cancellationToken) => new(BreachScreeningResult.Breached);
    }

    private sealed class NullAnswerScreen : IBreachedPasswordScreen
    {
        public ValueTask<BreachScreeningResult> ScreenAsync(string password, CancellationToken cancellationToken) => new((BreachScreeningResult)null!);
    }

    [Fact]
    public void FromProblems_EveryProblem_KeepsEnumOrderIncludingTheBreachProblems()
    {
        var all = Enum.GetValues<PasswordProblem>().Reverse().ToArray();

        var validation = PasswordValidation.FromProblems(all);

        Assert.Equal(Enum.GetValues<PasswordProblem>(), validation.Problems);
        Assert.True(validation.Has(PasswordProblem.Breached));
        Assert.True(validation.Has(PasswordProblem.BreachCheckUnavailable));
        Assert.Same(validation, PasswordValidation.FromProblems(all));
    }

    [Fact]
    public void DescribePasswordProblem_Breached_AsksForAnotherPasswordWithoutACount()
    {
        var text = TrendAccountMessages.Default.DescribePasswordProblem(PasswordProblem.Breached, new PasswordOptions());

        Assert.Equal(TrendAccountMessages.Default.BreachedPassword, text);
        Assert.Contains("Choose a different password", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, char.IsDigit);
        Assert.DoesNotContain("times", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DescribePasswordProblem_BreachCheckUnavailable_AsksToTryAgainLater()
    {
        var text = TrendAccountMessages.Default.DescribePasswordProblem(PasswordProblem.BreachCheckUnavailable, new PasswordOptions());

        Assert.Equal("We could not check your new password right now. Please try again in a few minutes.", text);
    }

    [Fact]
    public async Task AddTrendAccount_NoScreenChosen_RegistersOneThatLetsEveryPasswordPass()
    {
        var services = new ServiceCollection();
        services.AddTrendAccount();
        await using var provider = services.BuildServiceProvider();

        var screen = provider.GetRequiredService<IBreachedPasswordScreen>();

        Assert.Equal(BreachScreeningStatus.NotBreached, (await screen.ScreenAsync("Password1", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task UseBreachedPasswordScreen_CalledTwice_TheLastWins()
    {
        var first = new StubBreachScreen();
        var services = new ServiceCollection();
        services.AddTrendAccount().UseBreachedPasswordScreen(first).UseBreachedPasswordScreen<EverythingBreachedScreen>();
        await using var provider = services.BuildServiceProvider();

        var screens = provider.GetServices<IBreachedPasswordScreen>().ToList();

        Assert.IsType<EverythingBreachedScreen>(Assert.Single(screens));
    }

    [Theory]
    [InlineData(BreachScreeningStatus.NotBreached)]
    [InlineData(BreachScreeningStatus.Breached)]
    [InlineData(BreachScreeningStatus.Unavailable)]
    public void BreachScreeningResult_SharedInstances_CarryTheirStatus(BreachScreeningStatus status)
    {
        var result = status switch
        {
            BreachScreeningStatus.NotBreached => BreachScreeningResult.NotBreached,
            BreachScreeningStatus.Breached => BreachScreeningResult.Breached,
            _ => BreachScreeningResult.Unavailable,
        };

        Assert.Equal(status, result.Status);
        Assert.Equal(status == BreachScreeningStatus.NotBreached, result.Allows);
        Assert.Equal(status.ToString(), result.ToString());
    }

    [Fact]
    public async Task ApplyAsync_PolicyAlreadyRefused_DoesNotAskTheScreen()
    {
        var screen = new StubBreachScreen("short");
        var check = new NewPasswordBreachCheck(screen, NullLogger.Instance);
        var refused = PasswordValidation.FromProblems([PasswordProblem.TooShort]);

        var result = await check.ApplyAsync(refused, "short", CancellationToken.None);

        Assert.Same(refused, result);
        Assert.Empty(screen.Screened);
    }

    [Fact]
    public async Task ApplyAsync_ScreenAnswersNull_ThrowsAsABrokenAdapter()
    {
        var check = new NewPasswordBreachCheck(new NullAnswerScreen(), NullLogger.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => check.ApplyAsync(PasswordValidation.Valid, "long enough password", CancellationToken.None).AsTask());
    }
}
