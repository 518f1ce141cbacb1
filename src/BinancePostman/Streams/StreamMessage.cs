using System;
using System.Text.Json;

namespace BinancePostman.Streams
{
    public enum MessageShape
    {
        /// <summary>An event: combined {"stream","data"}, the WebSocket API's {"subscriptionId","event"}, or a raw event object.</summary>
        Event,
        /// <summary>An answer to a request: {"id","result"} or {"id","error"} (streams), {"id","status","result"|"error"} (WebSocket API).</summary>
        Reply,
        /// <summary>Not JSON, or JSON of no shape the protocol has.</summary>
        Unknown,
    }

    /// <summary>
    /// One message of a stream connection, read once without a DOM: its shape, and for an event the stream name and
    /// where the event's own JSON lies in the buffer; for a reply its id and outcome.
    /// </summary>
    public struct StreamMessage
    {
        public MessageShape Shape { get; private set; }
        public string? Stream { get; private set; }
        public int DataStart { get; private set; }
        public int DataLength { get; private set; }
        /// <summary>The event's "e" (serverShutdown, listenKeyExpired, eventStreamTerminated...), when it has one.</summary>
        public string? EventType { get; private set; }
        public long? SubscriptionId { get; private set; }
        public string? Id { get; private set; }
        public int? Status { get; private set; }
        public int? Code { get; private set; }
        public string? Text { get; private set; }
        /// <summary>A reply without an error.</summary>
        public bool Succeeded => Shape == MessageShape.Reply && Code == null && (Status == null || Status == 200);

        /// <param name="rawEvents">a raw stream (/ws/&lt;name&gt;): a bare object is the event itself</param>
        /// <param name="names">keeps the strings of names seen before (stream names, event types), so a busy stream allocates none</param>
        public static StreamMessage Read(byte[] buffer, int count, bool rawEvents, NameCache? names = null)
        {
            var message = new StreamMessage { Shape = MessageShape.Unknown };
            if (!rawEvents && TryEnvelope(buffer, count, names, ref message)) return message;
            try
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, 0, count), new JsonReaderOptions { MaxDepth = 64 });
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                    return message.Problem("not a JSON object");
                bool hasData = false, hasResult = false, hasError = false, hasId = false;
                string? rawType = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("stream"))
                    {
                        reader.Read();
                        message.Stream = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                    else if (reader.ValueTextEquals("data") || reader.ValueTextEquals("event"))
                    {
                        reader.Read();
                        message.DataStart = (int)reader.TokenStartIndex;
                        message.EventType = reader.TokenType == JsonTokenType.StartObject ? EventTypeOf(ref reader) : SkipValue(ref reader);
                        message.DataLength = (int)reader.BytesConsumed - message.DataStart;
                        hasData = true;
                    }
                    else if (reader.ValueTextEquals("subscriptionId"))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long sub)) message.SubscriptionId = sub;
                    }
                    else if (reader.ValueTextEquals("id"))
                    {
                        reader.Read();
                        hasId = true;
                        message.Id = reader.TokenType == JsonTokenType.String ? reader.GetString()
                            : reader.TokenType == JsonTokenType.Number ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()) : null;
                    }
                    else if (reader.ValueTextEquals("status"))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int status)) message.Status = status;
                    }
                    else if (reader.ValueTextEquals("result"))
                    {
                        reader.Read();
                        reader.Skip();
                        hasResult = true;
                    }
                    else if (reader.ValueTextEquals("error"))
                    {
                        reader.Read();
                        hasError = true;
                        if (reader.TokenType == JsonTokenType.StartObject) ReadError(ref reader, ref message);
                        else reader.Skip();
                    }
                    else if (reader.ValueTextEquals("code"))
                    {
                        reader.Read();
                        hasError = true;
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int code)) message.Code = code;
                    }
                    else if (reader.ValueTextEquals("msg"))
                    {
                        reader.Read();
                        message.Text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                    else if (reader.ValueTextEquals("e"))
                    {
                        reader.Read();
                        rawType = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
                if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read())
                    return message.Problem("not one JSON object");
                if (hasData)
                {
                    message.Shape = MessageShape.Event;
                    if (message.EventType == null && message.DataLength > 0 && buffer[message.DataStart] != (byte)'{' && buffer[message.DataStart] != (byte)'[')
                        return message.Problem("its data is not a JSON object or array");
                    return message;
                }
                if (rawEvents && (rawType != null || !(hasId || hasResult || hasError)))
                {
                    message.Shape = MessageShape.Event;
                    message.EventType = rawType;
                    message.DataStart = 0;
                    message.DataLength = count;
                    message.Code = null;
                    message.Text = null;
                    return message;
                }
                if (hasId || hasResult || hasError)
                {
                    message.Shape = MessageShape.Reply;
                    if (hasError && message.Code == null) message.Code = 0;
                    return message;
                }
                return message.Problem("neither an event nor an answer");
            }
            catch (JsonException ex)
            {
                return message.Problem("not valid JSON (" + ex.Message + ")");
            }
        }

        /// <summary>
        /// The common case read from its start only: {"stream":"...","data":{...}} or {"subscriptionId":n,"event":{...}} with
        /// the event last, as Binance sends them, the event's end found from the end of the message and its "e" from its
        /// first property. Anything else (or anything malformed) is read in full by <see cref="Read"/>; a malformed event
        /// inside a well-formed envelope is found when the event is read into an object.
        /// </summary>
        private static bool TryEnvelope(byte[] buffer, int count, NameCache? names, ref StreamMessage message)
        {
            int end = count - 1;
            while (end > 0 && IsSpace(buffer[end])) end--;
            if (end < 2 || buffer[end] != (byte)'}') return false;
            int last = end - 1;
            while (last > 0 && IsSpace(buffer[last])) last--;
            if (buffer[last] != (byte)'}' && buffer[last] != (byte)']') return false;
            try
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, 0, count), isFinalBlock: false, state: default);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("stream"))
                    {
                        if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
                        message.Stream = names != null ? names.Get(ref reader) : reader.GetString();
                    }
                    else if (reader.ValueTextEquals("subscriptionId"))
                    {
                        if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long sub)) return false;
                        message.SubscriptionId = sub;
                    }
                    else if (reader.ValueTextEquals("data") || reader.ValueTextEquals("event"))
                    {
                        if (!reader.Read()) return false;
                        byte open = reader.TokenType == JsonTokenType.StartObject ? (byte)'}' : reader.TokenType == JsonTokenType.StartArray ? (byte)']' : (byte)0;
                        if (open == 0 || buffer[last] != open) return false;
                        message.DataStart = (int)reader.TokenStartIndex;
                        message.DataLength = last + 1 - message.DataStart;
                        if (open == (byte)'}' && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("e")
                            && reader.Read() && reader.TokenType == JsonTokenType.String)
                            message.EventType = names != null ? names.Get(ref reader) : reader.GetString();
                        message.Shape = MessageShape.Event;
                        return true;
                    }
                    else
                    {
                        return false;
                    }
                }
                return false;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static bool IsSpace(byte b) => b == (byte)' ' || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t';

        private StreamMessage Problem(string reason)
        {
            Shape = MessageShape.Unknown;
            Text = reason;
            return this;
        }

        /// <summary>Reads through the event object, keeping its top-level "e".</summary>
        private static string? EventTypeOf(ref Utf8JsonReader reader)
        {
            string? type = null;
            int depth = reader.CurrentDepth;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("e"))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) type = reader.GetString();
                    else reader.Skip();
                }
                else if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
            return type;
        }

        private static string? SkipValue(ref Utf8JsonReader reader)
        {
            reader.Skip();
            return null;
        }

        private static void ReadError(ref Utf8JsonReader reader, ref StreamMessage message)
        {
            int depth = reader.CurrentDepth;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                if (reader.ValueTextEquals("code"))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int code)) message.Code = code;
                }
                else if (reader.ValueTextEquals("msg"))
                {
                    reader.Read();
                    message.Text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
    }
}
