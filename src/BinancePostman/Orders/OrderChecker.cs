using System;
using System.Collections.Generic;

namespace BinancePostman.Orders
{
    /// <summary>
    /// Checks an order's values against a symbol's filters, as Binance's matching engine would before it takes the
    /// order, and reports every violation with the nearest valid values. Filters that need a reference price (percent
    /// price, a market order's notional) or the account's state are checked when those are given, else named as not
    /// checked. Decimal arithmetic only: exact boundaries pass, trailing zeros change nothing.
    /// </summary>
    public static class OrderChecker
    {
        public static OrderCheckResult Check(SymbolFilters filters, OrderRequest order, decimal? referencePrice = null, AccountLimits? account = null)
        {
            var c = new Checker(filters, order, referencePrice, account);
            c.StatusAndType();
            c.Prices();
            c.PercentPrice();
            c.Quantities();
            c.Notional();
            c.IcebergParts();
            c.TrailingDelta();
            c.Account();
            c.Precision();
            foreach (string name in filters.UnreadableFilters) c.Result.NotChecked.Add(new UncheckedFilter(name, UncheckedReason.Unreadable));
            foreach (string name in filters.OtherFilters) c.Result.NotChecked.Add(new UncheckedFilter(name, UncheckedReason.NotUnderstood));
            return c.Result;
        }

        /// <summary>ceil(quantity / icebergQty), exactly.</summary>
        public static long IcebergPartCount(decimal quantity, decimal icebergQty)
        {
            decimal remainder = quantity % icebergQty;
            decimal whole = (quantity - remainder) / icebergQty;
            return (long)whole + (remainder != 0m ? 1 : 0);
        }

        private sealed class Checker
        {
            private readonly SymbolFilters _f;
            private readonly OrderRequest _o;
            private readonly decimal? _reference;
            private readonly AccountLimits? _account;

            public Checker(SymbolFilters f, OrderRequest o, decimal? reference, AccountLimits? account)
            {
                _f = f;
                _o = o;
                _reference = reference > 0m ? DecimalGrid.Normalize(reference.Value) : (decimal?)null;
                _account = account;
            }

            public OrderCheckResult Result { get; } = new OrderCheckResult();

            private bool IsMarketPriced => _o.Price == null;

            private OrderViolation Add(string filter, string field, ViolationKind kind, decimal? value, string rule, decimal? bound)
            {
                var v = new OrderViolation(_f.Symbol, filter, field, kind, value, rule, bound);
                Result.Violations.Add(v);
                return v;
            }

            private void NotChecked(string filter, UncheckedReason reason) => Result.NotChecked.Add(new UncheckedFilter(filter, reason));

            public void StatusAndType()
            {
                if (_f.Status != null && !OrderTypes.IsTrading(_f.Status))
                {
                    var v = Add("STATUS", OrderFields.Symbol, ViolationKind.NotAllowed, null, "status", null);
                    v.Found = _f.Status;
                    v.Allowed = new[] { "TRADING" };
                }
                if (_f.OrderTypes.Count > 0 && !Contains(_f.OrderTypes, _o.Type))
                {
                    var v = Add("ORDER_TYPES", OrderFields.Type, ViolationKind.NotAllowed, null, "orderTypes", null);
                    v.Found = _o.Type;
                    v.Allowed = _f.OrderTypes;
                }
                if (_o.IcebergQty > 0m && _f.IcebergAllowed == false)
                {
                    var v = Add("ICEBERG_ALLOWED", OrderFields.IcebergQty, ViolationKind.NotAllowed, _o.IcebergQty, "icebergAllowed", null);
                    v.Found = "icebergQty";
                    v.Allowed = Array.Empty<string>();
                }
            }

            public void Prices()
            {
                if (_f.Price == null) return;
                Range(_f.Price, OrderFields.Price, _o.Price);
                Range(_f.Price, OrderFields.StopPrice, _o.StopPrice);
            }

            public void Quantities()
            {
                if (_f.LotSize != null)
                {
                    Range(_f.LotSize, OrderFields.Quantity, _o.Quantity);
                    Range(_f.LotSize, OrderFields.IcebergQty, _o.IcebergQty > 0m ? _o.IcebergQty : null);
                }
                if (_f.MarketLotSize != null && OrderTypes.IsMarket(_o.Type) && !HasViolation(OrderFields.Quantity))
                    Range(_f.MarketLotSize, OrderFields.Quantity, _o.Quantity);
            }

            /// <summary>One violation per filter and field: the first rule broken of minimum, maximum, step.</summary>
            private void Range(RangeFilter r, string field, decimal? given)
            {
                if (given == null) return;
                decimal value = given.Value;
                if (r.HasMin && value < r.Min)
                {
                    var v = Add(r.FilterType, field, ViolationKind.BelowMinimum, value, r.MinName, r.Min);
                    v.Adjust = field;
                    v.NearestAbove = Valid(r, r.Ceil(r.Min));
                }
                else if (r.HasMax && value > r.Max)
                {
                    var v = Add(r.FilterType, field, ViolationKind.AboveMaximum, value, r.MaxName, r.Max);
                    v.Adjust = field;
                    v.NearestBelow = Valid(r, r.Floor(r.Max));
                }
                else if (!r.IsOnStep(value))
                {
                    var v = Add(r.FilterType, field, ViolationKind.OffStep, value, r.StepName, r.Step);
                    v.Adjust = field;
                    v.NearestBelow = Valid(r, r.Floor(value));
                    v.NearestAbove = Valid(r, r.Ceil(value));
                }
            }

            /// <summary>The value when it passes the whole range filter and is positive, else null.</summary>
            private static decimal? Valid(RangeFilter r, decimal value) =>
                value > 0m && r.InRange(value) && r.IsOnStep(value) ? DecimalGrid.Normalize(value) : (decimal?)null;

            public void PercentPrice()
            {
                if (_o.Price == null) return;
                decimal price = _o.Price.Value;
                PercentPriceFilter? pp = _f.PercentPrice;
                if (pp != null)
                {
                    bool checkUp = !pp.BoundBySide || _o.Side == OrderSide.Buy;
                    bool checkDown = !pp.BoundBySide || _o.Side == OrderSide.Sell;
                    Percent("PERCENT_PRICE", price, checkUp ? "multiplierUp" : null, pp.MultiplierUp, checkDown ? "multiplierDown" : null, pp.MultiplierDown);
                }
                PercentPriceBySideFilter? side = _f.PercentPriceBySide;
                if (side != null)
                {
                    if (_o.Side == OrderSide.Buy)
                        Percent("PERCENT_PRICE_BY_SIDE", price, "bidMultiplierUp", side.BidMultiplierUp, "bidMultiplierDown", side.BidMultiplierDown);
                    else
                        Percent("PERCENT_PRICE_BY_SIDE", price, "askMultiplierUp", side.AskMultiplierUp, "askMultiplierDown", side.AskMultiplierDown);
                }
            }

            private void Percent(string filter, decimal price, string? upName, decimal up, string? downName, decimal down)
            {
                if (_reference == null)
                {
                    NotChecked(filter, UncheckedReason.NeedsReferencePrice);
                    return;
                }
                decimal reference = _reference.Value;
                decimal upper = DecimalGrid.Normalize(reference * up);
                decimal lower = DecimalGrid.Normalize(reference * down);
                if (upName != null && price > upper)
                {
                    var v = Add(filter, OrderFields.Price, ViolationKind.AboveMaximum, price, upName, upper);
                    v.Adjust = OrderFields.Price;
                    v.AtPrice = reference;
                    v.NearestBelow = PriceAtMost(upper);
                }
                else if (downName != null && price < lower)
                {
                    var v = Add(filter, OrderFields.Price, ViolationKind.BelowMinimum, price, downName, lower);
                    v.Adjust = OrderFields.Price;
                    v.AtPrice = reference;
                    v.NearestAbove = PriceAtLeast(lower);
                }
            }

            private decimal? PriceAtMost(decimal bound)
            {
                RangeFilter? r = _f.Price;
                if (r == null) return bound;
                decimal p = r.Floor(r.HasMax ? Math.Min(bound, r.Max) : bound);
                return Valid(r, p);
            }

            private decimal? PriceAtLeast(decimal bound)
            {
                RangeFilter? r = _f.Price;
                if (r == null) return bound;
                decimal p = r.Ceil(r.HasMin ? Math.Max(bound, r.Min) : bound);
                return Valid(r, p);
            }

            public void Notional()
            {
                if (_f.MinNotional == null && _f.Notional == null) return;
                bool market = IsMarketPriced;
                decimal? notional = null;
                decimal? atPrice = null;
                string adjust = OrderFields.Quantity;
                if (!market)
                {
                    if (_o.Quantity == null) return;
                    atPrice = _o.Price;
                    notional = _o.Price!.Value * _o.Quantity.Value;
                }
                else if (_o.QuoteOrderQty != null)
                {
                    notional = _o.QuoteOrderQty.Value;
                    adjust = OrderFields.QuoteOrderQty;
                }
                else if (_o.Quantity != null)
                {
                    atPrice = _reference;
                    if (_reference != null) notional = _reference.Value * _o.Quantity.Value;
                }
                else return;

                foreach (NotionalFilter? n in new[] { _f.MinNotional, _f.Notional })
                {
                    if (n == null) continue;
                    bool minApplies = n.HasMin && (!market || n.ApplyMinToMarket);
                    bool maxApplies = n.HasMax && (!market || n.ApplyMaxToMarket);
                    if (!minApplies && !maxApplies) continue;
                    if (notional == null)
                    {
                        NotChecked(n.FilterType, UncheckedReason.NeedsReferencePrice);
                        continue;
                    }
                    decimal value = DecimalGrid.Normalize(notional.Value);
                    if (minApplies && value < n.Min)
                    {
                        var v = Add(n.FilterType, OrderFields.Notional, ViolationKind.BelowMinimum, value, n.MinName, n.Min);
                        v.Adjust = adjust;
                        v.AtPrice = atPrice;
                        v.NearestAbove = adjust == OrderFields.Quantity ? QuantityForNotionalAtLeast(n.Min, atPrice!.Value) : QuoteAtLeast(n.Min);
                    }
                    else if (maxApplies && value > n.Max)
                    {
                        var v = Add(n.FilterType, OrderFields.Notional, ViolationKind.AboveMaximum, value, "maxNotional", n.Max);
                        v.Adjust = adjust;
                        v.AtPrice = atPrice;
                        v.NearestBelow = adjust == OrderFields.Quantity ? QuantityForNotionalAtMost(n.Max, atPrice!.Value) : QuoteAtMost(n.Max);
                    }
                }
            }

            /// <summary>The least quantity on the quantity grid whose notional at this price reaches the bound.</summary>
            private decimal? QuantityForNotionalAtLeast(decimal bound, decimal price)
            {
                decimal step = QuantityStep();
                decimal q = CeilQuantity(bound / price);
                if (_f.LotSize?.HasMin == true && q < _f.LotSize.Min) q = CeilQuantity(_f.LotSize.Min);
                decimal unit = step > 0m ? step : DecimalGrid.Power(QuantityDecimals());
                for (int i = 0; i < 3 && q * price < bound; i++) q += unit;
                // the division may have rounded up past a grid value that already reaches the bound
                if ((q - unit) * price >= bound && ValidQuantity(q - unit) != null) q -= unit;
                return ValidQuantity(q);
            }

            /// <summary>The greatest quantity on the quantity grid whose notional at this price stays within the bound.</summary>
            private decimal? QuantityForNotionalAtMost(decimal bound, decimal price)
            {
                decimal step = QuantityStep();
                decimal q = FloorQuantity(bound / price);
                decimal unit = step > 0m ? step : DecimalGrid.Power(QuantityDecimals());
                for (int i = 0; i < 3 && q * price > bound; i++) q -= unit;
                if ((q + unit) * price <= bound && ValidQuantity(q + unit) != null) q += unit;
                return ValidQuantity(q);
            }

            private decimal? QuoteAtLeast(decimal bound) =>
                _f.QuoteQuantityPrecision is int p ? DecimalGrid.Normalize(DecimalGrid.CeilToScale(bound, p)) : bound;

            private decimal? QuoteAtMost(decimal bound) =>
                _f.QuoteQuantityPrecision is int p ? DecimalGrid.Normalize(DecimalGrid.FloorToScale(bound, p)) : bound;

            private decimal QuantityStep() => _f.QuantityStep(OrderTypes.IsMarket(_o.Type));

            private int QuantityDecimals() => _f.QuantityPrecision ?? 8;

            /// <summary>Down to the quantity grid (LOT_SIZE, and MARKET_LOT_SIZE's for market orders), else to the precision.</summary>
            private decimal FloorQuantity(decimal q)
            {
                decimal step = QuantityStep();
                decimal origin = _f.LotSize?.GridOrigin ?? 0m;
                return step > 0m ? DecimalGrid.FloorToStep(q, step, origin) : DecimalGrid.FloorToScale(q, QuantityDecimals());
            }

            private decimal CeilQuantity(decimal q)
            {
                decimal step = QuantityStep();
                decimal origin = _f.LotSize?.GridOrigin ?? 0m;
                return step > 0m ? DecimalGrid.CeilToStep(q, step, origin) : DecimalGrid.CeilToScale(q, QuantityDecimals());
            }

            /// <summary>The quantity when LOT_SIZE (and MARKET_LOT_SIZE for market orders) would take it, else null.</summary>
            private decimal? ValidQuantity(decimal q)
            {
                if (q <= 0m) return null;
                if (_f.LotSize != null && (!_f.LotSize.InRange(q) || !_f.LotSize.IsOnStep(q))) return null;
                if (_f.MarketLotSize != null && OrderTypes.IsMarket(_o.Type) && (!_f.MarketLotSize.InRange(q) || !_f.MarketLotSize.IsOnStep(q))) return null;
                return DecimalGrid.Normalize(q);
            }

            public void IcebergParts()
            {
                CountFilter? parts = _f.IcebergParts;
                if (parts == null || !(_o.IcebergQty > 0m) || !(_o.Quantity > 0m)) return;
                decimal quantity = _o.Quantity!.Value;
                long count = IcebergPartCount(quantity, _o.IcebergQty!.Value);
                if (count <= parts.Limit) return;
                var v = Add(parts.FilterType, OrderFields.IcebergParts, ViolationKind.AboveMaximum, count, parts.LimitName, parts.Limit);
                v.Adjust = OrderFields.IcebergQty;
                // the least icebergQty on the lot grid that splits the quantity into at most `limit` parts
                decimal step = _f.LotSize?.Step > 0m ? _f.LotSize.Step : DecimalGrid.Power(QuantityDecimals());
                decimal x = _f.LotSize?.HasStep == true ? _f.LotSize.Ceil(quantity / parts.Limit) : DecimalGrid.CeilToScale(quantity / parts.Limit, QuantityDecimals());
                for (int i = 0; i < 3 && IcebergPartCount(quantity, x) > parts.Limit; i++) x += step;
                v.NearestAbove = x > 0m && x <= quantity ? DecimalGrid.Normalize(x) : (decimal?)null;
            }

            public void TrailingDelta()
            {
                TrailingDeltaFilter? t = _f.TrailingDelta;
                if (t == null || _o.TrailingDelta == null) return;
                bool? above = OrderTypes.TrailsAbove(_o.Type, _o.Side);
                if (above == null) return;
                long min = above.Value ? t.MinAbove : t.MinBelow;
                long max = above.Value ? t.MaxAbove : t.MaxBelow;
                string which = above.Value ? "Above" : "Below";
                long delta = _o.TrailingDelta.Value;
                if (min > 0 && delta < min)
                {
                    var v = Add("TRAILING_DELTA", OrderFields.TrailingDelta, ViolationKind.BelowMinimum, delta, "minTrailing" + which + "Delta", min);
                    v.Adjust = OrderFields.TrailingDelta;
                    v.NearestAbove = min;
                }
                else if (max > 0 && delta > max)
                {
                    var v = Add("TRAILING_DELTA", OrderFields.TrailingDelta, ViolationKind.AboveMaximum, delta, "maxTrailing" + which + "Delta", max);
                    v.Adjust = OrderFields.TrailingDelta;
                    v.NearestBelow = max;
                }
            }

            public void Account()
            {
                Count(_f.MaxNumOrders, _account?.OpenOrders, true);
                Count(_f.MaxNumAlgoOrders, _account?.OpenAlgoOrders, OrderTypes.IsAlgo(_o.Type, _f.Api));
                Count(_f.MaxNumIcebergOrders, _account?.OpenIcebergOrders, _o.IcebergQty > 0m);
                if (_f.MaxPosition is decimal maxPosition && _o.Side == OrderSide.Buy && _o.Quantity != null)
                {
                    if (_account?.Position == null)
                    {
                        NotChecked("MAX_POSITION", UncheckedReason.NeedsAccount);
                        return;
                    }
                    decimal held = _account.Position.Value;
                    decimal after = DecimalGrid.Normalize(held + _o.Quantity.Value);
                    if (after <= maxPosition) return;
                    var v = Add("MAX_POSITION", OrderFields.Position, ViolationKind.AboveMaximum, after, "maxPosition", maxPosition);
                    v.Adjust = OrderFields.Quantity;
                    v.NearestBelow = ValidQuantity(FloorQuantity(maxPosition - held));
                }
            }

            /// <summary>The new order must fit: open orders plus this one at most the limit.</summary>
            private void Count(CountFilter? filter, int? open, bool applies)
            {
                if (filter == null || !applies) return;
                if (open == null)
                {
                    NotChecked(filter.FilterType, UncheckedReason.NeedsAccount);
                    return;
                }
                long withThis = open.Value + 1L;
                if (withThis > filter.Limit)
                    Add(filter.FilterType, OrderFields.OpenOrders, ViolationKind.AboveMaximum, withThis, filter.LimitName, filter.Limit);
            }

            /// <summary>-1111: more decimals than the symbol allows; only where no other rule already flagged the field.</summary>
            public void Precision()
            {
                bool spot = _f.Api == OrderApi.Spot;
                string quantityRule = spot ? "baseAssetPrecision" : "quantityPrecision";
                string priceRule = spot ? "quoteAssetPrecision" : "pricePrecision";
                Digits(OrderFields.Quantity, _o.Quantity, _f.QuantityPrecision, quantityRule);
                Digits(OrderFields.IcebergQty, _o.IcebergQty, _f.QuantityPrecision, quantityRule);
                Digits(OrderFields.Price, _o.Price, _f.PricePrecision, priceRule);
                Digits(OrderFields.StopPrice, _o.StopPrice, _f.PricePrecision, priceRule);
                Digits(OrderFields.QuoteOrderQty, _o.QuoteOrderQty, _f.QuoteQuantityPrecision, "quoteAssetPrecision");
            }

            private void Digits(string field, decimal? value, int? precision, string rule)
            {
                if (value == null || precision == null || HasViolation(field)) return;
                if (DecimalGrid.Scale(value.Value) <= precision.Value) return;
                var v = Add("PRECISION", field, ViolationKind.TooPrecise, value, rule, precision.Value);
                v.Adjust = field;
                decimal below = DecimalGrid.FloorToScale(value.Value, precision.Value);
                v.NearestBelow = below > 0m ? DecimalGrid.Normalize(below) : (decimal?)null;
                v.NearestAbove = DecimalGrid.Normalize(DecimalGrid.CeilToScale(value.Value, precision.Value));
            }

            private bool HasViolation(string field)
            {
                foreach (OrderViolation v in Result.Violations)
                    if (v.Field == field) return true;
                return false;
            }

            private static bool Contains(IReadOnlyList<string> list, string value)
            {
                foreach (string s in list)
                    if (string.Equals(s, value, StringComparison.OrdinalIgnoreCase)) return true;
                return false;
            }
        }
    }
}
