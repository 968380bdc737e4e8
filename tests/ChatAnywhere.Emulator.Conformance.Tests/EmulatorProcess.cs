using System;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using OpenAI;
using Xunit;

namespace ChatAnywhere.Emulator.Conformance.Tests
{
    /// <summary>
    /// The built emulator, run as its own process on a free loopback port with the suite's scenario
    /// (conformance.scenario.json), for every test of the collection.
    /// </summary>
    public sealed class EmulatorProcess : IAsyncLifetime
    {
        private const string ListeningLine = "ChatAnywhere emulator listening on ";
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

        private Process? _process;

        public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

        public async Task InitializeAsync()
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(EmulatorAssembly());
            start.ArgumentList.Add("--port");
            start.ArgumentList.Add("0");
            start.ArgumentList.Add("--scenario");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "conformance.scenario.json"));
            _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            Task<string> errors = _process.StandardError.ReadToEndAsync();

            // The emulator writes one stdout line once it listens: wait for that line, not for a time.
            using var timeout = new CancellationTokenSource(StartTimeout);
            string? line;
            while ((line = await _process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)) is not null)
            {
                if (line.StartsWith(ListeningLine, StringComparison.Ordinal))
                {
                    BaseUri = new Uri(line[ListeningLine.Length..].Trim() + "/");
                    // Keep draining stdout so the emulator never blocks on a full pipe.
                    _ = _process.StandardOutput.ReadToEndAsync();
                    return;
                }
            }

            throw new InvalidOperationException($"The emulator exited before it listened: {await errors.ConfigureAwait(false)}");
        }

        public Task DisposeAsync()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }

            _process?.Dispose();
            return Task.CompletedTask;
        }

        /// <summary>The official client's options for a base URL below the emulator's root ("v1", "openai/v1"...).</summary>
        public OpenAIClientOptions ClientOptions(string pathToV1) => new()
        {
            Endpoint = new Uri(BaseUri, pathToV1),
            // One attempt: a case is about the answer, not the client's retries of a 429 or 5xx.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(60),
        };

        private static string EmulatorAssembly()
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ChatAnywhere.PowerShell.sln")))
            {
                folder = folder.Parent;
            }

            if (folder is null)
            {
                throw new InvalidOperationException("The repository root (ChatAnywhere.PowerShell.sln) is not above the test output.");
            }

            string assembly = Path.Combine(folder.FullName, "src", "ChatAnywhere.Emulator", "bin", configuration, "net10.0", "ChatAnywhere.Emulator.dll");
            return File.Exists(assembly) ? assembly : throw new FileNotFoundException("The emulator is not built.", assembly);
        }
    }

    [CollectionDefinition(Name)]
    public sealed class EmulatorCollection : ICollectionFixture<EmulatorProcess>
    {
        public const string Name = "emulator";
    }
}
