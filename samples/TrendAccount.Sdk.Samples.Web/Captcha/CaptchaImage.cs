using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>Draws a challenge's characters as inline SVG, each slightly turned and shifted.</summary>
public static class CaptchaImage
{
    public static IHtmlContent Render(CaptchaChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var svg = new StringBuilder();
        svg.Append("<svg width=\"170\" height=\"52\" viewBox=\"0 0 170 52\" role=\"img\" aria-label=\"Captcha characters\" data-testid=\"captcha-image\">")
            .Append("<line x1=\"6\" y1=\"14\" x2=\"164\" y2=\"40\" stroke=\"#c9b99a\" stroke-width=\"2\"/>")
            .Append("<line x1=\"8\" y1=\"42\" x2=\"160\" y2=\"10\" stroke=\"#d8c8aa\" stroke-width=\"1.5\"/>");
        for (var i = 0; i < challenge.Characters.Length; i++)
        {
            // The id is random hex: it doubles as the source of each character's tilt and height.
            var rotate = ((challenge.Id[i] % 7) - 3) * 6;
            var y = 36 + (challenge.Id[i + 8] % 5) - 2;
            var x = 18 + (i * 29);
            var character = challenge.Characters[i];
            if (!char.IsAsciiLetterOrDigit(character))
            {
                throw new InvalidOperationException("Captcha characters are ASCII letters and digits.");
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x}\" y=\"{y}\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"28\" font-weight=\"bold\" fill=\"#3b3b58\" transform=\"rotate({rotate} {x + 8} 28)\">{character}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
