using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace BinancePostman.Commands.Completion
{
    /// <summary>Order types of the API named by -Api (spot unless it says UsdM or CoinM). Only suggests: any type is still checked.</summary>
    public sealed class OrderTypeCompleter : IArgumentCompleter
    {
        private static readonly string[] Spot = { "LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER" };
        private static readonly string[] Futures = { "LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string api = fakeBoundParameters?["Api"]?.ToString() ?? "Spot";
            bool futures = api.StartsWith("UsdM", StringComparison.OrdinalIgnoreCase) || api.StartsWith("CoinM", StringComparison.OrdinalIgnoreCase);
            WildcardPattern pattern = CompletionText.PatternFor(wordToComplete);
            foreach (string type in futures ? Futures : Spot)
                if (pattern.IsMatch(type)) yield return CompletionText.Result(type, (futures ? "futures" : "spot") + " order type");
        }
    }
}
