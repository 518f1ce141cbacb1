using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace BinancePostman.Catalog.Scripts
{
    internal enum TokenKind
    {
        Identifier,
        Number,
        String,
        Template,
        Regex,
        Punct,
        End,
    }

    /// <summary>One JavaScript token. Strings and identifiers hold their decoded text (escapes resolved), so a name spelled with \x or \u escapes is the name.</summary>
    internal sealed class Token
    {
        public Token(TokenKind kind, string text, int line, bool newlineBefore)
        {
            Kind = kind;
            Text = text;
            Line = line;
            NewlineBefore = newlineBefore;
        }

        public TokenKind Kind { get; }
        public string Text { get; }
        /// <summary>0-based line of the script where the token starts.</summary>
        public int Line { get; }
        public bool NewlineBefore { get; }
        /// <summary>\x and \u escapes in a string or identifier: many of them hide text.</summary>
        public int Escapes { get; set; }
        /// <summary>Template literals: the text parts, one more than the expressions.</summary>
        public List<string>? Quasis { get; set; }
        public List<List<Token>>? Expressions { get; set; }

        public bool Is(TokenKind kind, string text) => Kind == kind && Text == text;
        public bool IsPunct(string text) => Kind == TokenKind.Punct && Text == text;
        public bool IsWord(string text) => Kind == TokenKind.Identifier && Text == text;

        public override string ToString() => $"{Kind} {Text} @{Line}";
    }

    /// <summary>A script that cannot be read as JavaScript at this point.</summary>
    internal sealed class ScriptSyntaxException : Exception
    {
        public ScriptSyntaxException(int line, int position) : base("syntax at line " + (line + 1))
        {
            Line = line;
            Position = position;
        }

        public int Line { get; }
        /// <summary>Token index (parser) or character index (tokenizer) where reading stopped.</summary>
        public int Position { get; }
    }

    /// <summary>
    /// Splits JavaScript into tokens: names, numbers, strings (escapes decoded), template literals (with their
    /// expressions tokenized), regular expressions, punctuators. Comments and whitespace are dropped.
    /// </summary>
    internal sealed class ScriptTokenizer
    {
        private static readonly string[] Puncts =
        {
            ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
            "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>",
        };

        private static readonly HashSet<string> RegexAfterWord = new HashSet<string>(StringComparer.Ordinal)
        {
            "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await",
        };

        private readonly string _text;
        private int _pos;
        private int _line;
        private readonly int _nesting;

        private ScriptTokenizer(string text, int pos, int line, int nesting = 0)
        {
            _text = text;
            _pos = pos;
            _line = line;
            _nesting = nesting;
        }

        /// <summary>Tokens of a whole script; lines count from 0 (the script's first line).</summary>
        /// <exception cref="ScriptSyntaxException">an unterminated string, template, comment or regex</exception>
        public static List<Token> Tokenize(string text, int firstLine = 0)
        {
            var t = new ScriptTokenizer(text, 0, firstLine);
            List<Token> tokens = t.Read(stopAtUnmatchedBrace: false);
            tokens.Add(new Token(TokenKind.End, "", t._line, true));
            return tokens;
        }

        /// <summary>Reads tokens until the end (or, inside a template's ${...}, until the brace that closes it).</summary>
        private List<Token> Read(bool stopAtUnmatchedBrace)
        {
            var tokens = new List<Token>();
            int depth = 0;
            bool newline = _pos == 0;
            while (true)
            {
                newline |= SkipSpaceAndComments();
                if (_pos >= _text.Length)
                {
                    if (stopAtUnmatchedBrace) throw new ScriptSyntaxException(_line, _pos);
                    return tokens;
                }
                char c = _text[_pos];
                int line = _line;
                Token token;
                if (IsIdentifierStart(c) || (c == '\\' && Peek(1) == 'u'))
                    token = ReadIdentifier(line, newline);
                else if (char.IsDigit(c) || (c == '.' && char.IsDigit(Peek(1))))
                    token = ReadNumber(line, newline);
                else if (c == '"' || c == '\'')
                    token = ReadString(c, line, newline);
                else if (c == '`')
                    token = ReadTemplate(line, newline);
                else if (c == '/' && RegexAllowed(tokens))
                    token = ReadRegex(line, newline);
                else
                {
                    token = ReadPunct(line, newline);
                    if (token.Text == "{") depth++;
                    else if (token.Text == "}")
                    {
                        if (depth == 0 && stopAtUnmatchedBrace) return tokens;
                        depth--;
                    }
                }
                tokens.Add(token);
                newline = false;
            }
        }

        private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

        /// <returns>true when a line break was crossed</returns>
        private bool SkipSpaceAndComments()
        {
            bool newline = false;
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '\n')
                {
                    newline = true;
                    _line++;
                    _pos++;
                }
                else if (char.IsWhiteSpace(c) || c == '\uFEFF')
                    _pos++;
                else if (c == '/' && Peek(1) == '/')
                {
                    while (_pos < _text.Length && _text[_pos] != '\n') _pos++;
                }
                else if (c == '/' && Peek(1) == '*')
                {
                    int end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    if (end < 0) throw new ScriptSyntaxException(_line, _pos);
                    for (int i = _pos; i < end; i++)
                        if (_text[i] == '\n') { _line++; newline = true; }
                    _pos = end + 2;
                }
                else break;
            }
            return newline;
        }

        private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '$' || c == '_';
        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '$' || c == '_' || c == '\u200C' || c == '\u200D';

        private Token ReadIdentifier(int line, bool newline)
        {
            var sb = new StringBuilder();
            int escapes = 0;
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '\\' && Peek(1) == 'u')
                {
                    _pos += 2;
                    sb.Append(ReadUnicodeEscape());
                    escapes++;
                }
                else if (IsIdentifierPart(c)) { sb.Append(c); _pos++; }
                else break;
            }
            return new Token(TokenKind.Identifier, sb.ToString(), line, newline) { Escapes = escapes };
        }

        private Token ReadNumber(int line, bool newline)
        {
            int start = _pos;
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (char.IsLetterOrDigit(c) || c == '.' || c == '_') _pos++;
                else if ((c == '+' || c == '-') && (_text[_pos - 1] == 'e' || _text[_pos - 1] == 'E') && !_text.Substring(start, _pos - start).StartsWith("0x", StringComparison.OrdinalIgnoreCase)) _pos++;
                else break;
            }
            return new Token(TokenKind.Number, _text.Substring(start, _pos - start).Replace("_", ""), line, newline);
        }

        /// <summary>The value of a number literal, where it is a plain one.</summary>
        public static double? NumberValue(string text)
        {
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                return long.TryParse(text.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long hex) ? hex : (double?)null;
            if (text.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
            {
                try { return Convert.ToInt64(text.Substring(2), 2); } catch (FormatException) { return null; } catch (OverflowException) { return null; }
            }
            if (text.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
            {
                try { return Convert.ToInt64(text.Substring(2), 8); } catch (FormatException) { return null; } catch (OverflowException) { return null; }
            }
            return double.TryParse(text.TrimEnd('n'), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : (double?)null;
        }

        private Token ReadString(char quote, int line, bool newline)
        {
            _pos++;
            var sb = new StringBuilder();
            int escapes = 0;
            while (true)
            {
                if (_pos >= _text.Length || _text[_pos] == '\n') throw new ScriptSyntaxException(line, _pos);
                char c = _text[_pos];
                if (c == quote) { _pos++; break; }
                if (c == '\\') escapes += ReadEscape(sb);
                else { sb.Append(c); _pos++; }
            }
            return new Token(TokenKind.String, sb.ToString(), line, newline) { Escapes = escapes };
        }

        /// <returns>1 for a \x or \u escape (they can hide text), else 0</returns>
        private int ReadEscape(StringBuilder sb)
        {
            _pos++; // the backslash
            if (_pos >= _text.Length) throw new ScriptSyntaxException(_line, _pos);
            char e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); return 0;
                case 't': sb.Append('\t'); return 0;
                case 'r': sb.Append('\r'); return 0;
                case 'b': sb.Append('\b'); return 0;
                case 'f': sb.Append('\f'); return 0;
                case 'v': sb.Append('\v'); return 0;
                case '0' when !char.IsDigit(Peek(0)): sb.Append('\0'); return 0;
                case '\r':
                    if (Peek(0) == '\n') { _pos++; _line++; }
                    return 0;
                case '\n': _line++; return 0;
                case 'x':
                    if (_pos + 2 <= _text.Length && int.TryParse(_text.Substring(_pos, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int x))
                    {
                        sb.Append((char)x);
                        _pos += 2;
                        return 1;
                    }
                    sb.Append('x');
                    return 0;
                case 'u':
                    sb.Append(ReadUnicodeEscape());
                    return 1;
                default:
                    sb.Append(e);
                    return 0;
            }
        }

        /// <summary>After "\u": XXXX or {X...}.</summary>
        private string ReadUnicodeEscape()
        {
            if (Peek(0) == '{')
            {
                int close = _text.IndexOf('}', _pos);
                if (close < 0) throw new ScriptSyntaxException(_line, _pos);
                string hex = _text.Substring(_pos + 1, close - _pos - 1);
                _pos = close + 1;
                return int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int cp) && cp <= 0x10FFFF ? char.ConvertFromUtf32(cp) : "";
            }
            if (_pos + 4 <= _text.Length && int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int u))
            {
                _pos += 4;
                return ((char)u).ToString();
            }
            throw new ScriptSyntaxException(_line, _pos);
        }

        private Token ReadTemplate(int line, bool newline)
        {
            _pos++;
            var quasis = new List<string>();
            var expressions = new List<List<Token>>();
            var sb = new StringBuilder();
            int escapes = 0;
            while (true)
            {
                if (_pos >= _text.Length) throw new ScriptSyntaxException(line, _pos);
                char c = _text[_pos];
                if (c == '`') { _pos++; break; }
                if (c == '\\') { escapes += ReadEscape(sb); continue; }
                if (c == '$' && Peek(1) == '{')
                {
                    _pos += 2;
                    quasis.Add(sb.ToString());
                    sb.Clear();
                    if (_nesting > 20) throw new ScriptSyntaxException(_line, _pos); // templates in templates, too deep to follow
                    var inner = new ScriptTokenizer(_text, _pos, _line, _nesting + 1);
                    List<Token> tokens = inner.Read(stopAtUnmatchedBrace: true);
                    tokens.Add(new Token(TokenKind.End, "", inner._line, true));
                    expressions.Add(tokens);
                    _pos = inner._pos;
                    _line = inner._line;
                    continue;
                }
                if (c == '\n') _line++;
                sb.Append(c);
                _pos++;
            }
            quasis.Add(sb.ToString());
            return new Token(TokenKind.Template, string.Concat(quasis), line, newline) { Quasis = quasis, Expressions = expressions, Escapes = escapes };
        }

        private static bool RegexAllowed(List<Token> tokens)
        {
            if (tokens.Count == 0) return true;
            Token last = tokens[tokens.Count - 1];
            switch (last.Kind)
            {
                case TokenKind.Number:
                case TokenKind.String:
                case TokenKind.Template:
                case TokenKind.Regex:
                    return false;
                case TokenKind.Identifier:
                    return RegexAfterWord.Contains(last.Text);
                case TokenKind.Punct:
                    return last.Text != ")" && last.Text != "]" && last.Text != "++" && last.Text != "--";
                default:
                    return true;
            }
        }

        private Token ReadRegex(int line, bool newline)
        {
            int start = _pos;
            _pos++;
            bool inClass = false;
            while (true)
            {
                if (_pos >= _text.Length || _text[_pos] == '\n') throw new ScriptSyntaxException(line, _pos);
                char c = _text[_pos];
                if (c == '\\') { _pos += 2; continue; }
                if (c == '[') inClass = true;
                else if (c == ']') inClass = false;
                else if (c == '/' && !inClass) { _pos++; break; }
                _pos++;
            }
            while (_pos < _text.Length && char.IsLetter(_text[_pos])) _pos++;
            return new Token(TokenKind.Regex, _text.Substring(start, _pos - start), line, newline);
        }

        private Token ReadPunct(int line, bool newline)
        {
            foreach (string p in Puncts)
                if (string.CompareOrdinal(_text, _pos, p, 0, p.Length) == 0)
                {
                    // "?." followed by a digit is a conditional and a number (a?.5:1)
                    if (p == "?." && char.IsDigit(Peek(2))) break;
                    _pos += p.Length;
                    return new Token(TokenKind.Punct, p, line, newline);
                }
            char c = _text[_pos++];
            return new Token(TokenKind.Punct, c.ToString(), line, newline);
        }
    }
}
