using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ChatAnywhere.PowerShell.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 applies no binding redirects to a module, so Polly.Core's references to
    /// other versions of Microsoft.Bcl.AsyncInterfaces, System.Threading.Tasks.Extensions and friends
    /// than the ones shipped beside it would fail to load (toolchain notes, Dependencies; the pattern of
    /// PowerShellEditorServices' loader). On .NET Framework only, such a request is answered with the
    /// copy in the module folder. PowerShell 7 resolves them itself and is left alone.
    /// Untested here: these machines have no Windows PowerShell.
    /// </summary>
    public sealed class DependencyResolver : IModuleAssemblyInitializer
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;

        /// <inheritdoc />
        public void OnImport()
        {
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
            }
        }

        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            var path = Path.Combine(ModuleDirectory, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
