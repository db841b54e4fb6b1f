import Foundation

/// localstripe on loopback (`Tests/Support/stripe-server.py`, PyPI `localstripe` in `.build/venv`, which `make test`
/// installs): Stripe's API and a stand-in for Stripe.js, with the keys the tests give the service. It can be stopped
/// to play Stripe being unreachable.
public final class LocalStripeServer: @unchecked Sendable {
    public let port: Int
    public let secretKey = "sk_test_agora_tests"
    public let publishableKey = "pk_test_agora_tests"
    public let webhookSecret = "whsec_agora_tests_0123456789"
    private var process: Process?

    public var url: String { "http://127.0.0.1:\(port)" }
    public var scriptURL: String { url + "/js.stripe.com/v3/" }

    public init() async throws {
        port = try FreePort.next()
        process = try await PythonPeer.start("stripe-server.py", arguments: ["--port", String(port)], peer: "localstripe")
    }

    /// Stops the server; one that waits for its open connections to close is killed after a second.
    public func stop() {
        guard let process else { return }
        self.process = nil
        PythonPeer.stop(process, grace: 1)
    }

    deinit { stop() }
}
