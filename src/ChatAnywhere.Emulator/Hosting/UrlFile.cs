using System;
using System.IO;

namespace ChatAnywhere.Emulator.Hosting
{
    /// <summary>Publishes the base URL for a starting test: written under a temporary name, then renamed, so no reader sees half of it.</summary>
    public static class UrlFile
    {
        public static void Write(string path, string url)
        {
            string full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            string temporary = $"{full}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, url);
            File.Move(temporary, full, overwrite: true);
        }
    }
}
