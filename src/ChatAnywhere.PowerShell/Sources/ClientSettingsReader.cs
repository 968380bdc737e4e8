using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ChatAnywhere.Engine.Clients;
using ChatAnywhere.PowerShell.Security;

namespace ChatAnywhere.PowerShell.Sources
{
    /// <summary>
    /// Gathers, for Get-ApiKeyEnvironment, every value of the variables the clients read: the environment,
    /// .env files and the PowerShell session. Only the cmdlet's pipeline thread calls it.
    /// </summary>
    internal sealed class ClientSettingsReader
    {
        private const string DotEnvName = ".env";

        // The cmdlets whose -ApiKey and -BaseUri $PSDefaultParameterValues may set.
        private static readonly string[] ModuleCommands = { "Test-ApiKey", "Wait-KeyActivation", "Get-ServiceStatus", "Reset-ApiKey", "Get-ApiKeyBalance" };

        private readonly PSCmdlet _cmdlet;

        public ClientSettingsReader(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>The process environment, and on Windows the User and Machine scopes too.</summary>
        public void ReadEnvironment(ClientSettings settings)
        {
            var scopes = new List<(EnvironmentVariableTarget Target, SettingScope Scope)> { (EnvironmentVariableTarget.Process, SettingScope.Process) };

            // User and Machine scopes exist on Windows only; elsewhere .NET reads them as empty.
            if (System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows))
            {
                scopes.Add((EnvironmentVariableTarget.User, SettingScope.User));
                scopes.Add((EnvironmentVariableTarget.Machine, SettingScope.Machine));
            }

            foreach (var name in VariableNames())
            {
                foreach (var (target, scope) in scopes)
                {
                    var value = Environment.GetEnvironmentVariable(name, target);
                    if (value is not null)
                    {
                        settings.Add(new SettingSource(name, value, scope, $"env:{name} ({scope})"));
                    }
                }
            }
        }

        /// <summary>.env files: <paramref name="paths"/> (files or folders holding one), else the current folder and its parents.</summary>
        public void ReadDotEnvFiles(ClientSettings settings, string[]? paths)
        {
            foreach (var (file, shown) in DotEnvFiles(paths))
            {
                _cmdlet.WriteVerbose($"Reading {shown}.");
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    _cmdlet.WriteError(new ErrorRecord(exception, "DotEnvUnreadable", ErrorCategory.ReadError, shown));
                    continue;
                }

                foreach (var (name, value, line) in DotEnvReader.Read(text))
                {
                    settings.Add(new SettingSource(name, value, SettingScope.DotEnv, $"{shown} line {line}"));
                }
            }
        }

        // -Path as given; else .env in the current folder and each parent, nearest first.
        private IEnumerable<(string File, string Shown)> DotEnvFiles(string[]? paths)
        {
            if (paths is not null)
            {
                foreach (var given in paths)
                {
                    var full = _cmdlet.GetUnresolvedProviderPathFromPSPath(given);
                    var file = Directory.Exists(full) ? System.IO.Path.Combine(full, DotEnvName) : full;
                    if (File.Exists(file))
                    {
                        yield return (file, file);
                    }
                    else
                    {
                        _cmdlet.WriteError(new ErrorRecord(new FileNotFoundException($"No .env file at {file}."), "DotEnvNotFound", ErrorCategory.ObjectNotFound, given));
                    }
                }

                yield break;
            }

            var folder = new DirectoryInfo(_cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath);
            var shown = "./";
            while (folder is not null)
            {
                var file = System.IO.Path.Combine(folder.FullName, DotEnvName);
                if (File.Exists(file))
                {
                    yield return (file, shown + DotEnvName);
                }

                folder = folder.Parent;
                shown = shown == "./" ? "../" : shown + "../";
            }
        }

        // PSOpenAI's $global: variables, and $PSDefaultParameterValues for this module's cmdlets.
        public void ReadSession(ClientSettings settings)
        {
            foreach (var name in new[] { "OPENAI_API_KEY", "OPENAI_API_BASE" })
            {
                if (TextOf(_cmdlet.SessionState.PSVariable.GetValue("global:" + name)) is { } value)
                {
                    settings.Add(new SettingSource(name, value, SettingScope.Session, "$global:" + name));
                }
            }

            if (_cmdlet.SessionState.PSVariable.GetValue("PSDefaultParameterValues") is IDictionary defaults)
            {
                foreach (DictionaryEntry entry in defaults)
                {
                    var (commands, parameter) = Split(entry.Key as string);
                    var name = string.Equals(parameter, "ApiKey", StringComparison.OrdinalIgnoreCase) || string.Equals(parameter, "Key", StringComparison.OrdinalIgnoreCase) ? ClientProfiles.DefaultApiKey
                        : string.Equals(parameter, "BaseUri", StringComparison.OrdinalIgnoreCase) ? ClientProfiles.DefaultBaseUri : null;
                    var pattern = new WildcardPattern(commands ?? string.Empty, WildcardOptions.IgnoreCase);
                    if (name is not null && ModuleCommands.Any(pattern.IsMatch) && TextOf(entry.Value) is { } value)
                    {
                        settings.Add(new SettingSource(name, value, SettingScope.DefaultParameterValue, $"$PSDefaultParameterValues['{entry.Key}']"));
                    }
                }
            }
        }

        private static (string? Commands, string? Parameter) Split(string? key)
        {
            var colon = key?.IndexOf(':') ?? -1;
            return colon <= 0 ? (null, null) : (key!.Substring(0, colon), key.Substring(colon + 1));
        }

        private static string? TextOf(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) switch
        {
            string text => text,
            SecureString secure => SecureStrings.ToPlainText(secure),
            _ => null,
        };

        private static IEnumerable<string> VariableNames() =>
            ClientProfiles.All.SelectMany(p => p.KeyVariables.Concat(p.BaseUriVariables)).Distinct(StringComparer.Ordinal);
    }
}
