using System.Buffers;
using System.Text.Json;

namespace RecruiterBot.Cards;

/// <summary>A JSON writer over a buffer kept per thread, so writing a card allocates nothing but what it returns.
/// The written bytes are valid until the next <see cref="Start"/> on the same thread: copy or parse them first.</summary>
internal static class ScratchWriter
{
    // A buffer grown past this by one huge card is let go rather than kept for the life of the thread.
    private const int MaxKeptBytes = 1024 * 1024;

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    public static Utf8JsonWriter Start()
    {
        if (t_buffer is null || t_buffer.Capacity > MaxKeptBytes)
        {
            t_buffer = new ArrayBufferWriter<byte>(16 * 1024);
            t_writer = null;
        }
        t_buffer.ResetWrittenCount();
        if (t_writer is null) t_writer = new Utf8JsonWriter(t_buffer, new JsonWriterOptions { SkipValidation = true });
        else t_writer.Reset(t_buffer);
        return t_writer;
    }

    /// <summary>Flushes the writer of <see cref="Start"/> and returns what it wrote.</summary>
    public static ReadOnlySpan<byte> Written(Utf8JsonWriter writer)
    {
        writer.Flush();
        return t_buffer!.WrittenSpan;
    }
}
