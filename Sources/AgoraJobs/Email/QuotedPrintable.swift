/// Quoted-printable (RFC 2045 §6.7): ASCII text stays readable, every other byte becomes `=XX`, and lines are kept
/// under 76 characters with soft breaks. Line breaks of the text become CRLF.
public enum QuotedPrintable {
    public static func encode(_ text: String) -> String {
        var output: [String] = []
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            var encodedLine = ""
            var width = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || (!isLast && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")))
                let piece = literal ? String(UnicodeScalar(byte)) : "=" + hex(byte)
                if width + piece.count > 75 {
                    encodedLine += "=\r\n"
                    width = 0
                }
                encodedLine += piece
                width += piece.count
            }
            output.append(encodedLine)
        }
        return output.joined(separator: "\r\n")
    }

    public static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 2 < source.count,
               let value = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
