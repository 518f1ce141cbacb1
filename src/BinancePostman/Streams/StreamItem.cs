using System;

namespace BinancePostman.Streams
{
    public enum StreamItemKind
    {
        /// <summary>An event: <see cref="StreamItem.Data"/> holds its JSON.</summary>
        Event,
        /// <summary>Time in which nothing could be received: a connection dropped and was opened again (Start, End, Reason).</summary>
        Gap,
        /// <summary>Events the buffer let go because the pipeline was slower than the stream (Count, Start, End).</summary>
        Dropped,
        /// <summary>The exchange refused a stream or a subscription (Stream, Code, Message).</summary>
        Refused,
        /// <summary>A frame that is not what the protocol says: not JSON, or JSON of no known shape (Data: its start).</summary>
        Malformed,
        /// <summary>A line for -Verbose (Message).</summary>
        Log,
        /// <summary>The stream cannot go on (Error).</summary>
        Failed,
    }

    /// <summary>One thing a stream hands to its reader: an event, or a fact about the stream itself.</summary>
    public sealed class StreamItem
    {
        private StreamItem(StreamItemKind kind) => Kind = kind;

        public StreamItemKind Kind { get; private set; }
        /// <summary>The stream's name (market streams), or what the channel is (user data).</summary>
        public string? Stream { get; private set; }
        /// <summary>An event's "e" as the connection's reader saw it (null when it has none, or it was not read).</summary>
        public string? EventType { get; private set; }
        public byte[]? Data { get; private set; }
        /// <summary>When it was received (events) or began (gaps, drops).</summary>
        public DateTimeOffset Start { get; private set; }
        public DateTimeOffset End { get; private set; }
        public long Count { get; private set; }
        public int? Code { get; private set; }
        public string? Message { get; private set; }
        public Exception? Error { get; private set; }
        /// <summary>Where it happened: the connection's URL (never with secrets: listenKeys are masked).</summary>
        public string? Source { get; private set; }

        public static StreamItem Event(string? stream, string? eventType, byte[] data, DateTimeOffset received) =>
            new StreamItem(StreamItemKind.Event) { Stream = stream, EventType = eventType, Data = data, Start = received, End = received };

        public static StreamItem Gap(string source, DateTimeOffset start, DateTimeOffset end, string reason) =>
            new StreamItem(StreamItemKind.Gap) { Source = source, Start = start, End = end, Message = reason };

        public static StreamItem Dropped(long count, DateTimeOffset first, DateTimeOffset last) =>
            new StreamItem(StreamItemKind.Dropped) { Count = count, Start = first, End = last };

        public static StreamItem Refused(string source, string? stream, int? code, string message) =>
            new StreamItem(StreamItemKind.Refused) { Source = source, Stream = stream, Code = code, Message = message };

        public static StreamItem Malformed(string source, string? stream, string preview, string reason) =>
            new StreamItem(StreamItemKind.Malformed) { Source = source, Stream = stream, Data = System.Text.Encoding.UTF8.GetBytes(preview), Message = reason };

        public static StreamItem Log(string message) => new StreamItem(StreamItemKind.Log) { Message = message };

        public static StreamItem Failed(string source, Exception error) => new StreamItem(StreamItemKind.Failed) { Source = source, Error = error, Message = error.Message };
    }
}
