using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using BinancePostman.Session;
using Xunit;

namespace BinancePostman.Tests.Session
{
    /// <summary>
    /// Windows PowerShell 5.1 cannot run here, so its binding is checked by rule over the built module folder: every
    /// assembly reference of every shipped dll must be answered on .NET Framework 4.7.2 without binding redirects, by the
    /// framework, by PowerShell, by the shipped file at its exact version, or by the module's resolver (older versions).
    /// </summary>
    public class ShippedDependencyGraphTests
    {
        private static readonly string ModuleFolder = Path.Combine(Fixtures.RepoRoot, "out", "BinancePostman");

        // What every .NET Framework 4.7.2 install answers from the GAC, at the highest version it answers. A netstandard2.0
        // library names only netstandard (netstandard.dll 2.0.0.0 is part of .NET Framework since 4.7.1); the others are
        // what a net4x build of a dependency would name. Out-of-band packages (System.Memory, System.Buffers,
        // System.Runtime.CompilerServices.Unsafe, System.Numerics.Vectors 4.1+, Microsoft.Bcl.*, ...) are not in it:
        // the module has to ship them.
        private static readonly Dictionary<string, Version> NetFramework472 = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase)
        {
            ["netstandard"] = new Version(2, 0, 0, 0),
            ["mscorlib"] = new Version(4, 0, 0, 0),
            ["System"] = new Version(4, 0, 0, 0),
            ["System.Core"] = new Version(4, 0, 0, 0),
            ["System.Numerics"] = new Version(4, 0, 0, 0),
            ["System.Xml"] = new Version(4, 0, 0, 0),
            ["System.Data"] = new Version(4, 0, 0, 0),
        };

        // The host: Windows PowerShell 5.1's System.Management.Automation is 3.0.0.0 (PowerShellStandard.Library 5.1 builds against it)
        private static readonly Dictionary<string, Version> PowerShellHost = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase)
        {
            ["System.Management.Automation"] = new Version(3, 0, 0, 0),
        };

        private sealed class Reference
        {
            public Reference(string from, string name, Version version, byte[] token)
            {
                From = from;
                Name = name;
                Version = version;
                Token = token;
            }

            public string From { get; }
            public string Name { get; }
            public Version Version { get; }
            public byte[] Token { get; }
            public override string ToString() => From + " -> " + Name + " " + Version;
        }

        [Fact]
        public void EveryReferenceOfEveryShippedDllIsAnsweredOnDotNetFramework()
        {
            IReadOnlyDictionary<string, ShippedAssembly> shipped = ReadShippedOrFail();
            List<Reference> references = ShippedDlls().SelectMany(AssemblyReferences).ToList();
            Assert.True(references.Count >= 10, "too few references read from " + ModuleFolder + ": " + references.Count);

            var problems = new List<string>();
            foreach (Reference r in references)
            {
                if (shipped.TryGetValue(r.Name, out ShippedAssembly? ours))
                {
                    if (r.Version > ours.Version)
                        problems.Add(r + ": newer than the shipped " + ours.Version + " (nothing in the folder can answer it)");
                    else if (DependencyRule.PathFor(r.Name, r.Version, r.Token, shipped) != ours.Path)
                        problems.Add(r + ": shipped " + ours.Version + " but the resolver's rule does not answer it with " + Path.GetFileName(ours.Path));
                }
                else if (Answers(NetFramework472, r) || Answers(PowerShellHost, r))
                {
                    if (DependencyRule.PathFor(r.Name, r.Version, r.Token, shipped) != null)
                        problems.Add(r + ": the framework's or PowerShell's own, yet the resolver's rule claims it");
                }
                else
                {
                    problems.Add(r + ": neither shipped in the module folder nor part of .NET Framework 4.7.2 or Windows PowerShell 5.1");
                }
            }
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void ThePublicTypesLoadBeforeTheResolverIsAttached()
        {
            // Windows PowerShell calls GetExportedTypes() on the module before OnImport attaches the resolver, so the base
            // types and interfaces of public types may come only from assemblies that bind without it.
            IReadOnlyDictionary<string, ShippedAssembly> shipped = ReadShippedOrFail();
            string module = Path.Combine(ModuleFolder, "BinancePostman.dll");
            var problems = new List<string>();
            int publicTypes = 0;
            using (var pe = new PEReader(File.OpenRead(module)))
            {
                MetadataReader md = pe.GetMetadataReader();
                var collector = new ReferencedAssemblies(md);
                foreach (TypeDefinitionHandle h in md.TypeDefinitions)
                {
                    TypeDefinition type = md.GetTypeDefinition(h);
                    if (!IsExported(md, type)) continue;
                    publicTypes++;
                    collector.Found.Clear();
                    if (!type.BaseType.IsNil) collector.Add(type.BaseType);
                    foreach (InterfaceImplementationHandle i in type.GetInterfaceImplementations()) collector.Add(md.GetInterfaceImplementation(i).Interface);
                    foreach (AssemblyReferenceHandle a in collector.Found)
                    {
                        AssemblyReference reference = md.GetAssemblyReference(a);
                        string name = md.GetString(reference.Name);
                        bool bindsAlone = shipped.TryGetValue(name, out ShippedAssembly? ours)
                            ? ours.Version == reference.Version
                            : NetFramework472.ContainsKey(name) || PowerShellHost.ContainsKey(name);
                        if (!bindsAlone)
                            problems.Add(md.GetString(type.Namespace) + "." + md.GetString(type.Name) + " derives from or implements a type in " + name + " " + reference.Version + ", which needs the resolver");
                    }
                }
            }
            Assert.True(publicTypes > 10, "too few public types read: " + publicTypes);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        private static IReadOnlyDictionary<string, ShippedAssembly> ReadShippedOrFail()
        {
            Assert.True(File.Exists(Path.Combine(ModuleFolder, "BinancePostman.dll")), "no built module at " + ModuleFolder + ": run dotnet build");
            return ShippedAssemblies.Read(ModuleFolder); // the module's own reading of its folder
        }

        private static IEnumerable<string> ShippedDlls() => Directory.GetFiles(ModuleFolder, "*.dll").OrderBy(f => f, StringComparer.Ordinal);

        private static IEnumerable<Reference> AssemblyReferences(string file)
        {
            using var pe = new PEReader(File.OpenRead(file));
            if (!pe.HasMetadata) yield break;
            MetadataReader md = pe.GetMetadataReader();
            if (!md.IsAssembly) yield break;
            string from = md.GetString(md.GetAssemblyDefinition().Name);
            foreach (AssemblyReferenceHandle h in md.AssemblyReferences)
            {
                AssemblyReference r = md.GetAssemblyReference(h);
                byte[] token = md.GetBlobBytes(r.PublicKeyOrToken);
                if ((r.Flags & AssemblyFlags.PublicKey) != 0) token = TokenOf(token);
                yield return new Reference(from, md.GetString(r.Name), r.Version, token);
            }
        }

        // a reference may carry the full public key: its token is the last 8 bytes of the key's SHA-1, reversed
        private static byte[] TokenOf(byte[] publicKey)
        {
            byte[] hash = System.Security.Cryptography.SHA1.HashData(publicKey);
            return hash.Skip(hash.Length - 8).Reverse().ToArray();
        }

        private static bool Answers(Dictionary<string, Version> set, Reference r) => set.TryGetValue(r.Name, out Version? highest) && r.Version <= highest;

        private static bool IsExported(MetadataReader md, TypeDefinition type)
        {
            TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility == TypeAttributes.Public) return true;
            if (visibility != TypeAttributes.NestedPublic) return false;
            return IsExported(md, md.GetTypeDefinition(type.GetDeclaringType()));
        }

        /// <summary>The assemblies a type handle names, generic arguments included.</summary>
        private sealed class ReferencedAssemblies : ISignatureTypeProvider<object?, object?>
        {
            private readonly MetadataReader _md;

            public ReferencedAssemblies(MetadataReader md) => _md = md;

            public HashSet<AssemblyReferenceHandle> Found { get; } = new HashSet<AssemblyReferenceHandle>();

            public void Add(EntityHandle handle)
            {
                switch (handle.Kind)
                {
                    case HandleKind.TypeReference:
                        AddReference((TypeReferenceHandle)handle);
                        break;
                    case HandleKind.TypeSpecification:
                        _md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                        break;
                }
            }

            private void AddReference(TypeReferenceHandle handle)
            {
                EntityHandle scope = _md.GetTypeReference(handle).ResolutionScope;
                if (scope.Kind == HandleKind.AssemblyReference) Found.Add((AssemblyReferenceHandle)scope);
                else if (scope.Kind == HandleKind.TypeReference) AddReference((TypeReferenceHandle)scope);
            }

            public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                AddReference(handle);
                return null;
            }

            public object? GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

            public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => null;
            public object? GetGenericInstantiation(object? genericType, ImmutableArray<object?> typeArguments) => null;
            public object? GetArrayType(object? elementType, ArrayShape shape) => null;
            public object? GetByReferenceType(object? elementType) => null;
            public object? GetFunctionPointerType(MethodSignature<object?> signature) => null;
            public object? GetGenericMethodParameter(object? genericContext, int index) => null;
            public object? GetGenericTypeParameter(object? genericContext, int index) => null;
            public object? GetModifiedType(object? modifier, object? unmodifiedType, bool isRequired) => null;
            public object? GetPinnedType(object? elementType) => null;
            public object? GetPointerType(object? elementType) => null;
            public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
            public object? GetSZArrayType(object? elementType) => null;
        }
    }
}
