// A PowerShell host for tests that keeps what is written to it, so a test can read what a cmdlet
// says through the host once the pipeline is stopping and nothing else can be written.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace ChatAnywhereTests
{
    public sealed class RecordingHost : PSHost
    {
        private readonly Guid _id = Guid.NewGuid();

        public RecordingUI Recorder { get; } = new RecordingUI();

        public override string Name => "RecordingHost";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId => _id;
        public override PSHostUserInterface UI => Recorder;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    public sealed class RecordingUI : PSHostUserInterface
    {
        private readonly object _gate = new object();
        private readonly List<string> _warnings = new List<string>();
        private readonly List<string> _lines = new List<string>();

        public string[] Warnings { get { lock (_gate) { return _warnings.ToArray(); } } }
        public string[] Lines { get { lock (_gate) { return _lines.ToArray(); } } }

        public override PSHostRawUserInterface RawUI => null!;
        public override string ReadLine() => throw new NotSupportedException();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
        public override void Write(string value) => Add(_lines, value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Add(_lines, value);
        public override void WriteLine(string value) => Add(_lines, value);
        public override void WriteErrorLine(string value) => Add(_lines, value);
        public override void WriteDebugLine(string message) => Add(_lines, message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) => Add(_lines, message);
        public override void WriteWarningLine(string message) => Add(_warnings, message);
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException();

        private void Add(List<string> list, string value)
        {
            lock (_gate)
            {
                list.Add(value);
            }
        }
    }
}
