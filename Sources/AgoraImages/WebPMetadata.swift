/// A WebP file without its metadata chunks: the RIFF container's `EXIF`, `XMP ` and `ICCP` chunks are left out and
/// the extended header's flags for them cleared. Everything else (the image, its alpha, animation) is kept as is.
enum WebPMetadata {
    static let metadataChunks: Set<String> = ["EXIF", "XMP ", "ICCP"]
    /// VP8X flag bits: ICC profile, EXIF, XMP.
    static let metadataFlags: UInt8 = 0x20 | 0x08 | 0x04

    /// The file without metadata; nil when it is not a well-formed WebP container.
    static func removing(from bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 12, fourCC(bytes, at: 0) == "RIFF", fourCC(bytes, at: 8) == "WEBP" else { return nil }
        var body: [UInt8] = Array("WEBP".utf8)
        var offset = 12
        while offset < bytes.count {
            guard offset + 8 <= bytes.count else { return nil }
            let name = fourCC(bytes, at: offset)
            let size = Int(littleEndian32(bytes, at: offset + 4))
            let end = offset + 8 + size + (size % 2)
            guard offset + 8 + size <= bytes.count else { return nil }
            if !metadataChunks.contains(name) {
                var chunk = Array(bytes[offset..<min(end, bytes.count)])
                if name == "VP8X", chunk.count > 8 { chunk[8] &= ~metadataFlags }
                if chunk.count < 8 + size + (size % 2) { chunk.append(0) }
                body += chunk
            }
            offset = end
        }
        return Array("RIFF".utf8) + littleEndianBytes(UInt32(body.count)) + body
    }

    private static func fourCC(_ bytes: [UInt8], at offset: Int) -> String {
        String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
    }

    private static func littleEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    private static func littleEndianBytes(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) }
    }
}
