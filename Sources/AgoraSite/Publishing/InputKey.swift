import Foundation

/// A fingerprint of everything a page is made from (FNV-1a, 64 bits): the same inputs give the same key in
/// every process, so a build can tell which pages the previous one already wrote.
struct InputKey: Hashable, Sendable, CustomStringConvertible {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    init(_ parts: String...) {
        for part in parts { combine(part) }
    }

    mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        value ^= 0xff
        value = value &* 0x0000_0100_0000_01b3
    }

    mutating func combine(_ text: String) { combine(bytes: text.utf8) }
    mutating func combine(_ data: Data) { combine(bytes: data) }
    mutating func combine(_ number: Int) { combine(String(number)) }
    mutating func combine(_ date: Date?) { combine(date.map { String($0.timeIntervalSince1970) } ?? "-") }
    mutating func combine(_ key: InputKey) { combine(String(key.value)) }

    var description: String { String(value, radix: 16) }
}
