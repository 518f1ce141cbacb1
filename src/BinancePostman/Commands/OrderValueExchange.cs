using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;
using BinancePostman.Credentials;
using BinancePostman.Http;
using BinancePostman.Orders;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>What the order cmdlets read from the exchange: filters (cached), reference prices and account limits, planned as every request is.</summary>
    public abstract partial class OrderValueCmdlet
    {
        /// <summary>The symbol's filters, from the cache unless -Refresh or they are older than its lifetime.</summary>
        internal SymbolFilters FiltersFor(OrderApi api, string symbol, out string host, out DateTimeOffset fetchedAt)
        {
            string path = ExchangeInfoPath(api);
            var values = new RequestValues();
            if (api == OrderApi.Spot) values.Set("symbol", symbol);
            PlannedRequest plan = Plan(api, path, values, signed: false);
            host = plan.Request.Host;
            SymbolFilterCache cache = SymbolFilterCache.Shared;
            if (Refresh) cache.Invalidate(host, symbol, api);
            else if (cache.TryGet(host, api, symbol, out SymbolFilters? kept, out fetchedAt))
            {
                WriteVerbose($"Filters of {symbol} from {host}, read {fetchedAt.UtcDateTime:HH:mm:ss} UTC (kept for {cache.Lifetime.TotalMinutes:0} minutes; -Refresh reads them again).");
                return kept!;
            }
            string text;
            try
            {
                text = Read(plan, null);
            }
            catch (BinanceApiException ex) when (ex.Code == -1121)
            {
                throw new UnknownSymbolException(symbol, host, api);
            }
            Dictionary<string, SymbolFilters> read = ExchangeInfoReader.Read(text, api);
            fetchedAt = cache.Put(host, api, read.Values);
            WriteVerbose($"Read the filters of {read.Count} symbol(s) from {host}{path}.");
            return read.TryGetValue(symbol, out SymbolFilters? filters) ? filters : throw new UnknownSymbolException(symbol, host, api);
        }

        /// <summary>Spot's average price or futures' mark price: what percent-price and market-notional filters compare with.</summary>
        internal decimal? FetchReferencePrice(OrderApi api, string symbol)
        {
            string path = api == OrderApi.Spot ? "/api/v3/avgPrice" : api == OrderApi.UsdM ? "/fapi/v1/premiumIndex" : "/dapi/v1/premiumIndex";
            var values = new RequestValues();
            values.Set("symbol", symbol);
            string text = Read(Plan(api, path, values, signed: false), null);
            decimal? price = OrderReplies.ReferencePrice(text, api, symbol);
            WriteVerbose($"Reference price of {symbol} ({(api == OrderApi.Spot ? "average" : "mark")} price): {(price == null ? "none in the reply" : DecimalGrid.Format(price.Value))}.");
            return price;
        }

        /// <summary>The symbol's open orders and, when MAX_POSITION needs it, the base asset held: signed reads with the call's keys.</summary>
        internal AccountLimits FetchAccount(OrderApi api, SymbolFilters filters, bool needBalance)
        {
            string openPath = api == OrderApi.Spot ? "/api/v3/openOrders" : api == OrderApi.UsdM ? "/fapi/v1/openOrders" : "/dapi/v1/openOrders";
            var values = new RequestValues();
            values.Set("symbol", filters.Symbol);
            PlannedRequest open = Plan(api, openPath, values, signed: true);
            ApiCredential? credential = ResolveKeys(ModuleSession.Current, open.Target.Environment);
            if (credential?.Signer == null)
                throw new BinanceApiException(FailureKind.ApiKey,
                    "-IncludeAccountLimits reads the account's open orders, which needs an API key with its secret or private key. Nothing was sent.",
                    null, null, null, "GET", open.Request.BaseUri + openPath) { Detail = FailureDetail.NoSigner, NothingSent = true };
            string text = Read(open, credential);
            AccountLimits account = OrderReplies.OpenOrders(text, api, out decimal openBuys);
            WriteVerbose($"Open orders on {filters.Symbol}: {account.OpenOrders} ({account.OpenAlgoOrders} algo, {account.OpenIcebergOrders} iceberg).");
            if (needBalance && api == OrderApi.Spot && filters.BaseAsset != null)
            {
                var balanceValues = new RequestValues();
                balanceValues.Set("omitZeroBalances", "true");
                string balances = Read(Plan(api, "/api/v3/account", balanceValues, signed: true), credential);
                account.Position = OrderReplies.Balance(balances, filters.BaseAsset) + openBuys;
                WriteVerbose($"Position in {filters.BaseAsset}: {DecimalGrid.Format(account.Position.Value)} (held, and {DecimalGrid.Format(openBuys)} in open buy orders).");
            }
            return account;
        }

        /// <summary>A GET as Invoke-BinanceRequest plans it: the bundled endpoint when one has the path (for its weight and host), else the path.</summary>
        private PlannedRequest Plan(OrderApi api, string path, RequestValues values, bool signed)
        {
            SessionSnapshot session = ModuleSession.Current;
            Endpoint? endpoint = FindEndpoint(api, path);
            return endpoint != null
                ? RequestPlanner.ForEndpoint(endpoint, values, Target, session, Catalog)
                : RequestPlanner.ForPath("GET", path, signed ? SecurityType.USER_DATA : SecurityType.NONE, values, Target, session, Catalog);
        }

        private string Read(PlannedRequest plan, ApiCredential? credential)
        {
            using BinanceReply reply = Send(plan.Request, credential);
            return reply.ReadText();
        }

        private static string ExchangeInfoPath(OrderApi api) =>
            api == OrderApi.Spot ? "/api/v3/exchangeInfo" : api == OrderApi.UsdM ? "/fapi/v1/exchangeInfo" : "/dapi/v1/exchangeInfo";

        /// <summary>The bundled endpoint for the path, for its weight and host; null when no loaded collection has it.</summary>
        private Endpoint? FindEndpoint(OrderApi api, string path)
        {
            ApiFamily family = api == OrderApi.Spot ? ApiFamily.Spot : api == OrderApi.UsdM ? ApiFamily.UsdMFutures : ApiFamily.CoinMFutures;
            foreach (Endpoint e in Catalog.Endpoints)
                if (e.Family == family && e.Method == "GET" && string.Equals(e.Path, path, StringComparison.Ordinal)) return e;
            return null;
        }

        /// <summary>Failures of one order that are written as errors, so the pipeline goes on to the next order.</summary>
        internal static bool IsOrderError(Exception ex) => ex is UnknownSymbolException || ErrorRecords.TryFromCredentialFailure(ex, out _);

        internal void WriteOrderError(Exception ex)
        {
            if (ex is UnknownSymbolException unknown) WriteError(ErrorRecords.UnknownSymbol(unknown));
            else if (ErrorRecords.TryFromCredentialFailure(ex, out ErrorRecord? record)) WriteError(record!);
        }
    }
}
