using System.Text;

namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// A logical paragraph rebuilt from one or more physical lines, remembering which original line
/// each part came from so warnings can point at the line a person sees in the file.
/// </summary>
internal sealed class Paragraph
{
    private readonly StringBuilder _text = new();
    private readonly List<(int Offset, int Line)> _starts = [];

    public Paragraph(string text, int line) => Append(text, line);

    public string Text => _text.ToString();

    public int Line => _starts[0].Line;

    public char Last => _text[^1];

    public void Append(string text, int line)
    {
        // A line broken inside an English word keeps a space; CJK text is written without spaces.
        if (_text.Length > 0 && char.IsAsciiLetter(_text[^1]) && text.Length > 0 && char.IsAsciiLetter(text[0]))
            _text.Append(' ');
        _starts.Add((_text.Length, line));
        _text.Append(text);
    }

    public int LineAt(int offset)
    {
        var line = _starts[0].Line;
        foreach (var (start, l) in _starts)
        {
            if (start > offset) break;
            line = l;
        }
        return line;
    }
}

/// <summary>One physical line (or a form-feed-separated part of it) of the original text.</summary>
internal readonly record struct SourceLine(int Line, string Text);
