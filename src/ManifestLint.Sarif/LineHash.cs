namespace ManifestLint.Sarif;

/// <summary>
/// <c>primaryLocationLineHash</c> exactly as GitHub's upload action computes it (codeql-action
/// <c>fingerprints.ts</c>): a rolling hash (base 37, 64-bit wrap-around) over the first 100 characters from the
/// start of each line, spaces and tabs skipped, line endings normalised to '\n', then "hex:occurrence" where
/// the occurrence counts earlier lines with the same hash. Computing it here means GitHub keeps our value
/// instead of recomputing it, and tools without GitHub get the same alert identity.
/// </summary>
public static class LineHash
{
    private const int BlockSize = 100;
    private const long Modulus = 37;
    private const int EndOfFile = 65535;

    /// <summary>The hash of each 1-based line in <paramref name="wanted"/>.</summary>
    public static IReadOnlyDictionary<int, string> Compute(string text, ISet<int> wanted)
    {
        var hashes = new Dictionary<int, string>();
        if (wanted.Count == 0)
        {
            return hashes;
        }

        var state = new State(wanted, hashes);
        foreach (var c in text)
        {
            state.Process(c);
        }

        state.Process(EndOfFile);
        state.Flush();
        return hashes;
    }

    private sealed class State
    {
        private readonly int[] _window = new int[BlockSize];
        private readonly int[] _lineNumbers = Enumerable.Repeat(-1, BlockSize).ToArray();
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly ISet<int> _wanted;
        private readonly Dictionary<int, string> _hashes;
        private readonly long _firstMod;
        private long _hash;
        private int _index;
        private int _lineNumber;
        private bool _lineStart = true;
        private bool _previousWasCarriageReturn;

        public State(ISet<int> wanted, Dictionary<int, string> hashes)
        {
            _wanted = wanted;
            _hashes = hashes;
            _firstMod = 1;
            for (var i = 0; i < BlockSize; i++)
            {
                _firstMod = unchecked(_firstMod * Modulus);
            }
        }

        public void Process(int current)
        {
            if (current is ' ' or '\t' || (_previousWasCarriageReturn && current == '\n'))
            {
                _previousWasCarriageReturn = false;
                return;
            }

            if (current == '\r')
            {
                current = '\n';
                _previousWasCarriageReturn = true;
            }
            else
            {
                _previousWasCarriageReturn = false;
            }

            if (_lineNumbers[_index] != -1)
            {
                Output();
            }

            if (_lineStart)
            {
                _lineStart = false;
                _lineNumber++;
                _lineNumbers[_index] = _lineNumber;
            }

            if (current == '\n')
            {
                _lineStart = true;
            }

            Update(current);
        }

        public void Flush()
        {
            for (var i = 0; i < BlockSize; i++)
            {
                if (_lineNumbers[_index] != -1)
                {
                    Output();
                }

                Update(0);
            }
        }

        private void Update(int current)
        {
            var begin = _window[_index];
            _window[_index] = current;
            _hash = unchecked((Modulus * _hash) + current - (_firstMod * begin));
            _index = (_index + 1) % BlockSize;
        }

        private void Output()
        {
            var value = unchecked((ulong)_hash).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
            _counts.TryGetValue(value, out var count);
            _counts[value] = ++count;
            var line = _lineNumbers[_index];
            if (_wanted.Contains(line))
            {
                _hashes[line] = value + ":" + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _lineNumbers[_index] = -1;
        }
    }
}
