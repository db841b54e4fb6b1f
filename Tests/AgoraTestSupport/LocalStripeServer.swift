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
        let python = RepositoryPaths.root.appendingPathComponent(".build/venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw TestSetupError("no .build/venv: run `make test`, which installs localstripe there")
        }
        let server = Process()
        server.executableURL = python
        server.arguments = [RepositoryPaths.root.appendingPathComponent("Tests/Support/stripe-server.py").path, "--port", String(port)]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        let ready = await output.fileHandleForReading.firstData()
        guard String(decoding: ready, as: UTF8.self).contains("ready") else {
            server.terminate()
            throw TestSetupError("localstripe did not start")
        }
        process = server
    }

    /// Stops the server (polling: `waitUntilExit` can miss the exit when called from a task); one that waits for its
    /// open connections to close is killed after a second.
    public func stop() {
        guard let process else { return }
        self.process = nil
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<20 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}
