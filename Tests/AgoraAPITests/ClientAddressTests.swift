@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Client addresses and shared limits")
struct ClientAddressTests {
    static func address(_ text: String) -> IPAddress { IPAddress(text)! }

    @Test("addresses and ranges are read in every form; IPv6 is counted per /64, IPv4 written as IPv6 is IPv4")
    func addresses() throws {
        #expect(Self.address("::ffff:192.0.2.1") == Self.address("192.0.2.1"))
        #expect(Self.address("[2001:db8::1]").description == "2001:db8::1")
        #expect(Self.address("2001:db8:1:2:aaaa:bbbb:cccc:dddd").limitKey == "2001:db8:1:2::/64")
        #expect(Self.address("2001:db8:1:2::9").limitKey == Self.address("2001:db8:1:2:ffff::1").limitKey)
        #expect(Self.address("2001:db8:1:3::9").limitKey != Self.address("2001:db8:1:2::9").limitKey)
        #expect(Self.address("198.51.100.7").limitKey == "198.51.100.7")
        for bad in ["", "999.1.1.1", "example.com", "1.2.3", "::g"] { #expect(IPAddress(bad) == nil, "\(bad)") }
        let proxies = try TrustedProxies(setting: "10.0.0.0/8, 192.0.2.7 ,2001:db8:ff::/48")
        #expect(proxies.trusts(Self.address("10.200.3.4")) && proxies.trusts(Self.address("192.0.2.7")))
        #expect(!proxies.trusts(Self.address("192.0.2.8")) && !proxies.trusts(Self.address("11.0.0.1")))
        #expect(proxies.trusts(Self.address("2001:db8:ff:1::1")) && !proxies.trusts(Self.address("2001:db8:fe::1")))
        let refused = #expect(throws: AddressRangesError.self) { try TrustedProxies(setting: "10.0.0.0/8, 10.0.0.0/33, proxy.local") }
        #expect(refused?.entries == ["10.0.0.0/33", "proxy.local"])
    }

    @Test("forwarding headers are believed only through trusted hops")
    func forwarding() throws {
        let proxies = try TrustedProxies(setting: "10.0.0.0/8")
        let untrusted = Self.address("203.0.113.9")
        let proxy = Self.address("10.0.0.2")
        // A client that is not a trusted proxy cannot choose its address.
        #expect(proxies.client(peer: untrusted, forwarded: ["for=198.51.100.1"], forwardedFor: ["198.51.100.1"]) == untrusted)
        // Through a trusted proxy, the hop it added is the client; what the client itself wrote further left is not.
        #expect(proxies.client(peer: proxy, forwarded: [], forwardedFor: ["1.1.1.1, 198.51.100.1"]) == Self.address("198.51.100.1"))
        #expect(proxies.client(peer: proxy, forwarded: [], forwardedFor: ["1.1.1.1", "198.51.100.1, 10.0.0.3"]) == Self.address("198.51.100.1"))
        // `Forwarded` wins over `X-Forwarded-For`; quoted IPv6 with a port, and an unknown node stops the walk.
        #expect(proxies.client(peer: proxy, forwarded: [#"for="[2001:db8::7]:4711";proto=https"#], forwardedFor: ["198.51.100.1"]) == Self.address("2001:db8::7"))
        #expect(proxies.client(peer: proxy, forwarded: ["for=192.0.2.60:8080, for=10.0.0.9"], forwardedFor: []) == Self.address("192.0.2.60"))
        #expect(proxies.client(peer: proxy, forwarded: ["for=unknown"], forwardedFor: []) == proxy)
        #expect(proxies.client(peer: proxy, forwarded: [], forwardedFor: ["not-an-address"]) == proxy)
        #expect(TrustedProxies.none.client(peer: untrusted, forwarded: [], forwardedFor: ["198.51.100.1"]) == untrusted)
    }

    @Test("two instances on one database enforce one limit", arguments: TestDatabase.engines)
    func sharedLimit(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            // A clock that stands still: on a loaded machine the requests may take longer than the limit's window.
            let configuration = try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent"), clock: ManualClock(Date()))
            let first = try await buildApplication(configuration: configuration, store: store)
            let second = try await buildApplication(configuration: configuration, store: store)
            let limit = RateLimit.emailAvailability.count(under: PlatformSettings())
            try await first.test(.router) { one in
                try await second.test(.router) { two in
                    for number in 1...limit {
                        let client = number.isMultiple(of: 2) ? one : two
                        #expect(try await client.execute(uri: "/api/auth/email-available?email=a\(number)@example.com", method: .get).status == .ok)
                    }
                    let refused = try await one.execute(uri: "/api/auth/email-available?email=more@example.com", method: .get)
                    #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] != nil)
                    #expect(try await two.execute(uri: "/api/auth/email-available?email=more@example.com", method: .get).status == .tooManyRequests)
                }
            }
        }
    }
}
