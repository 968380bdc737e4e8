using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.PowerShell.Errors;
using ChatAnywhere.PowerShell.Logging;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// What every command of the module that calls the engine shares: one cancellation source per
    /// invocation cancelled by Ctrl+C, the redactor, the engine's log, and the one loop that waits for the
    /// engine on the pipeline thread. <see cref="ConnectedCommandBase"/> adds the connection parameters.
    /// </summary>
    public abstract class ChatAnywhereCommandBase : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly List<IDisposable> _owned = new List<IDisposable>();
        private QueuedProbeLog? _log;
        private bool _disposed;

        /// <summary>Cancelled when the user presses Ctrl+C.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        /// <summary>Masks every secret this invocation has seen.</summary>
        private protected SecretRedactor Redactor { get; } = new SecretRedactor();

        /// <summary>The engine's log for this invocation, made on first use (in BeginProcessing).</summary>
        private protected QueuedProbeLog Log => _log ??= QueuedProbeLog.For(this, Redactor);

        /// <inheritdoc />
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // The pipeline may end early (a terminating error, -ErrorAction Stop): work still in
            // flight for other keys must stop with it, not probe on in the background.
            _stopping.Cancel();
            _owned.ForEach(resource => resource.Dispose());
            _stopping.Dispose();
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Keeps <paramref name="resource"/> (the engine object and its HttpClient) until the command is disposed.</summary>
        protected T Own<T>(T resource)
            where T : IDisposable
        {
            _owned.Insert(0, resource); // last made, first released: a work queue before the client it uses
            return resource;
        }

        /// <summary>
        /// The one place a command waits for the engine, on the pipeline thread (the only one that
        /// may write). <paramref name="writeReady"/> writes what is done and the progress, and
        /// returns the tasks any of which ends the next wait, or none when the command may go on.
        /// Ctrl+C stops the pipeline at once, unless <paramref name="finishOnStop"/>: then the
        /// work must end itself (a rollback after Ctrl+C must not be abandoned), and meanwhile
        /// nothing is written, because PowerShell refuses every write once the pipeline is stopping.
        /// </summary>
        protected void Pump(Func<Task[]> writeReady, TimeSpan slice, bool finishOnStop = false)
        {
            while (true)
            {
                Task[] pending;
                try
                {
                    WriteLogUnlessStopping();
                    pending = writeReady();
                }
                catch (PipelineStoppedException) when (finishOnStop)
                {
                    // Stopped between the check and a write: the next round writes nothing and waits.
                    continue;
                }

                if (pending.Length == 0)
                {
                    WriteLogUnlessStopping();
                    return;
                }

                try
                {
                    // Wakes when a task ends, on Ctrl+C, or after a slice to refresh progress.
                    Task.WaitAny(pending, (int)slice.TotalMilliseconds, finishOnStop ? CancellationToken.None : StopToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C, handled below.
                }

                if (!finishOnStop && StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        /// <summary>Waits for one engine task through <see cref="Pump"/>, showing progress meanwhile; the engine's own exception comes out unwrapped.</summary>
        protected T WaitFor<T>(Task<T> task, Action showProgress, TimeSpan slice, bool finishOnStop = false)
        {
            Pump(() => task.IsCompleted ? Array.Empty<Task>() : ShowProgress(StopToken.IsCancellationRequested ? null : showProgress, task), slice, finishOnStop);
            return task.GetAwaiter().GetResult();
        }

        private void WriteLogUnlessStopping()
        {
            if (!StopToken.IsCancellationRequested)
            {
                _log?.WriteTo(this);
            }
        }

        /// <summary>Stops the command with a clear message about a bad argument.</summary>
        protected void ThrowArgumentError(string errorId, string message, object? target) =>
            ThrowRedactedError(InputErrors.BadArgument(errorId, message, target));

        /// <summary>WriteError, with every secret of the invocation masked (<see cref="Redact(ErrorRecord)"/>).</summary>
        private protected void WriteRedactedError(ErrorRecord record) => WriteError(Redact(record));

        /// <summary>ThrowTerminatingError, with every secret of the invocation masked.</summary>
        private protected void ThrowRedactedError(ErrorRecord record) => ThrowTerminatingError(Redact(record));

        /// <summary>
        /// The record with the invocation's secrets masked in its message, string target and details: the
        /// last pass before an error reaches $Error, transcripts and logs (issue 16).
        /// </summary>
        private protected ErrorRecord Redact(ErrorRecord record) => ErrorRedaction.Redacted(record, Redactor);

        private static Task[] ShowProgress(Action? showProgress, Task task)
        {
            showProgress?.Invoke();
            return new[] { task };
        }
    }
}
