namespace BinancePostman.Catalog
{
    /// <summary>Where a request's base URI came from.</summary>
    public enum BaseUriSource
    {
        /// <summary>The caller did not say: treated as named by no one.</summary>
        Unknown,
        /// <summary>-BaseUri of this call.</summary>
        Parameter,
        /// <summary>Connect-Binance -BaseUri.</summary>
        Session,
        /// <summary>A variable of a Postman environment: one named with -Environment, or the one picked for the network.</summary>
        EnvironmentVariable,
        /// <summary>A variable the collection itself defines.</summary>
        CollectionVariable,
        /// <summary>A host written out in the request's URL (no variable).</summary>
        CollectionLiteral,
    }

    /// <summary>
    /// Where a request's base URI came from, so that a refusal can name it: the user (this call or the session), an
    /// environment and its variable, or the collection (a variable, or a URL written out in the request).
    /// </summary>
    public sealed class BaseUriOrigin
    {
        private BaseUriOrigin(BaseUriSource source, string? collection = null, string? request = null, string? environment = null,
            string? variable = null, string? literal = null, BinanceNetwork? pickedForNetwork = null)
        {
            Source = source;
            Collection = collection;
            Request = request;
            Environment = environment;
            Variable = variable;
            Literal = literal;
            PickedForNetwork = pickedForNetwork;
        }

        public static BaseUriOrigin Unknown { get; } = new BaseUriOrigin(BaseUriSource.Unknown);
        public static BaseUriOrigin ForCall { get; } = new BaseUriOrigin(BaseUriSource.Parameter);
        public static BaseUriOrigin ForSession { get; } = new BaseUriOrigin(BaseUriSource.Session);

        public static BaseUriOrigin FromEnvironment(string environment, string variable, BinanceNetwork? pickedForNetwork = null) =>
            new BaseUriOrigin(BaseUriSource.EnvironmentVariable, environment: environment, variable: variable, pickedForNetwork: pickedForNetwork);

        public static BaseUriOrigin FromCollectionVariable(string collection, string request, string variable) =>
            new BaseUriOrigin(BaseUriSource.CollectionVariable, collection, request, variable: variable);

        public static BaseUriOrigin FromCollectionLiteral(string collection, string request, string literal) =>
            new BaseUriOrigin(BaseUriSource.CollectionLiteral, collection, request, literal: literal);

        public BaseUriSource Source { get; }
        public string? Collection { get; }
        /// <summary>The request (endpoint) name, for collection origins.</summary>
        public string? Request { get; }
        public string? Environment { get; }
        public string? Variable { get; }
        /// <summary>The host as the request's URL writes it, for CollectionLiteral.</summary>
        public string? Literal { get; }
        /// <summary>Set when the environment was not named but picked as the one for this network.</summary>
        public BinanceNetwork? PickedForNetwork { get; }

        /// <summary>The user named this base URI (for the call or the session), so any host is theirs to choose.</summary>
        public bool NamedByUser => Source == BaseUriSource.Parameter || Source == BaseUriSource.Session;

        public override string ToString() => Source switch
        {
            BaseUriSource.Parameter => "the call's base URI",
            BaseUriSource.Session => "the session's base URI",
            BaseUriSource.EnvironmentVariable => $"environment '{Environment}', variable '{Variable}'",
            BaseUriSource.CollectionVariable => $"collection '{Collection}', variable '{Variable}'",
            BaseUriSource.CollectionLiteral => $"collection '{Collection}', request '{Request}', URL '{Literal}'",
            _ => "unknown",
        };
    }
}
