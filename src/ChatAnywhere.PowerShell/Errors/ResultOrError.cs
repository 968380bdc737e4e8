using System.Management.Automation;

namespace ChatAnywhere.PowerShell.Errors
{
    /// <summary>
    /// What one input came to: a result to write, or the ErrorRecord that stands in its place, so
    /// a failing input keeps its place in the output order and the others go on.
    /// </summary>
    internal sealed class ResultOrError<T>
        where T : class
    {
        private ResultOrError(T? result, ErrorRecord? error)
        {
            Result = result;
            Error = error;
        }

        public T? Result { get; }

        public ErrorRecord? Error { get; }

        public static ResultOrError<T> Succeeded(T result) => new ResultOrError<T>(result, null);

        public static ResultOrError<T> Failed(ErrorRecord error) => new ResultOrError<T>(null, error);
    }
}
