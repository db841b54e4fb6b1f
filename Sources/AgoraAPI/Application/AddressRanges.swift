import Foundation

/// A list of addresses and CIDR ranges from a setting (`10.0.0.0/8, 192.0.2.7, 2001:db8::/48`): the proxies whose
/// word on the client is taken, the scrapers that may read `/metrics`.
public struct AddressRanges: Sendable, Equatable {
    let ranges: [IPRange]

    /// This machine only.
    public static let loopback = AddressRanges(ranges: ["127.0.0.0/8", "::1"].compactMap(IPRange.init))

    init(ranges: [IPRange]) {
        self.ranges = ranges
    }

    /// Reads the setting called `name`; the error names every entry that is not an address or a range.
    public init(setting: String, name: String) throws {
        let entries = setting.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let bad = entries.filter { IPRange($0) == nil }
        guard bad.isEmpty else { throw AddressRangesError(setting: name, entries: bad) }
        ranges = entries.compactMap(IPRange.init)
    }

    var isEmpty: Bool { ranges.isEmpty }

    func contains(_ address: IPAddress) -> Bool {
        ranges.contains { $0.contains(address) }
    }
}

/// Entries of an address setting that are neither an address nor a range.
public struct AddressRangesError: Error, CustomStringConvertible {
    public let setting: String
    public let entries: [String]
    public var description: String {
        "\(setting) must list addresses or CIDR ranges separated by commas; not one: \(entries.joined(separator: ", "))"
    }
}
