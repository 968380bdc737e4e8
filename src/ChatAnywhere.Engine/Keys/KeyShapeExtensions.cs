namespace ChatAnywhere.Engine.Keys
{
    /// <summary>Questions asked of a <see cref="KeyShape"/>.</summary>
    internal static class KeyShapeExtensions
    {
        /// <summary>True for the shapes OpenAI issues.</summary>
        public static bool IsOpenAI(this KeyShape shape) =>
            shape == KeyShape.OpenAILegacy || shape == KeyShape.OpenAIProject ||
            shape == KeyShape.OpenAIServiceAccount || shape == KeyShape.OpenAIAdmin;
    }
}
