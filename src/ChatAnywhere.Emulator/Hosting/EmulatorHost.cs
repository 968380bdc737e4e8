using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.Control;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Faults;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Personalities;
using ChatAnywhere.Emulator.Personalities.ChatAnywhere;
using ChatAnywhere.Emulator.Personalities.OpenAI;
using ChatAnywhere.Emulator.Personalities.GitHub;
using ChatAnywhere.Emulator.Personalities.Relay;
using ChatAnywhere.Emulator.Personalities.UptimeKuma;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ChatAnywhere.Emulator.Hosting
{
    /// <summary>Starts Kestrel on 127.0.0.1, wires the personalities and control API, and runs until Ctrl+C or SIGTERM.</summary>
    public static class EmulatorHost
    {
        /// <summary>The port could not be bound or the URL file not written.</summary>
        private const int CannotListenExitCode = 1;
        private const int BadUsageExitCode = 2;

        public static async Task<int> RunAsync(string[] args)
        {
            EmulatorOptions options;
            Scenario scenario;
            FixtureCatalog fixtures = FixtureCatalog.LoadEmbedded();
            var loader = new ScenarioLoader(fixtures);
            try
            {
                options = EmulatorCommandLine.Parse(args);
                scenario = options.ScenarioPath is null ? loader.LoadEmbeddedDefault() : loader.LoadFile(options.ScenarioPath);
            }
            catch (Exception ex) when (ex is FormatException or ScenarioValidationException)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                await Console.Error.WriteLineAsync(EmulatorCommandLine.Usage).ConfigureAwait(false);
                return BadUsageExitCode;
            }

            await using WebApplication app = Build(options, scenario, fixtures, loader);
            try
            {
                await app.StartAsync().ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                // Typically the port is taken.
                await Console.Error.WriteLineAsync($"Cannot listen on 127.0.0.1:{options.Port}: {ex.Message}").ConfigureAwait(false);
                return CannotListenExitCode;
            }

            string url = ListeningUrl(app);
            if (options.UrlFilePath is not null)
            {
                try
                {
                    UrlFile.Write(options.UrlFilePath, url);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Whoever waits for the file would wait forever: stop instead.
                    await Console.Error.WriteLineAsync($"Cannot write --url-file '{options.UrlFilePath}': {ex.Message}").ConfigureAwait(false);
                    await app.StopAsync().ConfigureAwait(false);
                    return CannotListenExitCode;
                }
            }

            // The one stdout line other code waits for; all logging goes to stderr.
            Console.Out.WriteLine($"ChatAnywhere emulator listening on {url}");
            Console.Out.Flush();
            await app.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }

        private static WebApplication Build(EmulatorOptions options, Scenario scenario, FixtureCatalog fixtures, ScenarioLoader loader)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                // No command-line configuration, and a content root without appsettings.json, so nothing
                // outside this contract (a stray Kestrel endpoint) can change what the emulator binds.
                Args = [],
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                // Kestrel's own "Server: Kestrel" would be a signal no real backend sends.
                kestrel.AddServerHeader = false;
                kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
                {
                    if (options.Https)
                    {
                        // --https: a certificate nobody trusts, so clients see a real TLS failure (Get-ServiceStatus TlsError).
                        listen.UseHttps(SelfSignedCertificate.Create());
                    }
                });
            });

            WebApplication app = builder.Build();
            var store = new ScenarioStore(scenario, TimeProvider.System);
            var log = new RequestLog();
            // Each relay mount has its own tokens, seeded from the scenario's "relay" section.
            var relayAnswers = new RelayManagementAnswers(fixtures);
            var relayBilling = new RelayBillingRoutes(fixtures);
            RelayPersonality[] relays =
            [
                new(RelayFlavour.OneApi(fixtures), new RelayTokenStore(), relayAnswers, relayBilling),
                new(RelayFlavour.NewApi(fixtures), new RelayTokenStore(), relayAnswers, relayBilling),
                new(RelayFlavour.NewApi2025(fixtures), new RelayTokenStore(), relayAnswers, relayBilling),
            ];
            var router = new PersonalityRouter(
            [
                new ChatAnywherePersonality(new ChatAnywhereAnswers(fixtures), store.Usage, store.Spending, fixtures),
                new OpenAIPersonality(new OpenAIAnswers(fixtures), store.RateLimits),
                // Relays match whole path segments (/relay/new-api-2025 is not /relay/new-api); the bare /relay prefix comes last.
                .. relays,
                new UptimeKumaPersonality(new UptimeKumaAnswers(fixtures)),
                new GitHubPersonality(),
                new ReservedPersonality("relay", new PathString("/relay")),
            ]);
            var dataPlane = new DataPlaneHandler(
                store, router, new FaultPlanner(store), new FaultResponder(fixtures), log, fixtures.Corpus, app.Lifetime.ApplicationStopping);

            new ControlEndpoints(store, loader, log, relays).Map(app);
            app.Map("/{**path}", dataPlane.HandleAsync);
            return app;
        }

        private static string ListeningUrl(WebApplication app)
        {
            string address = app.Urls.First();
            var bound = new Uri(address);
            return $"{bound.Scheme}://127.0.0.1:{bound.Port}";
        }
    }
}
