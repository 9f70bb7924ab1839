using System.Text;

namespace RecruiterBot.Cli;

/// <summary>Reads lines without ever holding more than a fixed number of characters of one line: a huge line is
/// reported as too long and skipped, and the next line is read normally.</summary>
internal sealed class BoundedLineReader(TextReader reader, int maxChars)
{
    private readonly char[] _buffer = new char[8192];
    private int _position;
    private int _length;

    public readonly record struct Line(string Text, bool TooLong);

    public async Task<Line?> ReadLineAsync(CancellationToken ct)
    {
        var sb = new StringBuilder();
        var tooLong = false;
        var sawAny = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await reader.ReadAsync(_buffer.AsMemory(), ct);
                _position = 0;
                if (_length == 0) return sawAny ? new Line(tooLong ? "" : sb.ToString(), tooLong) : null;
            }
            sawAny = true;
            var start = _position;
            var newline = Array.IndexOf(_buffer, '\n', _position, _length - _position);
            var end = newline < 0 ? _length : newline;
            if (!tooLong)
            {
                if (sb.Length + (end - start) > maxChars) { tooLong = true; sb.Clear(); }
                else sb.Append(_buffer, start, end - start);
            }
            _position = newline < 0 ? _length : newline + 1;
            if (newline >= 0)
            {
                if (sb.Length > 0 && sb[^1] == '\r') sb.Length--;
                return new Line(tooLong ? "" : sb.ToString(), tooLong);
            }
        }
    }
}
