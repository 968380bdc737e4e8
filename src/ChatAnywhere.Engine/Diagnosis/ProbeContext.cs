using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>What the classifier knows besides the answer: the key's shape and where it was sent.</summary>
    public sealed class ProbeContext
    {
        /// <summary>Creates a context.</summary>
        public ProbeContext(KeyShape keyShape, EndpointKind endpointKind, string baseUri, string? model = null)
        {
            KeyShape = keyShape;
            EndpointKind = endpointKind;
            BaseUri = baseUri;
            Model = model;
        }

        /// <summary>The key's family.</summary>
        public KeyShape KeyShape { get; }

        /// <summary>Who the host belongs to.</summary>
        public EndpointKind EndpointKind { get; }

        /// <summary>The base URL the request went to.</summary>
        public string BaseUri { get; }

        /// <summary>The model of a chat probe, if any.</summary>
        public string? Model { get; }
    }
}
