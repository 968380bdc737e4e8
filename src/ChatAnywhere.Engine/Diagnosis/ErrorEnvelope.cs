namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>The error fields found in a body, whatever envelope carried them.</summary>
    internal sealed class ErrorEnvelope
    {
        /// <summary>No fields found.</summary>
        public static readonly ErrorEnvelope None = new ErrorEnvelope();

        /// <summary>error.message, message or msg; for HTML the page title; for plain text the text.</summary>
        public string? Message { get; internal set; }

        /// <summary>error.type.</summary>
        public string? Type { get; internal set; }

        /// <summary>error.code, as text.</summary>
        public string? Code { get; internal set; }

        /// <summary>The management envelope's success flag (one-api / new-api), when present.</summary>
        public bool? Success { get; internal set; }

        /// <summary>True when the body parsed as JSON.</summary>
        public bool IsJson { get; internal set; }

        /// <summary>True when the body had an error object or error message.</summary>
        public bool HasError { get; internal set; }

        /// <summary>ChatAnywhere's 2023 envelope, {"object":null,"data":null,"error":{...}} (CA-502-cf-bad-gateway-2023).</summary>
        public bool IsChatAnywhere2023 { get; internal set; }

        /// <summary>Uptime Kuma's {"status":"fail","msg":...} (UK-404-status-page-not-found).</summary>
        public bool IsUptimeKumaFailure { get; internal set; }

        /// <summary>A 200 body listing models ({"data":[...]}).</summary>
        public bool IsModelList { get; internal set; }
    }
}
