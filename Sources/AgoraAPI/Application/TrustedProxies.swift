import Foundation

/// The proxies in front of the service whose word on the client's address is taken (`AGORA_TRUSTED_PROXIES`:
/// addresses or CIDR ranges, separated by commas). The client is the connection's peer, unless the peer is trusted:
/// then the `Forwarded` header (RFC 7239), or else `X-Forwarded-For`, is read from the right — the hop the trusted
/// proxy added — and each trusted hop passes the question one step further left, until an untrusted one answers.
/// A header from a peer that is not trusted changes nothing, so no client can choose its own address.
public struct TrustedProxies: Sendable, Equatable {
    let ranges: AddressRanges

    public static let none = TrustedProxies(ranges: AddressRanges(ranges: []))

    init(ranges: AddressRanges) {
        self.ranges = ranges
    }

    /// Reads the setting; the error names every entry that is not an address or a range.
    public init(setting: String) throws {
        ranges = try AddressRanges(setting: setting, name: "AGORA_TRUSTED_PROXIES")
    }

    func trusts(_ address: IPAddress) -> Bool {
        ranges.contains(address)
    }

    /// The client's address given the connection's peer and the request's forwarding headers.
    func client(peer: IPAddress?, forwarded: [String], forwardedFor: [String]) -> IPAddress? {
        guard var client = peer, trusts(client) else { return peer }
        let hops = forwarded.isEmpty ? Self.forwardedForHops(forwardedFor) : Self.forwardedHops(forwarded)
        for hop in hops.reversed() {
            guard trusts(client), let address = hop else { break }
            client = address
        }
        return client
    }

    /// `X-Forwarded-For: client, proxy1, proxy2`, every header line in order.
    static func forwardedForHops(_ lines: [String]) -> [IPAddress?] {
        lines.flatMap { $0.split(separator: ",") }.map { IPAddress($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The `for=` of each element of `Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"`; an
    /// obfuscated or `unknown` node is no address, which stops the walk.
    static func forwardedHops(_ lines: [String]) -> [IPAddress?] {
        lines.flatMap { $0.split(separator: ",") }.map { element in
            let pairs = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let node = pairs.first(where: { $0.lowercased().hasPrefix("for=") })?.dropFirst(4) else { return nil }
            var value = String(node).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if value.hasPrefix("["), let end = value.firstIndex(of: "]") {
                value = String(value[value.index(after: value.startIndex)..<end])
            } else if value.filter({ $0 == ":" }).count == 1, let colon = value.firstIndex(of: ":") {
                value = String(value[..<colon])
            }
            return IPAddress(value)
        }
    }
}
