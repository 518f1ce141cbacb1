using BinancePostman.Session;
using Xunit;

namespace BinancePostman.Tests.Session
{
    public class DependencyResolverRegistrationTests
    {
        private int _attached;
        private int _detached;

        private DependencyResolverRegistration Create() => new DependencyResolverRegistration(() => _attached++, () => _detached++);

        [Fact]
        public void OnDotNetCoreAnImportAttachesNothing()
        {
            DependencyResolverRegistration registration = Create();
            registration.OnImport(isNetFramework: false);
            registration.OnRemove();

            Assert.Equal(1, registration.ImportsSeen);
            Assert.False(registration.IsRegistered);
            Assert.Equal(0, _attached);
            Assert.Equal(0, _detached);
        }

        [Fact]
        public void OnDotNetFrameworkTheFirstImportAttachesAndTheLastRemovalDetaches()
        {
            DependencyResolverRegistration registration = Create();
            registration.OnImport(isNetFramework: true);  // runspace A
            registration.OnImport(isNetFramework: true);  // runspace B
            Assert.True(registration.IsRegistered);
            Assert.Equal(1, _attached);

            registration.OnRemove();                       // A removes the module: B still needs the resolver
            Assert.True(registration.IsRegistered);
            Assert.Equal(0, _detached);

            registration.OnRemove();
            Assert.False(registration.IsRegistered);
            Assert.Equal(1, _detached);

            registration.OnRemove();                       // a stray removal changes nothing
            Assert.Equal(1, _detached);

            registration.OnImport(isNetFramework: true);  // imported again
            Assert.True(registration.IsRegistered);
            Assert.Equal(2, _attached);
            Assert.Equal(3, registration.ImportsSeen);
        }
    }
}
