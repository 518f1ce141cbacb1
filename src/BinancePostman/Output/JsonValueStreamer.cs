using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace BinancePostman.Output
{
    /// <summary>
    /// Reads a JSON reply from a stream and hands out its values as they arrive: each element of a top-level array
    /// on its own (so a 1,000-row page is never held whole as objects), or the single top-level value. Memory is the
    /// size of one element plus the read buffer.
    /// </summary>
    internal sealed class JsonValueStreamer
    {
        private readonly Stream _stream;
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;
        private bool _eof;
        private int _emitted;

        public JsonValueStreamer(Stream stream) => _stream = stream;

        /// <summary>The bytes of each value, valid until the next value is asked for (the buffer is reused).</summary>
        public IEnumerable<ReadOnlyMemory<byte>> Values()
        {
            SkipWhitespace();
            if (_start == _end)
            {
                if (_eof) yield break; // an empty body: nothing to emit
            }
            if (_buffer[_start] != (byte)'[')
            {
                yield return ReadValue();
                SkipWhitespace();
                if (_start != _end) throw Broken("more data after the JSON value");
                yield break;
            }
            _start++; // '['
            SkipWhitespace();
            if (Peek() == (byte)']') { _start++; yield break; }
            while (true)
            {
                yield return ReadValue();
                _emitted++;
                SkipWhitespace();
                byte next = Peek();
                if (next == (byte)',') { _start++; SkipWhitespace(); continue; }
                if (next == (byte)']') { _start++; yield break; }
                throw Broken("expected ',' or ']' after element " + _emitted);
            }
        }

        /// <summary>How many array elements were handed out: for errors about a reply cut short.</summary>
        public int Emitted => _emitted;

        private ReadOnlyMemory<byte> ReadValue()
        {
            while (true)
            {
                int length;
                try
                {
                    length = CompleteValueLength();
                }
                catch (JsonException ex)
                {
                    throw Broken(ex.Message);
                }
                if (length > 0)
                {
                    var value = new ReadOnlyMemory<byte>(_buffer, _start, length);
                    _start += length;
                    return value;
                }
                if (_eof) throw Broken("the reply ended in the middle of a value");
                Fill();
            }
        }

        /// <summary>The length of the complete value at the read position, or 0 when more bytes are needed.</summary>
        private int CompleteValueLength()
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _eof, default);
            if (!reader.Read()) return 0;
            bool container = reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray;
            if (container && !reader.TrySkip()) return 0;
            int length = (int)reader.BytesConsumed;
            // a number or literal at the very end of the buffer may go on in the next read
            bool mayContinue = !container && reader.TokenType != JsonTokenType.String && length == _end - _start && !_eof;
            return mayContinue ? 0 : length;
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

        private void Fill()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) _eof = true;
            _end += read;
        }

        private static bool IsWhitespace(byte b) => b == (byte)' ' || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t';

        private JsonException Broken(string why) =>
            new JsonException($"The reply is not complete JSON ({why}) after {_emitted} element(s) were read; those were written to the pipeline already.");
    }
}
