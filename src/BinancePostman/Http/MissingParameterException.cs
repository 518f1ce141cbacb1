using System;
using System.Collections.Generic;

namespace BinancePostman.Http
{
    /// <summary>Required parameters the user did not give: raised before anything is sent.</summary>
    public sealed class MissingParameterException : ArgumentException
    {
        public MissingParameterException(string endpoint, IReadOnlyList<string> names)
            : base($"'{endpoint}' needs {Describe(names)}, which {(names.Count == 1 ? "was" : "were")} not given. Nothing was sent.")
        {
            Endpoint = endpoint;
            Names = names;
        }

        public string Endpoint { get; }
        public IReadOnlyList<string> Names { get; }

        private static string Describe(IReadOnlyList<string> names) =>
            names.Count == 1 ? "the parameter '" + names[0] + "'" : "the parameters '" + string.Join("', '", names) + "'";
    }
}
