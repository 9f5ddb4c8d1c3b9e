namespace PyGuard.Syntax.Text.Decoding;

/// <summary>How a codec named by a coding cookie is decoded, as listed by the generated codec tables.</summary>
internal enum CodecKind
{
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// <summary>A single-byte codec given by a 256-entry table (U+FFFE marks an undefined byte).</summary>
    Charmap,
    UnicodeEscape,
    RawUnicodeEscape,
    Utf7,
    /// <summary>The <c>undefined</c> codec, which refuses every input.</summary>
    Undefined,
    /// <summary>A bytes-to-bytes or str-to-str codec (hex, zlib, rot13...): not a text encoding.</summary>
    NotText,
    /// <summary>A text codec CPython has but PyGuard does not implement (multi-byte CJK, UTF-16/32, idna...).</summary>
    Unsupported,
}
