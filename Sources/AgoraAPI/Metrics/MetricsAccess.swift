import Crypto
import Foundation
import Hummingbird

/// Who may read `/metrics`: a scraper from one of `addresses` (`AGORA_METRICS_ALLOW`; this machine only by default),
/// or one that sends `Authorization: Bearer <token>` (`AGORA_METRICS_TOKEN`). Anyone else gets 404, as if there
/// were nothing there. A connection without an address (a Unix socket) is this machine.
public struct MetricsAccess: Sendable, Equatable {
    public var addresses: AddressRanges
    public var token: String?

    public init(addresses: AddressRanges = .loopback, token: String? = nil) {
        self.addresses = addresses
        self.token = token
    }

    func allows(_ request: Request, client: IPAddress?) -> Bool {
        if let local = IPAddress("127.0.0.1"), addresses.contains(client ?? local) { return true }
        guard let token, let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        // Compared as hashes, so the time taken says nothing about how much of a guess was right.
        return SHA256.hash(data: Data(header.dropFirst("Bearer ".count).utf8)) == SHA256.hash(data: Data(token.utf8))
    }
}
