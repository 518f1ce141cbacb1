using System;
using System.Collections.Generic;

namespace BinancePostman.Output
{
    /// <summary>
    /// Binance's one-letter event fields given names, per event type ("e"), as its documentation describes them: names of
    /// the matching REST fields where there are some (price, qty, origQty, executedQty...), prices and quantities as
    /// decimal, times as Binance's milliseconds (the views show them as UTC). Letters that differ only in case ("e"
    /// and "E") cannot both be PowerShell properties: that is why every known field is named. Fields no table names keep
    /// their key.
    /// </summary>
    internal static class StreamEventShapes
    {
        public const string EventTypeName = "BinancePostman.StreamEvent";

        internal enum FieldKind
        {
            Plain,
            Decimal,
            Time,
            /// <summary>[[price, qty], ...] as BinancePostman.OrderBookLevel objects.</summary>
            Levels,
            /// <summary>An object whose fields join the event's (by a sub-shape), or an array of objects of another sub-shape.</summary>
            Nested,
            /// <summary>A field Binance says to ignore.</summary>
            Skip,
        }

        internal sealed class Field
        {
            public Field(string name, FieldKind kind, string? objectShape, string? arrayShape)
            {
                Name = name;
                Kind = kind;
                ObjectShape = objectShape;
                ArrayShape = arrayShape;
            }

            public string Name { get; }
            public FieldKind Kind { get; }
            /// <summary>Nested: the sub-shape an object is flattened with (null: kept as an object).</summary>
            public string? ObjectShape { get; }
            /// <summary>Nested: the sub-shape of each element of an array.</summary>
            public string? ArrayShape { get; }
        }

        internal sealed class Shape
        {
            public Shape(string name, string[] typeNames, Dictionary<string, Field> fields)
            {
                Name = name;
                TypeNames = typeNames;
                Fields = fields;
            }

            public string Name { get; }
            /// <summary>Most specific first; events also get BinancePostman.StreamEvent.&lt;e&gt; and BinancePostman.StreamEvent.</summary>
            public string[] TypeNames { get; }
            public Dictionary<string, Field> Fields { get; }
        }

        private static readonly string[] Common = { "e=eventType", "E=eventTime:t" };

        // name | type names | fields: key=name[:d decimal, :t time, :levels, :skip, :{Sub} flatten, :[Sub] array of Sub]
        private static readonly string[] Table =
        {
            // market streams
            "trade | BinancePostman.Trade | s=symbol t=id p=price:d q=qty:d T=time:t m=isBuyerMaker M=isBestMatch",
            "blockTrade | BinancePostman.Trade | s=symbol t=id p=price:d q=qty:d T=time:t m=isBuyerMaker",
            "24hrMiniTicker | BinancePostman.Ticker | s=symbol c=lastPrice:d o=openPrice:d h=highPrice:d l=lowPrice:d v=volume:d q=quoteVolume:d ps=pair",
            "24hrTicker | BinancePostman.Ticker | s=symbol p=priceChange:d P=priceChangePercent:d w=weightedAvgPrice:d x=prevClosePrice:d c=lastPrice:d Q=lastQty:d b=bidPrice:d B=bidQty:d a=askPrice:d A=askQty:d o=openPrice:d h=highPrice:d l=lowPrice:d v=volume:d q=quoteVolume:d O=openTime:t C=closeTime:t F=firstId L=lastId n=count ps=pair",
            "1hTicker | BinancePostman.Ticker | s=symbol p=priceChange:d P=priceChangePercent:d o=openPrice:d h=highPrice:d l=lowPrice:d c=lastPrice:d w=weightedAvgPrice:d v=volume:d q=quoteVolume:d O=openTime:t C=closeTime:t F=firstId L=lastId n=count",
            "4hTicker | BinancePostman.Ticker | s=symbol p=priceChange:d P=priceChangePercent:d o=openPrice:d h=highPrice:d l=lowPrice:d c=lastPrice:d w=weightedAvgPrice:d v=volume:d q=quoteVolume:d O=openTime:t C=closeTime:t F=firstId L=lastId n=count",
            "1dTicker | BinancePostman.Ticker | s=symbol p=priceChange:d P=priceChangePercent:d o=openPrice:d h=highPrice:d l=lowPrice:d c=lastPrice:d w=weightedAvgPrice:d v=volume:d q=quoteVolume:d O=openTime:t C=closeTime:t F=firstId L=lastId n=count",
            "bookTicker | BinancePostman.BookTicker | u=updateId s=symbol b=bidPrice:d B=bidQty:d a=askPrice:d A=askQty:d T=transactionTime:t ps=pair",
            "depthUpdate | BinancePostman.OrderBook | s=symbol U=firstUpdateId u=finalUpdateId pu=prevFinalUpdateId T=transactionTime:t b=Bids:levels a=Asks:levels ps=pair",
            "depth | BinancePostman.OrderBook | lastUpdateId=lastUpdateId bids=Bids:levels asks=Asks:levels",
            "avgPrice | | s=symbol i=interval w=price:d T=lastTradeTime:t",
            "referencePrice | | s=symbol r=referencePrice:d t=time:t",
            "markPriceUpdate | | s=symbol p=markPrice:d ap=markPriceMovingAverage:d i=indexPrice:d P=estimatedSettlePrice:d r=fundingRate:d T=nextFundingTime:t",
            "indexPriceUpdate | | i=pair p=indexPrice:d",
            "forceOrder | | o=:{LiquidationOrder}",
            "#LiquidationOrder | | s=symbol S=side o=type f=timeInForce q=origQty:d p=price:d ap=avgPrice:d X=status l=lastFilledQty:d z=executedQty:d T=time:t",
            // user data: spot and margin
            "executionReport | | s=symbol c=clientOrderId S=side o=type f=timeInForce q=origQty:d p=price:d P=stopPrice:d F=icebergQty:d g=orderListId C=origClientOrderId x=executionType X=status r=rejectReason i=orderId l=lastExecutedQty:d z=executedQty:d L=lastExecutedPrice:d n=commission:d N=commissionAsset T=transactTime:t t=tradeId v=preventedMatchId I=executionId w=isWorking m=isMaker M=:skip O=time:t Z=cummulativeQuoteQty:d Y=lastQuoteQty:d Q=origQuoteOrderQty:d W=workingTime:t V=selfTradePreventionMode d=trailingDelta D=trailingTime:t j=strategyId J=strategyType A=preventedQty:d B=lastPreventedQty:d u=tradeGroupId U=counterOrderId Cs=counterSymbol pl=pegPriceType pL=pegOffsetType pY=pegOffsetValue pp=peggedPrice:d eR=expiryReason",
            "outboundAccountPosition | | u=lastUpdateTime:t B=balances:[Balance]",
            "#Balance | BinancePostman.Balance | a=asset f=free:d l=locked:d",
            "balanceUpdate | | a=asset d=balanceDelta:d T=clearTime:t",
            "externalLockUpdate | | a=asset d=delta:d T=transactionTime:t",
            "listStatus | | s=symbol g=orderListId c=contingencyType l=listStatusType L=listOrderStatus r=listRejectReason C=listClientOrderId T=transactionTime:t O=orders:[ListOrder]",
            "#ListOrder | | s=symbol i=orderId c=clientOrderId",
            // user data: USDs-M, Coin-M, portfolio margin (and options where they share the shape)
            "ORDER_TRADE_UPDATE | | T=transactionTime:t o=:{FuturesOrder}[OptionsOrder]",
            "#FuturesOrder | | s=symbol c=clientOrderId S=side o=type f=timeInForce q=origQty:d p=price:d ap=avgPrice:d sp=stopPrice:d x=executionType X=status i=orderId l=lastFilledQty:d z=executedQty:d L=lastFilledPrice:d N=commissionAsset n=commission:d T=tradeTime:t t=tradeId b=bidsNotional:d a=askNotional:d m=isMaker R=reduceOnly wt=workingType ot=origType ps=positionSide cp=closePosition AP=activationPrice:d cr=priceRate:d pP=priceProtect si=:skip ss=:skip rp=realizedProfit:d V=selfTradePreventionMode pm=priceMatch gtd=goodTillDate:t er=expiryReason M=modifyId ma=marginAsset",
            "#OptionsOrder | | T=time:t t=updateTime:t s=symbol c=clientOrderId oid=orderId p=price:d q=quantity:d stp=:skip r=reduceOnly po=postOnly S=status e=executedQty:d ec=executedAmount:d f=fee:d tif=timeInForce oty=type fi=fills:[OptionsFill]",
            "#OptionsFill | | t=tradeId p=price:d q=qty:d T=time:t m=liquidity f=fee:d",
            "TRADE_LITE | | T=transactionTime:t s=symbol q=origQty:d p=price:d m=isMaker c=clientOrderId S=side L=lastFilledPrice:d l=lastFilledQty:d t=tradeId i=orderId",
            "ACCOUNT_UPDATE | | T=transactionTime:t i=accountAlias a=:{AccountUpdate} fs=fundingSymbol",
            "#AccountUpdate | | m=reason B=balances:[FuturesBalance] P=positions:[FuturesPosition]",
            "#FuturesBalance | BinancePostman.Balance | a=asset wb=walletBalance:d cw=crossWalletBalance:d bc=balanceChange:d",
            "#FuturesPosition | | s=symbol pa=positionAmt:d ep=entryPrice:d bep=breakEvenPrice:d cr=accumulatedRealized:d up=unrealizedProfit:d mt=marginType iw=isolatedWallet:d ps=positionSide ma=marginAsset",
            "MARGIN_CALL | | cw=crossWalletBalance:d p=positions:[MarginCallPosition] i=accountAlias",
            "#MarginCallPosition | | s=symbol ps=positionSide pa=positionAmt:d mt=marginType iw=isolatedWallet:d mp=markPrice:d up=unrealizedProfit:d mm=maintMargin:d",
            "ACCOUNT_CONFIG_UPDATE | | T=transactionTime:t ac=:{LeverageConfig} ai=:{AssetModeConfig}",
            "#LeverageConfig | | s=symbol l=leverage",
            "#AssetModeConfig | | j=multiAssetsMode",
            "CONDITIONAL_ORDER_TRIGGER_REJECT | | T=transactionTime:t or=:{TriggerReject}",
            "#TriggerReject | | s=symbol i=orderId r=reason",
            "listenKeyExpired | | listenKey=:skip",
            "riskLevelChange | | u=uniMMR:d s=status eq=equity:d ae=actualEquity:d m=maintMargin:d",
            "liabilityChange | | a=asset t=type T=transactionId p=principal:d i=interest:d l=totalLiability:d",
            "openOrderLoss | | O=losses:[OrderLoss]",
            "#OrderLoss | | a=asset o=amount:d",
        };

        private static readonly char[] Space = { ' ' };
        private static readonly Dictionary<string, Shape> Shapes = Build();

        public static Shape? Find(string name) => Shapes.TryGetValue(name, out Shape? shape) ? shape : null;

        /// <summary>The event's own fields with no table: e, E and s named, the rest as sent.</summary>
        public static Shape Unknown { get; } = new Shape("", Array.Empty<string>(), Parse("e=eventType E=eventTime:t s=symbol".Split(' ')));

        private static Dictionary<string, Shape> Build()
        {
            var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
            foreach (string line in Table)
            {
                string[] parts = line.Split('|');
                string name = parts[0].Trim();
                string[] types = parts[1].Trim().Length == 0 ? Array.Empty<string>() : parts[1].Trim().Split(' ');
                var fields = new List<string>();
                bool sub = name.StartsWith("#", StringComparison.Ordinal);
                if (!sub && name != "depth") fields.AddRange(Common);
                fields.AddRange(parts[2].Trim().Split(Space, StringSplitOptions.RemoveEmptyEntries));
                shapes.Add(sub ? name.Substring(1) : name, new Shape(name.TrimStart('#'), types, Parse(fields)));
            }
            return shapes;
        }

        private static Dictionary<string, Field> Parse(IEnumerable<string> specs)
        {
            var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
            foreach (string spec in specs)
            {
                int eq = spec.IndexOf('=');
                string key = spec.Substring(0, eq);
                string rest = spec.Substring(eq + 1);
                int colon = rest.IndexOf(':');
                string name = colon < 0 ? rest : rest.Substring(0, colon);
                string kind = colon < 0 ? "" : rest.Substring(colon + 1);
                fields[key] = kind switch
                {
                    "" => new Field(name, FieldKind.Plain, null, null),
                    "d" => new Field(name, FieldKind.Decimal, null, null),
                    "t" => new Field(name, FieldKind.Time, null, null),
                    "levels" => new Field(name, FieldKind.Levels, null, null),
                    "skip" => new Field(key, FieldKind.Skip, null, null),
                    _ => new Field(name, FieldKind.Nested, Between(kind, '{', '}'), Between(kind, '[', ']')),
                };
            }
            return fields;
        }

        private static string? Between(string text, char open, char close)
        {
            int a = text.IndexOf(open);
            int b = text.IndexOf(close);
            return a >= 0 && b > a ? text.Substring(a + 1, b - a - 1) : null;
        }
    }
}
