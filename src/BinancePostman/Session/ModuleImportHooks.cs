using System.Management.Automation;
using System.Runtime.InteropServices;

namespace BinancePostman.Session
{
    /// <summary>
    /// Run by PowerShell on Import-Module and Remove-Module (it looks for public types implementing these interfaces):
    /// on Windows PowerShell 5.1 (.NET Framework) it attaches the resolver for the module's own dependencies before any
    /// cmdlet runs and makes sure TLS 1.2 is allowed; on PowerShell 7 it does nothing.
    /// </summary>
    public sealed class ModuleImportHooks : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            bool desktop = DependencyRule.IsNetFramework(RuntimeInformation.FrameworkDescription);
            DesktopDependencies.Registration.OnImport(desktop);
            if (desktop) DesktopTls.Ensure();
        }

        public void OnRemove(PSModuleInfo psModuleInfo) => DesktopDependencies.Registration.OnRemove();
    }
}
