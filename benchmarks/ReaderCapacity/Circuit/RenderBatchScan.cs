using System.Buffers.Binary;
using System.Text;

namespace AleppoDashboard.ReaderCapacity.Circuit;

/// <summary>
/// Reads the few things the reader needs from a render batch (Blazor's binary diff, laid out as blazor.web.js reads
/// it): the event handler ids of the time slider. The last 20 bytes of a batch hold the offsets of its sections; the
/// reference frames are 20-byte records (type, then two string-table indexes, then a 64-bit handler id for an
/// attribute); strings are LEB128-length-prefixed UTF-8.
/// </summary>
static class RenderBatchScan
{
    const int ElementFrame = 1;
    const int AttributeFrame = 3;

    /// <summary>The handler id of <paramref name="eventName"/> (e.g. "onchange") on an &lt;input type=range&gt;, if the batch renders one.</summary>
    public static ulong? RangeInputHandler(byte[] batch, string eventName) =>
        ElementHandler(new Batch(batch), eventName, (name, attributes) => name == "input" && attributes.Contains(("type", "range")));

    /// <summary>The handler id of <paramref name="eventName"/> on an element that carries the attribute <paramref name="marker"/>.</summary>
    public static ulong? MarkedElementHandler(byte[] batch, string marker, string eventName) =>
        ElementHandler(new Batch(batch), eventName, (_, attributes) => attributes.Any(a => a.Name == marker));

    /// <summary>The handler ids of every <paramref name="eventName"/> attribute the batch renders (new or replaced).</summary>
    public static List<ulong> Handlers(byte[] batch, string eventName)
    {
        var view = new Batch(batch);
        return [.. Enumerable.Range(0, view.FrameCount)
            .Where(i => view.Type(i) == AttributeFrame && view.HandlerId(i) != 0 && view.Text(view.Field(i, 4)) == eventName)
            .Select(view.HandlerId)];
    }

    /// <summary>The handler ids the batch disposes (their elements were rendered again with new handlers, or removed).</summary>
    public static List<ulong> DisposedHandlers(byte[] batch)
    {
        var view = new Batch(batch);
        var disposed = view.Int(batch.Length - 8);
        return [.. Enumerable.Range(0, view.Int(disposed)).Select(i => BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(disposed + 4 + 8 * i)))];
    }

    /// <summary>Every event handler attribute in the batch and the handler ids it disposes (for CAPACITY_DEBUG).</summary>
    public static string Describe(byte[] batch)
    {
        var view = new Batch(batch);
        var handlers = Enumerable.Range(0, view.FrameCount)
            .Where(i => view.Type(i) == AttributeFrame && view.HandlerId(i) != 0)
            .Select(i => view.Text(view.Field(i, 4)) + "=" + view.HandlerId(i));
        return string.Join(",", handlers) + " disposed " + string.Join(",", DisposedHandlers(batch));
    }

    /// <summary>An element frame and the attribute frames that follow it; the handler of the first element that matches.</summary>
    static ulong? ElementHandler(Batch view, string eventName, Func<string?, List<(string? Name, string? Value)>, bool> matches)
    {
        for (var i = 0; i < view.FrameCount; i++)
        {
            if (view.Type(i) != ElementFrame) continue;
            var attributes = new List<(string? Name, string? Value)>();
            ulong? handler = null;
            for (var j = i + 1; j < view.FrameCount && view.Type(j) == AttributeFrame; j++)
            {
                var name = view.Text(view.Field(j, 4));
                attributes.Add((name, view.Text(view.Field(j, 8))));
                if (name == eventName && view.HandlerId(j) != 0) handler = view.HandlerId(j);
            }
            if (handler is not null && matches(view.Text(view.Field(i, 8)), attributes)) return handler;
        }
        return null;
    }

    readonly struct Batch(byte[] data)
    {
        readonly int frames = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - 16));
        readonly int strings = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - 4));

        public int Int(int offset) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(offset));

        public int FrameCount => Int(frames);

        int Frame(int index) => frames + 4 + 20 * index;

        public int Type(int index) => Int(Frame(index));

        /// <summary>The 32-bit field at <paramref name="offset"/> in frame <paramref name="index"/> (4: a name, 8: a value or element name).</summary>
        public int Field(int index, int offset) => Int(Frame(index) + offset);

        public ulong HandlerId(int index) => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(Frame(index) + 12));

        public string? Text(int index)
        {
            if (index < 0) return null;
            var at = Int(strings + 4 * index);
            int length = 0, shift = 0;
            while (true)
            {
                var b = data[at++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80) break;
                shift += 7;
            }
            return Encoding.UTF8.GetString(data, at, length);
        }
    }
}
