using System.IO.Compression;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace PyGuard.Reporting.Sarif;

/// <summary>Serializes a SARIF log with the SDK's object model, and measures it as GitHub does (gzipped).</summary>
internal static class SarifJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new ExplicitLevelResolver(),

        // Compact: half the bytes of an indented log, so that large logs are written twice as fast and
        // more of them fit GitHub's size limit without compression; viewers and jq indent as they show it.
        Formatting = Formatting.None,
    });

    /// <summary>The log as UTF-8 JSON; the memory is the serializer's buffer, not a copy of it.</summary>
    public static ReadOnlyMemory<byte> Serialize(SarifLog log, int expectedBytes)
    {
        var buffer = new MemoryStream(expectedBytes);
        using (var text = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        using (var json = new JsonTextWriter(text))
        {
            Serializer.Serialize(json, log);
            json.Flush();
            text.Write('\n');
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>The size of the log after gzip at zlib's default level, which is what GitHub's uploader sends.</summary>
    public static long GzippedLength(ReadOnlyMemory<byte> log) => GzippedLength(log, CompressionLevel.Optimal);

    /// <summary>
    /// Whether the gzipped log is at most <paramref name="limit"/> bytes. The fastest level (about seven
    /// times faster) compresses no better than the default one, so when it fits the default one is not needed.
    /// </summary>
    public static bool FitsGzipped(ReadOnlyMemory<byte> log, long limit) =>
        log.Length <= limit || GzippedLength(log, CompressionLevel.Fastest) <= limit || GzippedLength(log, CompressionLevel.Optimal) <= limit;

    private static long GzippedLength(ReadOnlyMemory<byte> log, CompressionLevel level)
    {
        using var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, level, leaveOpen: true))
        {
            gzip.Write(log.Span);
        }

        return counter.Length;
    }

    /// <summary>
    /// The SDK leaves out a level equal to SARIF's default (<c>warning</c>), and with it a rule's whole
    /// <c>defaultConfiguration</c>. A reader that does not apply the default would then see no level at
    /// all, so levels are always written.
    /// </summary>
    private sealed class ExplicitLevelResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.PropertyName is "level" or "defaultConfiguration")
            {
                property.DefaultValueHandling = DefaultValueHandling.Include;
                property.NullValueHandling = NullValueHandling.Ignore;
                property.ShouldSerialize = null;
            }

            return property;
        }
    }

    /// <summary>A write-only stream that keeps only the number of bytes written.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
