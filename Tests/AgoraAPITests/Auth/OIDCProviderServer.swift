import AgoraTestSupport
import AsyncHTTPClient
import Foundation
import NIOCore

/// Debian's glewlwyd on loopback as the OpenID Connect issuer (`Tests/Support/oidc-server.py`), and the steps a
/// person takes there: sign in, grant the scopes, confirm — which end in a redirect to Agora's callback.
final class OIDCProviderServer: @unchecked Sendable {
    struct User: Decodable {
        let username: String
        let password: String
        let email: String
    }

    struct Ready: Decodable {
        let base: String
        let issuer: String
        let client_id: String
        let client_secret: String
        let users: [User]
    }

    let ready: Ready
    private let process: Process
    private let directory: TemporaryDirectory
    /// Made once the server is up: a client made before a failed start would be dropped unshut, which stops the run.
    private let client: HTTPClient

    init(redirectURI: String) async throws {
        directory = try TemporaryDirectory()
        let python = RepositoryPaths.root.appendingPathComponent(".build/venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw TestSetupError("no .build/venv: run `make test`")
        }
        process = Process()
        process.executableURL = python
        process.arguments = [
            RepositoryPaths.root.appendingPathComponent("Tests/Support/oidc-server.py").path,
            "--directory", directory.path, "--redirect-uri", redirectURI,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = await output.fileHandleForReading.firstData()
        guard let ready = try? JSONDecoder().decode(Ready.self, from: line) else {
            process.terminate()
            throw TestSetupError("glewlwyd did not start (is Debian's glewlwyd installed? `make test` installs it)")
        }
        self.ready = ready
        client = HTTPClient(configuration: .init(redirectConfiguration: .disallow))
    }

    func user(_ name: String) -> User { ready.users.first { $0.username == name }! }

    /// Signs `user` in at the issuer, grants Agora's scopes, opens `authorizationURL` and returns where the issuer
    /// sends the browser back: Agora's callback with a code.
    func authorize(_ authorizationURL: String, as user: User) async throws -> String {
        var login = HTTPClientRequest(url: ready.base + "/api/auth/")
        login.method = .POST
        login.headers.add(name: "Content-Type", value: "application/json")
        login.body = .bytes(ByteBuffer(string: #"{"username": "\#(user.username)", "password": "\#(user.password)"}"#))
        let signedIn = try await client.execute(login, timeout: .seconds(10))
        guard let cookie = signedIn.headers.first(name: "Set-Cookie")?.split(separator: ";").first.map(String.init) else {
            throw TestSetupError("the issuer did not sign \(user.username) in")
        }
        var grant = HTTPClientRequest(url: ready.base + "/api/auth/grant/" + ready.client_id)
        grant.method = .PUT
        grant.headers.add(name: "Cookie", value: cookie)
        grant.headers.add(name: "Content-Type", value: "application/json")
        grant.body = .bytes(ByteBuffer(string: #"{"scope": "openid email profile"}"#))
        _ = try await client.execute(grant, timeout: .seconds(10))
        var authorize = HTTPClientRequest(url: authorizationURL + "&g_continue")
        authorize.headers.add(name: "Cookie", value: cookie)
        let answer = try await client.execute(authorize, timeout: .seconds(10))
        guard let location = answer.headers.first(name: "Location") else { throw TestSetupError("the issuer did not redirect") }
        return location
    }

    deinit {
        try? client.syncShutdown()
        if process.isRunning {
            process.terminate()
            for _ in 0..<100 where process.isRunning { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        directory.remove()
    }
}
