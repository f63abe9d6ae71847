// The using directives every ```csharp fragment block gets (a program block names its own, as Program.cs would).
// Not compiled on its own: .ci/snippets/snippets.py copies these lines to the top of each fragment's file, except
// those marked "needs PACKAGE" when the page (and README.md) does not name that package.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrendAccount.Sdk;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Captcha;                 // needs TrendAccount.Sdk.Captcha
using TrendAccount.Sdk.MailKit;                 // needs TrendAccount.Sdk.MailKit
using TrendAccount.Sdk.PwnedPasswords;          // needs TrendAccount.Sdk.PwnedPasswords
using Microsoft.EntityFrameworkCore;            // needs TrendAccount.Sdk.EntityFrameworkCore
using TrendAccount.Sdk.EntityFrameworkCore;     // needs TrendAccount.Sdk.EntityFrameworkCore
using System.Net;                               // needs TrendAccount.Sdk.AspNetCore
using Microsoft.AspNetCore.Builder;             // needs TrendAccount.Sdk.AspNetCore
using Microsoft.AspNetCore.Http;                // needs TrendAccount.Sdk.AspNetCore
using TrendAccount.Sdk.AspNetCore;              // needs TrendAccount.Sdk.AspNetCore
using TrendAccount.Sdk.Testing;                 // needs TrendAccount.Sdk.Testing
using Xunit;                                    // needs TrendAccount.Sdk.Testing
