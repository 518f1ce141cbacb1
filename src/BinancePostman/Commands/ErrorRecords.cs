using System.Management.Automation;
using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>Error records with stable ids (BinancePostman.*), one category per class of failure.</summary>
    internal static partial class ErrorRecords
    {
        public static ErrorRecord ForLoadFailure(CollectionLoadException ex)
        {
            ErrorCategory category;
            string action;
            switch (ex.Error)
            {
                case CollectionLoadError.FileNotFound:
                    category = ErrorCategory.ObjectNotFound;
                    action = "Check the path; Get-ChildItem shows what is there.";
                    break;
                case CollectionLoadError.InvalidJson:
                    category = ErrorCategory.ParserError;
                    action = $"Fix the JSON at line {ex.Line}, position {ex.Position}, or export the file from Postman again.";
                    break;
                case CollectionLoadError.EnvironmentGivenAsCollection:
                    category = ErrorCategory.InvalidArgument;
                    action = "Load the file with Import-BinanceEnvironment.";
                    break;
                case CollectionLoadError.CollectionGivenAsEnvironment:
                    category = ErrorCategory.InvalidArgument;
                    action = "Load the file with Import-BinanceCollection.";
                    break;
                case CollectionLoadError.NotBinanceDownload:
                    category = ErrorCategory.InvalidArgument;
                    action = "Give the folder or zip of Binance's binance-api-postman repository as downloaded (it holds a collections folder).";
                    break;
                case CollectionLoadError.PostmanV1Collection:
                case CollectionLoadError.UnknownSchema:
                    category = ErrorCategory.InvalidType;
                    action = "Open the collection in Postman and export it as Collection v2.1.";
                    break;
                default:
                    category = ErrorCategory.InvalidData;
                    action = "Export the file from Postman again (Collection v2.1 or an environment).";
                    break;
            }
            var record = new ErrorRecord(ex, "BinancePostman.Catalog." + ex.Error, category, ex.File);
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = action };
            return record;
        }

        public static ErrorRecord NotFound(string what, string name, string action)
        {
            var ex = new ItemNotFoundException($"No {what} matches '{name}'.");
            var record = new ErrorRecord(ex, "BinancePostman." + what.Replace(" ", "") + "NotFound", ErrorCategory.ObjectNotFound, name);
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = action };
            return record;
        }
    }
}
