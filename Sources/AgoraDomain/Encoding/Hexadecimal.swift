/// The sixteen digits, lower case.
private let hexadecimalDigits = Array("0123456789abcdef".utf8)

extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hexadecimal, two digits each: how digests are stored and compared. Written out by hand
    /// because `String(format:)` costs microseconds a byte on Linux, which a bulk operation's thousands of audit
    /// hashes feel.
    public var hexadecimal: String {
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(hexadecimalDigits[Int(byte >> 4)])
            text.append(hexadecimalDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
