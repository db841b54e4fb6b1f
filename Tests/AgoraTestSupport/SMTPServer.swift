import Foundation

/// A real SMTP server on loopback (`Tests/Support/smtp-server.py`, aiosmtpd in `.build/venv`, which `make test`
/// creates): STARTTLS with a self-signed certificate made for the test, AUTH with one user, a Maildir of what it
/// accepted. It can be stopped and started again on the same port to play a relay that goes down. A `plain` server
/// plays an old relay that offers neither STARTTLS nor AUTH.
public final class SMTPServer: @unchecked Sendable {
    public let port: Int
    public let user = "agora"
    public let password = "relay-secret-123"
    public let directory: TemporaryDirectory
    public let plain: Bool
    private var process: Process?

    public var certificate: String { directory.path + "/cert.pem" }
    public var url: String { plain ? "smtp://localhost:\(port)" : "smtp://\(user):\(password)@localhost:\(port)" }

    public init(start: Bool = true, plain: Bool = false) async throws {
        self.plain = plain
        directory = try TemporaryDirectory()
        port = try FreePort.next()
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", directory.path + "/key.pem", "-out", directory.path + "/cert.pem",
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        guard await openssl.exited() == 0 else { throw TestSetupError("openssl could not make a certificate") }
        if start { try await self.start() }
    }

    public func start() async throws {
        process = try await PythonPeer.start("smtp-server.py", arguments: [
            "--port", String(port), "--maildir", directory.path + "/Maildir", "--cert", certificate,
            "--key", directory.path + "/key.pem", "--user", user, "--password", password,
        ] + (plain ? ["--plain"] : []), peer: "aiosmtpd")
    }

    /// Stops the server and waits for it.
    public func stop() {
        guard let process else { return }
        self.process = nil
        PythonPeer.stop(process, grace: 5)
    }

    /// The raw messages the server accepted.
    public func messages() -> [String] {
        let new = directory.url.appendingPathComponent("Maildir/new")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []
        return files.sorted().compactMap { try? String(contentsOf: new.appendingPathComponent($0), encoding: .utf8) }
    }

    deinit {
        stop()
        directory.remove()
    }
}
