using System.Buffers.Binary;
using System.Text;

namespace AleppoDashboard.ReaderCapacity.Circuit;

/// <summary>
/// Reads the one thing the reader needs from a render batch (Blazor's binary diff, laid out as blazor.web.js reads
/// it): the event handler id of the time slider's range input. The last 20 bytes of a batch hold the offsets of its
/// sections; the reference frames are 20-byte records (type, then two string-table indexes, then a 64-bit handler
/// id for an attribute); strings are LEB128-length-prefixed UTF-8.
/// </summary>
static class RenderBatchScan
{
    const int ElementFrame = 1;
    const int AttributeFrame = 3;

    /// <summary>Every event handler attribute in the batch's reference frames and the handler ids it disposes (for debugging).</summary>
    public static string Describe(byte[] batch)
    {
        int Int(int offset) => BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(offset));
        var frames = Int(batch.Length - 16);
        var strings = Int(batch.Length - 4);
        var disposed = Int(batch.Length - 8);
        var parts = new List<string>();
        for (var i = 0; i < Int(frames); i++)
        {
            var frame = frames + 4 + 20 * i;
            var id = BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(frame + 12));
            if (Int(frame) == AttributeFrame && id != 0)
            {
                var at = Int(strings + 4 * Int(frame + 4));
                parts.Add(Encoding.UTF8.GetString(batch, at + 1, batch[at]) + "=" + id);
            }
        }
        var gone = Enumerable.Range(0, Int(disposed)).Select(i => BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(disposed + 4 + 8 * i)));
        return string.Join(",", parts) + " disposed " + string.Join(",", gone);
    }

    /// <summary>The handler ids of every <paramref name="eventName"/> attribute the batch renders (new or replaced).</summary>
    public static List<ulong> Handlers(byte[] batch, string eventName)
    {
        int Int(int offset) => BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(offset));
        var frames = Int(batch.Length - 16);
        var strings = Int(batch.Length - 4);
        var found = new List<ulong>();
        for (var i = 0; i < Int(frames); i++)
        {
            var frame = frames + 4 + 20 * i;
            var id = BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(frame + 12));
            if (Int(frame) != AttributeFrame || id == 0) continue;
            var at = Int(strings + 4 * Int(frame + 4));
            if (batch[at] == eventName.Length && Encoding.UTF8.GetString(batch, at + 1, batch[at]) == eventName) found.Add(id);
        }
        return found;
    }

    /// <summary>The handler ids the batch disposes (their elements were rendered again with new handlers, or removed).</summary>
    public static List<ulong> DisposedHandlers(byte[] batch)
    {
        var disposed = BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(batch.Length - 8));
        var count = BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(disposed));
        return [.. Enumerable.Range(0, count).Select(i => BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(disposed + 4 + 8 * i)))];
    }

    /// <summary>The handler id of <paramref name="eventName"/> on an element that carries the attribute <paramref name="marker"/>.</summary>
    public static ulong? MarkedElementHandler(byte[] batch, string marker, string eventName)
    {
        int Int(int offset) => BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(offset));
        var frames = Int(batch.Length - 16);
        var strings = Int(batch.Length - 4);
        string? Text(int index)
        {
            if (index < 0) return null;
            var at = Int(strings + 4 * index);
            int length = 0, shift = 0;
            while (true)
            {
                var b = batch[at++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80) break;
                shift += 7;
            }
            return Encoding.UTF8.GetString(batch, at, length);
        }
        var count = Int(frames);
        for (var i = 0; i < count; i++)
        {
            if (Int(frames + 4 + 20 * i) != ElementFrame) continue;
            bool marked = false;
            ulong? handler = null;
            for (var j = i + 1; j < count && Int(frames + 4 + 20 * j) == AttributeFrame; j++)
            {
                var attribute = frames + 4 + 20 * j;
                var name = Text(Int(attribute + 4));
                if (name == marker) marked = true;
                var id = BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(attribute + 12));
                if (name == eventName && id != 0) handler = id;
            }
            if (marked && handler is not null) return handler;
        }
        return null;
    }

    /// <summary>The handler id of <paramref name="eventName"/> (e.g. "oninput") on an &lt;input type=range&gt;, if the batch renders one.</summary>
    public static ulong? RangeInputHandler(byte[] batch, string eventName)
    {
        int Int(int offset) => BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(offset));
        var frames = Int(batch.Length - 16);
        var strings = Int(batch.Length - 4);
        string? Text(int index)
        {
            if (index < 0) return null;
            var at = Int(strings + 4 * index);
            int length = 0, shift = 0;
            while (true)
            {
                var b = batch[at++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80) break;
                shift += 7;
            }
            return Encoding.UTF8.GetString(batch, at, length);
        }

        var count = Int(frames);
        for (var i = 0; i < count; i++)
        {
            var frame = frames + 4 + 20 * i;
            if (Int(frame) != ElementFrame || Text(Int(frame + 8)) != "input") continue;
            bool isRange = false;
            ulong? handler = null;
            for (var j = i + 1; j < count && Int(frames + 4 + 20 * j) == AttributeFrame; j++)
            {
                var attribute = frames + 4 + 20 * j;
                var name = Text(Int(attribute + 4));
                if (name == "type" && Text(Int(attribute + 8)) == "range") isRange = true;
                var id = BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(attribute + 12));
                if (name == eventName && id != 0) handler = id;
            }
            if (isRange && handler is not null) return handler;
        }
        return null;
    }
}
