using System.Management.Automation;
using System.Runtime.InteropServices;

namespace BinancePostman.Session
{
    /// <summary>
    /// Run by PowerShell on Import-Module and Remove-Module (it looks for public types implementing these interfaces):
    /// on Windows PowerShell 5.1 (.NET Framework) it attaches the resolver for the module's own dependencies before any
    /// cmdlet runs; on PowerShell 7 it does nothing.
    /// </summary>
    public sealed class ModuleImportHooks : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DesktopDependencies.Registration.OnImport(DependencyRule.IsNetFramework(RuntimeInformation.FrameworkDescription));

        public void OnRemove(PSModuleInfo psModuleInfo) => DesktopDependencies.Registration.OnRemove();
    }
}
