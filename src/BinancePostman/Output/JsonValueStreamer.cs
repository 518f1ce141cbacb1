using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace BinancePostman.Output
{
    /// <summary>Reads one complete JSON value whose first token the reader is on; leaves the reader on its last token.</summary>
    internal delegate object? JsonElementReader(ref Utf8JsonReader reader);

    /// <summary>
    /// Reads a JSON reply from a stream and hands out its values as they arrive: each element of a top-level array
    /// on its own (so a 1,000-row page is never held whole as objects), or the single top-level value. Each element is
    /// converted in one pass over the buffer; when it is not all there yet, the rest is read and only tokenized until
    /// the element is complete, then it is converted once more (a large value costs two conversions' worth at most,
    /// not one per buffer doubling, however the network chunks it). Memory is the size of one element plus the read buffer,
    /// which comes from the shared array pool and goes back to it when the reply is read (a large reply would otherwise
    /// leave a large-object-heap array per doubling, and those bring on full collections).
    /// </summary>
    internal sealed class JsonValueStreamer
    {
        private static readonly JsonReaderOptions Options = new JsonReaderOptions { MaxDepth = 256 };

        private readonly Stream _stream;
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int _start;
        private int _end;
        private bool _eof;
        private int _emitted;

        public JsonValueStreamer(Stream stream) => _stream = stream;

        /// <summary>The bytes of each value, valid until the next value is asked for (the buffer is reused).</summary>
        public IEnumerable<ReadOnlyMemory<byte>> Values()
        {
            foreach (var (_, bytes) in Read(Skip)) yield return bytes;
        }

        /// <summary>Each value as <paramref name="convert"/> makes it, read straight from the buffer.</summary>
        public IEnumerable<object?> Convert(JsonElementReader convert)
        {
            foreach (var (value, _) in Read(convert)) yield return value;
        }

        private IEnumerable<(object? value, ReadOnlyMemory<byte> bytes)> Read(JsonElementReader convert)
        {
            try
            {
                SkipWhitespace();
                if (_start == _end && _eof) yield break; // an empty body: nothing to emit
                if (_buffer[_start] != (byte)'[')
                {
                    yield return ReadElement(convert);
                    SkipWhitespace();
                    if (_start != _end) throw Broken("more data after the JSON value");
                    yield break;
                }
                _start++; // '['
                SkipWhitespace();
                if (Peek() == (byte)']') { _start++; yield break; }
                while (true)
                {
                    yield return ReadElement(convert);
                    _emitted++;
                    SkipWhitespace();
                    byte next = Peek();
                    if (next == (byte)',') { _start++; SkipWhitespace(); continue; }
                    if (next == (byte)']') { _start++; yield break; }
                    throw Broken("expected ',' or ']' after element " + _emitted);
                }
            }
            finally
            {
                ReturnBuffer();
            }
        }

        private void ReturnBuffer()
        {
            byte[] buffer = _buffer;
            _buffer = Array.Empty<byte>();
            _start = _end = 0;
            _eof = true;
            if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        }

        private (object? value, ReadOnlyMemory<byte> bytes) ReadElement(JsonElementReader convert)
        {
            while (true)
            {
                int available = _end - _start;
                try
                {
                    if (TryConvert(convert, _eof, out object? value, out int length))
                    {
                        var bytes = new ReadOnlyMemory<byte>(_buffer, _start, length);
                        _start += length;
                        return (value, bytes);
                    }
                }
                catch (JsonValueException)
                {
                    throw; // the JSON is fine, its value is not (a number too large): say so as it is
                }
                catch (JsonException ex)
                {
                    if (!_eof || !EndsTooSoon(convert)) throw Broken(ex.Message, "valid");
                }
                if (_eof) throw Broken("the reply ended in the middle of a value");
                FillToValueEnd(available);
            }
        }

        /// <summary>
        /// Reads on until the value that starts at <see cref="_start"/> is complete, only tokenizing what arrives
        /// (the reader's state carries over between reads), so a large value is converted once more, not once per
        /// doubling of the buffer. Stops early at bytes the reader rejects: converting them again reports the error.
        /// </summary>
        private void FillToValueEnd(int available)
        {
            FillTo(available * 2 + 1);
            var state = new JsonReaderState(Options);
            int scanned = 0; // bytes after _start the reader has consumed; Fill keeps the distance however it moves _start
            while (true)
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start + scanned, _end - _start - scanned), _eof, state);
                try
                {
                    while (reader.Read())
                        if (reader.CurrentDepth == 0 && reader.TokenType != JsonTokenType.StartObject && reader.TokenType != JsonTokenType.StartArray)
                            return;
                }
                catch (JsonException)
                {
                    return;
                }
                if (_eof) return;
                scanned += (int)reader.BytesConsumed;
                state = reader.CurrentState;
                FillTo(_end - _start + 1);
            }
        }

        /// <returns>false when the bytes read so far end inside the value</returns>
        private bool TryConvert(JsonElementReader convert, bool final, out object? value, out int length)
        {
            value = null;
            length = 0;
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), final, new JsonReaderState(Options));
            try
            {
                if (!reader.Read()) return false;
                value = convert(ref reader);
            }
            catch (JsonReaderOutOfData)
            {
                return false;
            }
            length = (int)reader.BytesConsumed;
            return true;
        }

        /// <summary>At the end of the reply, a value the reader rejects is either cut off (more bytes would do) or wrong.</summary>
        private bool EndsTooSoon(JsonElementReader convert)
        {
            try
            {
                return !TryConvert(convert, false, out _, out _);
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static object? Skip(ref Utf8JsonReader reader)
        {
            if ((reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray) && !reader.TrySkip())
                throw new JsonReaderOutOfData();
            return null;
        }

        private byte Peek()
        {
            while (_start == _end && !_eof) Fill();
            if (_start == _end) throw Broken("the reply ended before the JSON was complete");
            return _buffer[_start];
        }

        private void SkipWhitespace()
        {
            while (true)
            {
                while (_start < _end && IsWhitespace(_buffer[_start])) _start++;
                if (_start < _end || _eof) return;
                Fill();
            }
        }

        /// <summary>Reads until <paramref name="wanted"/> bytes are waiting, or the stream ends.</summary>
        private void FillTo(int wanted)
        {
            while (!_eof && _end - _start < wanted) Fill();
        }

        private void Fill()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) Grow();
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) _eof = true;
            _end += read;
        }

        private void Grow()
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        private static bool IsWhitespace(byte b) => b == (byte)' ' || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t';

        private JsonException Broken(string why, string what = "complete") =>
            new JsonException($"The reply is not {what} JSON ({why}) after {_emitted} element(s) were read; those were written to the pipeline already.");
    }

    /// <summary>The reader reached the end of the bytes read so far, inside a value: read more and try again.</summary>
    internal sealed class JsonReaderOutOfData : Exception
    {
        /// <summary>Reads the next token, or gives up on this attempt when the bytes read so far end first.</summary>
        public static void Next(ref Utf8JsonReader reader)
        {
            if (!reader.Read()) throw new JsonReaderOutOfData();
        }
    }

    /// <summary>Well-formed JSON whose value the module cannot represent (a number too large for decimal).</summary>
    internal sealed class JsonValueException : JsonException
    {
        public JsonValueException(string message) : base(message) { }
    }
}
