import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `agora serve` on a free loopback port over a fresh SQLite file in a scratch directory (or over the
/// database `database` names, which several instances may share), with the repository's `Layouts/` and `Content/`.
/// Its log goes to `serve.log` in the scratch directory.
public final class RunningService: @unchecked Sendable {
    public let baseURL: URL
    public let scratch: TemporaryDirectory
    private let process: ChildProcess

    public var storage: URL { scratch.url.appendingPathComponent("Storage") }

    public init(database shared: String? = nil, environment: [String: String] = [:]) async throws {
        scratch = try TemporaryDirectory()
        let database = shared ?? scratch.path + "/agora.sqlite"
        let migrate = try AgoraExecutable.start(["migrate", "--database", database])
        guard await migrate.exited() == 0 else { throw TestSetupError("agora migrate failed") }
        let port = try FreePort.next()
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
        var settings = [
            "AGORA_ENVIRONMENT": "test", "AGORA_BCRYPT_COST": "4", "AGORA_CAPTCHA": "off",
            "AGORA_STORAGE": scratch.path + "/Storage", "AGORA_LOG_LEVEL": "info",
        ]
        settings.merge(environment) { _, new in new }
        let logFile = scratch.url.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process = try AgoraExecutable.start([
            "serve", "--database", database, "--port", String(port), "--site", scratch.path + "/Site",
            "--layouts", RepositoryPaths.layouts.path, "--content", RepositoryPaths.root.appendingPathComponent("Content").path,
        ], environment: settings, log: logFile)
        for _ in 0..<300 {
            if !process.isRunning { throw TestSetupError("agora serve stopped: \(log())") }
            if let (status, _, _) = try? await request("GET", "/api/health"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        stop()
        throw TestSetupError("agora serve did not answer: \(log())")
    }

    /// What the service logged so far.
    public func log() -> String {
        (try? String(contentsOf: scratch.url.appendingPathComponent("serve.log"), encoding: .utf8)) ?? ""
    }

    /// Sends a request without following redirects or keeping cookies; returns status, headers and body.
    public func request(
        _ method: String, _ path: String, json: String? = nil, headers: [String: String] = [:]
    ) async throws -> (Int, [String: String], Data) {
        var request = URLRequest(url: URL(string: path, relativeTo: baseURL)!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestSetupError("not an HTTP response") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return (http.statusCode, fields, data)
    }

    /// A session that neither stores nor sends cookies by itself: tests pass the refresh cookie by hand.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        // Every request reaches the service: tests look at what it answers now, not at what it allowed to be kept.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }()

    /// Stops the service gracefully (SIGTERM) and waits for it.
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit {
        stop()
        scratch.remove()
    }
}
