using System;
using System.Text.RegularExpressions;

namespace KeyLint.Core.Formats;

/// <summary>
/// The lengths and characters that a pattern's matches can have, read from the pattern's text. It lets the scanner
/// turn a value away without running the regular expression, for example a log template whose space no context
/// format accepts, or a URL without the "@" of a password. The shape is an outer bound: every value the pattern
/// matches passes <see cref="MayMatch"/> and <see cref="MayMatchWithin"/>, but not every value that passes matches.
/// </summary>
internal sealed class PatternShape
{
    private readonly CharSet _allowed;

    // ASCII characters that every match contains, such as the "@" of a password in a URL.
    private readonly CharSet _required;

    private PatternShape(int minLength, int maxLength, CharSet allowed, CharSet required)
    {
        MinLength = minLength;
        MaxLength = maxLength;
        _allowed = allowed;
        _required = required;
    }

    public int MinLength { get; }

    /// <summary>The longest value the pattern can match, or <see cref="int.MaxValue"/> when there is no bound.</summary>
    public int MaxLength { get; }

    /// <summary>
    /// Reads the shape of a pattern. Returns null for any construct it does not follow (back references, inline
    /// options, conditionals), so that such a pattern is always run.
    /// </summary>
    public static PatternShape? TryCreate(string pattern, RegexOptions options)
    {
        // With Multiline, "^" and "$" also match inside the value, so the pattern no longer has to match all of it.
        const RegexOptions unsupported = RegexOptions.IgnorePatternWhitespace | RegexOptions.RightToLeft | RegexOptions.Multiline;
        if ((options & unsupported) != 0)
        {
            return null;
        }

        var reader = new Reader(pattern);
        if (!reader.TryReadAlternation(out var node) || !reader.AtEnd)
        {
            return null;
        }

        var set = node.Set;
        var required = node.Required;
        if ((options & RegexOptions.IgnoreCase) != 0)
        {
            // Case-insensitive matching also pairs some non-ASCII letters with ASCII ones (the Kelvin sign and K), so
            // no letter is required as written, and a set with non-ASCII letters may match ASCII ones.
            // NOTE: the .NET 10 table pairs only U+212A with ASCII letters. Other runtimes may pair more, so any
            // non-ASCII character admits every ASCII letter.
            set = set.AnyNonAscii ? set.WithAsciiLetters() : set.WithBothCases().WithAnyNonAscii();
            required = required.WithoutLetters();
        }

        return new PatternShape(node.Min, node.Max, set, required);
    }

    /// <summary>Returns false only when the pattern surely cannot match the whole of <paramref name="value"/>.</summary>
    public bool MayMatch(string value)
    {
        // "$" also matches before a final line feed, which the character check below would count against the value.
        if (value.Length > 0 && value[value.Length - 1] == '\n')
        {
            return true;
        }

        if (value.Length < MinLength || value.Length > MaxLength)
        {
            return false;
        }

        ulong low = 0, high = 0;
        foreach (var c in value)
        {
            if (!_allowed.Contains(c))
            {
                return false;
            }

            Mark(c, ref low, ref high);
        }

        return HasRequired(low, high);
    }

    /// <summary>
    /// Returns false only when no part of <paramref name="value"/> can match the pattern: a match is a run of
    /// characters of the pattern's set, at least <see cref="MinLength"/> long.
    /// </summary>
    public bool MayMatchWithin(string value)
    {
        ulong low = 0, high = 0;
        int run = 0, longest = 0;
        foreach (var c in value)
        {
            Mark(c, ref low, ref high);
            if (!_allowed.Contains(c))
            {
                run = 0;
            }
            else if (++run > longest)
            {
                longest = run;
            }
        }

        return longest >= MinLength && HasRequired(low, high);
    }

    private static void Mark(char c, ref ulong low, ref ulong high)
    {
        if (c < 64)
        {
            low |= 1UL << c;
        }
        else if (c < 128)
        {
            high |= 1UL << (c - 64);
        }
    }

    private bool HasRequired(ulong low, ulong high) =>
        (low & _required.Low) == _required.Low && (high & _required.High) == _required.High;

    // The characters a part of a pattern can consume: two 64-bit halves of ASCII, and whether any non-ASCII character can.
    private readonly struct CharSet
    {
        public static readonly CharSet Empty = default;
        public static readonly CharSet All = new(ulong.MaxValue, ulong.MaxValue, anyNonAscii: true);

        public CharSet(ulong low, ulong high, bool anyNonAscii)
        {
            Low = low;
            High = high;
            AnyNonAscii = anyNonAscii;
        }

        public ulong Low { get; }

        public ulong High { get; }

        public bool AnyNonAscii { get; }

        public static CharSet Range(char first, char last)
        {
            var set = Empty;
            for (int c = first; c <= last && c < 128; c++)
            {
                set = set.With((char)c);
            }

            return last >= 128 ? set.WithAnyNonAscii() : set;
        }

        public CharSet With(char c) => c < 64
            ? new CharSet(Low | (1UL << c), High, AnyNonAscii)
            : c < 128 ? new CharSet(Low, High | (1UL << (c - 64)), AnyNonAscii) : WithAnyNonAscii();

        public CharSet WithAnyNonAscii() => new(Low, High, anyNonAscii: true);

        public CharSet Union(CharSet other) => new(Low | other.Low, High | other.High, AnyNonAscii || other.AnyNonAscii);

        public CharSet Intersect(CharSet other) => new(Low & other.Low, High & other.High, AnyNonAscii && other.AnyNonAscii);

        public CharSet WithAsciiLetters() => Union(Range('a', 'z')).Union(Range('A', 'Z'));

        public CharSet WithoutLetters()
        {
            var letters = Range('a', 'z').Union(Range('A', 'Z'));
            return new CharSet(Low & ~letters.Low, High & ~letters.High, anyNonAscii: false);
        }

        // Returns the set itself when it contains exactly one ASCII character and nothing else, and the empty set otherwise.
        public CharSet Single()
        {
            var count = CountBits(Low) + CountBits(High);
            return count == 1 && !AnyNonAscii ? this : Empty;
        }

        private static int CountBits(ulong bits)
        {
            var count = 0;
            for (; bits != 0; bits &= bits - 1)
            {
                count++;
            }

            return count;
        }

        public bool Contains(char c)
        {
            if (c < 64)
            {
                return (Low & (1UL << c)) != 0;
            }

            return c < 128 ? (High & (1UL << (c - 64))) != 0 : AnyNonAscii;
        }

        public CharSet WithBothCases()
        {
            var set = this;
            for (var c = 'a'; c <= 'z'; c++)
            {
                var upper = (char)(c - 32);
                if (set.Contains(c) || set.Contains(upper))
                {
                    set = set.With(c).With(upper);
                }
            }

            return set;
        }
    }

    // A parsed part of a pattern: the lengths and characters it can consume, and the ASCII characters that every
    // match of it consumes.
    private readonly struct Part
    {
        public Part(int min, int max, CharSet set)
            : this(min, max, set, set.Single())
        {
        }

        public Part(int min, int max, CharSet set, CharSet required)
        {
            Min = min;
            Max = max;
            Set = set;
            Required = required;
        }

        public int Min { get; }

        public int Max { get; }

        public CharSet Set { get; }

        public CharSet Required { get; }
    }

    // A recursive-descent reader for the subset of .NET pattern syntax that key formats use. Any failure means "no shape".
    private sealed class Reader
    {
        private const int MaxDepth = 64;

        private static readonly CharSet Digits = CharSet.Range('0', '9').WithAnyNonAscii();
        private static readonly CharSet WordCharacters =
            CharSet.Range('a', 'z').Union(CharSet.Range('A', 'Z')).Union(CharSet.Range('0', '9')).With('_').WithAnyNonAscii();
        private static readonly CharSet Spaces =
            CharSet.Empty.With(' ').With('\t').With('\n').With('\v').With('\f').With('\r').WithAnyNonAscii();

        private readonly string _text;
        private int _position;
        private int _depth;

        public Reader(string text)
        {
            _text = text;
        }

        public bool AtEnd => _position >= _text.Length;

        public bool TryReadAlternation(out Part part)
        {
            part = default;
            if (++_depth > MaxDepth)
            {
                return false;
            }

            if (!TryReadSequence(out part))
            {
                return false;
            }

            while (!AtEnd && _text[_position] == '|')
            {
                _position++;
                if (!TryReadSequence(out var next))
                {
                    return false;
                }

                part = new Part(
                    Math.Min(part.Min, next.Min), Math.Max(part.Max, next.Max), part.Set.Union(next.Set), part.Required.Intersect(next.Required));
            }

            _depth--;
            return true;
        }

        private bool TryReadSequence(out Part part)
        {
            long min = 0, max = 0;
            var set = CharSet.Empty;
            var required = CharSet.Empty;
            while (!AtEnd && _text[_position] is not ('|' or ')'))
            {
                if (!TryReadAtom(out var atom) || !TryReadQuantifier(out var low, out var high))
                {
                    part = default;
                    return false;
                }

                min = Add(min, (long)atom.Min * low);
                max = high == int.MaxValue && atom.Max > 0 ? int.MaxValue : Add(max, (long)atom.Max * high);
                if (high > 0)
                {
                    set = set.Union(atom.Set);
                }

                if (low > 0)
                {
                    required = required.Union(atom.Required);
                }
            }

            part = new Part((int)min, (int)max, set, required);
            return true;
        }

        private static long Add(long left, long right) => Math.Min(int.MaxValue, left + Math.Min(int.MaxValue, right));

        private bool TryReadAtom(out Part part)
        {
            part = default;
            var c = _text[_position++];
            switch (c)
            {
                case '^' or '$':
                    part = new Part(0, 0, CharSet.Empty, CharSet.Empty);
                    return true;
                case '.':
                    part = new Part(1, 1, CharSet.All);
                    return true;
                case '[':
                    if (!TryReadClass(out var set))
                    {
                        return false;
                    }

                    part = new Part(1, 1, set);
                    return true;
                case '(':
                    return TryReadGroup(out part);
                case '\\':
                    return TryReadEscape(out part);
                case '*' or '+' or '?' or '{' or ')':
                    // A quantifier with nothing before it; "{" alone would be a literal, but no key format needs it.
                    return false;
                default:
                    part = new Part(1, 1, CharSet.Empty.With(c));
                    return true;
            }
        }

        private bool TryReadGroup(out Part part)
        {
            part = default;
            var lookaround = false;
            if (Peek('?'))
            {
                _position++;
                if (Peek(':') || Peek('>'))
                {
                    _position++;
                }
                else if (Peek('=') || Peek('!'))
                {
                    _position++;
                    lookaround = true;
                }
                else if (Peek('<') && _position + 1 < _text.Length && _text[_position + 1] is '=' or '!')
                {
                    _position += 2;
                    lookaround = true;
                }
                else if (Peek('<') || Peek('\''))
                {
                    var close = _text[_position] == '<' ? '>' : '\'';
                    var end = _text.IndexOf(close, _position + 1);
                    if (end < 0 || !IsGroupName(_position + 1, end))
                    {
                        return false;
                    }

                    _position = end + 1;
                }
                else
                {
                    // Inline options, comments, conditionals.
                    return false;
                }
            }

            if (!TryReadAlternation(out var inner) || !Peek(')'))
            {
                return false;
            }

            _position++;

            // A lookaround only narrows what the rest matches, so it adds neither length nor characters.
            part = lookaround ? new Part(0, 0, CharSet.Empty, CharSet.Empty) : inner;
            return true;
        }

        private bool IsGroupName(int start, int end)
        {
            if (end == start)
            {
                return false;
            }

            for (var i = start; i < end; i++)
            {
                if (!char.IsLetterOrDigit(_text[i]) && _text[i] != '_')
                {
                    return false;
                }
            }

            return true;
        }

        private bool TryReadEscape(out Part part)
        {
            part = default;
            if (AtEnd)
            {
                return false;
            }

            var c = _text[_position];
            switch (c)
            {
                case 'b' or 'B' or 'A' or 'z' or 'G':
                    _position++;
                    part = new Part(0, 0, CharSet.Empty);
                    return true;
                case 'Z':
                    // Like "$", it can leave a final line feed unmatched; MayMatch lets such values through.
                    _position++;
                    part = new Part(0, 0, CharSet.Empty);
                    return true;
                default:
                    if (!TryReadClassEscape(out var set))
                    {
                        return false;
                    }

                    part = new Part(1, 1, set);
                    return true;
            }
        }

        // Reads an escape that stands for one character or a class of them, at the character after the backslash.
        private bool TryReadClassEscape(out CharSet set)
        {
            set = CharSet.Empty;
            var c = _text[_position++];
            switch (c)
            {
                case 'd':
                    set = Digits;
                    return true;
                case 'w':
                    set = WordCharacters;
                    return true;
                case 's':
                    set = Spaces;
                    return true;
                case 'D' or 'W' or 'S':
                    set = CharSet.All;
                    return true;
                case 'p' or 'P':
                    var close = _text.IndexOf('}', _position);
                    if (!Peek('{') || close < 0)
                    {
                        return false;
                    }

                    _position = close + 1;
                    set = CharSet.All;
                    return true;
                case 'x':
                    return TryReadHex(2, out set);
                case 'u':
                    return TryReadHex(4, out set);
                case 't':
                    set = CharSet.Empty.With('\t');
                    return true;
                case 'n':
                    set = CharSet.Empty.With('\n');
                    return true;
                case 'r':
                    set = CharSet.Empty.With('\r');
                    return true;
                case 'f':
                    set = CharSet.Empty.With('\f');
                    return true;
                case 'v':
                    set = CharSet.Empty.With('\v');
                    return true;
                case 'e':
                    set = CharSet.Empty.With('\u001B');
                    return true;
                default:
                    // Back references, \k<name>, \c, octal escapes: not followed. Escaped punctuation is itself.
                    if (char.IsLetterOrDigit(c) || c > 127)
                    {
                        return false;
                    }

                    set = CharSet.Empty.With(c);
                    return true;
            }
        }

        private bool TryReadHex(int digits, out CharSet set)
        {
            set = CharSet.Empty;
            if (_position + digits > _text.Length)
            {
                return false;
            }

            var code = 0;
            for (var i = 0; i < digits; i++)
            {
                var value = HexValue(_text[_position + i]);
                if (value < 0)
                {
                    return false;
                }

                code = (code * 16) + value;
            }

            _position += digits;
            set = CharSet.Empty.With((char)code);
            return true;
        }

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        // Reads a character class after its "[". A negated class is counted as every character: it is an outer bound.
        private bool TryReadClass(out CharSet set)
        {
            set = CharSet.Empty;
            var negated = Peek('^');
            if (negated)
            {
                _position++;
            }

            var first = true;
            while (!AtEnd)
            {
                var c = _text[_position];
                if (c == ']' && !first)
                {
                    _position++;
                    if (negated)
                    {
                        set = CharSet.All;
                    }

                    return true;
                }

                first = false;
                if (c == '[' || (c == '-' && _position + 1 < _text.Length && _text[_position + 1] == '['))
                {
                    // Class subtraction and nested classes are not followed.
                    return false;
                }

                if (!TryReadClassMember(out var low, out var member))
                {
                    return false;
                }

                if (low is { } start && Peek('-') && _position + 1 < _text.Length && _text[_position + 1] != ']')
                {
                    _position++;

                    // .NET reads "[!-[b]]" as "!" minus the class [b], not as the range from "!" to "[".
                    if (Peek('['))
                    {
                        return false;
                    }

                    if (!TryReadClassMember(out var high, out _) || high is not { } end || end < start)
                    {
                        return false;
                    }

                    set = set.Union(CharSet.Range(start, end));
                    continue;
                }

                set = set.Union(member);
            }

            return false;
        }

        // Reads one member of a class: a single character (returned in single too) or a class escape.
        private bool TryReadClassMember(out char? single, out CharSet member)
        {
            single = null;
            member = CharSet.Empty;
            var c = _text[_position++];
            if (c != '\\')
            {
                single = c;
                member = CharSet.Empty.With(c);
                return true;
            }

            if (AtEnd)
            {
                return false;
            }

            var escaped = _text[_position];
            if (escaped == 'b')
            {
                // Backspace inside a class.
                _position++;
                single = '\b';
                member = CharSet.Empty.With('\b');
                return true;
            }

            if (!TryReadClassEscape(out member))
            {
                return false;
            }

            if (escaped is not ('d' or 'w' or 's' or 'D' or 'W' or 'S' or 'p' or 'P'))
            {
                single = SingleOf(member);
            }

            return true;
        }

        private static char? SingleOf(CharSet set)
        {
            for (var c = 0; c < 128; c++)
            {
                if (set.Contains((char)c))
                {
                    return (char)c;
                }
            }

            return null;
        }

        private bool TryReadQuantifier(out int min, out int max)
        {
            min = 1;
            max = 1;
            if (AtEnd)
            {
                return true;
            }

            switch (_text[_position])
            {
                case '*':
                    _position++;
                    (min, max) = (0, int.MaxValue);
                    break;
                case '+':
                    _position++;
                    (min, max) = (1, int.MaxValue);
                    break;
                case '?':
                    _position++;
                    (min, max) = (0, 1);
                    break;
                case '{':
                    if (!TryReadBraces(out min, out max))
                    {
                        return false;
                    }

                    break;
                default:
                    return true;
            }

            // A lazy quantifier matches the same lengths.
            if (Peek('?'))
            {
                _position++;
            }

            return !(Peek('*') || Peek('+') || Peek('{'));
        }

        private bool TryReadBraces(out int min, out int max)
        {
            min = max = 0;
            var close = _text.IndexOf('}', _position);
            if (close < 0)
            {
                return false;
            }

            var body = _text.Substring(_position + 1, close - _position - 1);
            var comma = body.IndexOf(',');
            var minText = comma < 0 ? body : body.Substring(0, comma);
            if (!TryParseCount(minText, out min))
            {
                return false;
            }

            if (comma < 0)
            {
                max = min;
            }
            else if (comma == body.Length - 1)
            {
                max = int.MaxValue;
            }
            else if (!TryParseCount(body.Substring(comma + 1), out max) || max < min)
            {
                return false;
            }

            _position = close + 1;
            return true;
        }

        private static bool TryParseCount(string text, out int count)
        {
            count = 0;
            if (text.Length == 0 || text.Length > 7)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }

                count = (count * 10) + (c - '0');
            }

            return true;
        }

        private bool Peek(char c) => !AtEnd && _text[_position] == c;
    }
}
