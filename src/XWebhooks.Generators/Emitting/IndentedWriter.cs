using System.Text;

namespace XWebhooks.Generators.Emitting;

/// <summary>A small indented text writer for generated C# (four spaces, <c>\n</c> line ends).</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    public IndentedWriter WriteLine(string line = "")
    {
        if (line.Length > 0)
        {
            builder.Append(' ', depth * 4);
            builder.Append(line);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="line"/> (if any), then <c>{</c>, and indents.</summary>
    public IndentedWriter OpenBlock(string? line = null)
    {
        if (line is not null)
        {
            WriteLine(line);
        }

        WriteLine("{");
        depth++;
        return this;
    }

    /// <summary>Outdents and writes <c>}</c> followed by <paramref name="suffix"/>.</summary>
    public IndentedWriter CloseBlock(string suffix = "")
    {
        depth--;
        return WriteLine("}" + suffix);
    }

    public IndentedWriter Indent()
    {
        depth++;
        return this;
    }

    public IndentedWriter Outdent()
    {
        depth--;
        return this;
    }

    public override string ToString() => builder.ToString();
}
