using System.Collections.Generic;

namespace BinancePostman.HelpCompiler
{
    /// <summary>What the cmdlet class declares, as help needs it: plain data, so the MAML writer is testable without reflection.</summary>
    public sealed class CmdletMetadata
    {
        public CmdletMetadata(string verb, string noun)
        {
            Verb = verb;
            Noun = noun;
        }

        public string Verb { get; }
        public string Noun { get; }
        public string Name => Verb + "-" + Noun;
        public string? DefaultParameterSet { get; set; }
        public bool SupportsShouldProcess { get; set; }
        public bool SupportsPaging { get; set; }
        /// <summary>Parameters in declaration order; each knows the sets it belongs to.</summary>
        public List<ParameterMetadata> Parameters { get; } = new List<ParameterMetadata>();
        public List<string> OutputTypes { get; } = new List<string>();
    }

    public sealed class ParameterMetadata
    {
        public ParameterMetadata(string name, string typeName, string fullTypeName)
        {
            Name = name;
            TypeName = typeName;
            FullTypeName = fullTypeName;
        }

        public string Name { get; }
        /// <summary>Short, as syntax shows it: String[], SwitchParameter, BinanceNetwork.</summary>
        public string TypeName { get; }
        public string FullTypeName { get; }
        public bool IsSwitch => TypeName == "SwitchParameter";
        public List<string> Aliases { get; } = new List<string>();
        public bool SupportsWildcards { get; set; }
        public string DefaultValue { get; set; } = "None";
        /// <summary>Enum names or a ValidateSet's values; empty when any value goes.</summary>
        public List<string> AllowedValues { get; } = new List<string>();
        /// <summary>Parameter set name ("__AllParameterSets" for all) to how the parameter binds there.</summary>
        public Dictionary<string, ParameterBinding> Sets { get; } = new Dictionary<string, ParameterBinding>();
        /// <summary>WhatIf and Confirm: added from SupportsShouldProcess, not declared by the class.</summary>
        public bool IsShouldProcess { get; set; }
        /// <summary>First, Skip and IncludeTotalCount: added from SupportsPaging, not declared by the class.</summary>
        public bool IsPaging { get; set; }
    }

    public sealed class ParameterBinding
    {
        public bool Mandatory { get; set; }
        /// <summary>null when the parameter is named only.</summary>
        public int? Position { get; set; }
        public bool ValueFromPipeline { get; set; }
        public bool ValueFromPipelineByPropertyName { get; set; }
        public bool ValueFromRemainingArguments { get; set; }
    }
}
