import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real CalDAV server on loopback (`Tests/Support/caldav-server.py`: Radicale in `.build/venv`, which `make test`
/// creates) with one user and one calendar; `objects()` reads what it holds back over HTTP, as another calendar
/// application would.
public final class CalDAVServer: @unchecked Sendable {
    public let port: Int
    public let user = "ada"
    public let password = "calendar-app-password-1"
    public let directory: TemporaryDirectory
    private var process: Process?

    /// The calendar's collection, as a person pastes it into the connection form.
    public var calendarURL: String { "http://127.0.0.1:\(port)/\(user)/meetings/" }

    public init() async throws {
        directory = try TemporaryDirectory()
        port = try FreePort.next()
        process = try await PythonPeer.start("caldav-server.py", arguments: [
            "--port", String(port), "--folder", directory.path, "--user", user, "--password", password, "--calendar", "meetings",
        ], peer: "radicale")
    }

    /// The object stored under `name` (`{uid}.ics`), or nil when there is none.
    public func object(named name: String) async throws -> String? {
        var request = URLRequest(url: URL(string: calendarURL + name)!)
        request.setValue("Basic " + Data("\(user):\(password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public func stop() {
        guard let process else { return }
        self.process = nil
        PythonPeer.stop(process, grace: 5)
    }

    deinit {
        stop()
        directory.remove()
    }
}
