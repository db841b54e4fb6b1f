import AgoraDomain
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// What went wrong talking to a CalDAV server, in words for the person whose calendar it is.
public struct CalDAVError: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// The server refused the user name or password: retrying will not help until the person fixes them.
    public let refused: Bool

    init(_ description: String, refused: Bool = false) {
        self.description = description
        self.refused = refused
    }
}

/// Speaks the little of CalDAV (RFC 4791) the push needs: check a calendar collection (`PROPFIND`, depth 0), write an
/// event (`PUT {collection}{uid}.ics`) and remove one (`DELETE`; one already gone is fine). Basic authentication with
/// the person's app password, over HTTPS (plain HTTP only to a server on this machine, for tests).
public struct CalDAVClient: Sendable {
    /// How long one request may take, connecting included (a server that is down is tried again until then).
    let timeout: TimeAmount

    public init(timeout: Duration = .seconds(20)) {
        self.timeout = TimeAmount(timeout)
    }

    public func check(url: String, username: String, password: String) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .RAW(value: "PROPFIND")
        request.headers.add(name: "Depth", value: "0")
        request.headers.add(name: "Content-Type", value: "application/xml; charset=utf-8")
        request.body = .bytes(ByteBuffer(string: #"<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>"#))
        let response = try await send(request, username: username, password: password)
        guard response.status.code == 207 else { throw Self.problem(response.status) }
        guard response.body.contains("calendar") else {
            throw CalDAVError("the address is not a calendar: open your calendar's settings and copy its CalDAV address")
        }
    }

    public func write(_ object: String, uid: String, url: String, username: String, password: String) async throws {
        var request = HTTPClientRequest(url: Self.href(of: uid, in: url))
        request.method = .PUT
        request.headers.add(name: "Content-Type", value: "text/calendar; charset=utf-8")
        request.body = .bytes(ByteBuffer(string: object))
        let response = try await send(request, username: username, password: password)
        guard (200..<300).contains(response.status.code) else { throw Self.problem(response.status) }
    }

    public func delete(uid: String, url: String, username: String, password: String) async throws {
        var request = HTTPClientRequest(url: Self.href(of: uid, in: url))
        request.method = .DELETE
        let response = try await send(request, username: username, password: password)
        guard (200..<300).contains(response.status.code) || response.status == .notFound || response.status == .gone else { throw Self.problem(response.status) }
    }

    /// Where a meeting's event lives in the collection: its UID, percent-encoded, and `.ics`.
    static func href(of uid: String, in collection: String) -> String {
        collection + (uid.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~@"))) ?? "event") + ".ics"
    }

    private func send(_ request: HTTPClientRequest, username: String, password: String) async throws -> (status: HTTPResponseStatus, body: String) {
        var request = request
        request.headers.add(name: "Authorization", value: "Basic " + Data("\(username):\(password)".utf8).base64EncodedString())
        request.headers.add(name: "User-Agent", value: "Agora CalDAV push")
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 256 * 1024)
            return (response.status, String(buffer: body))
        } catch let error as CalDAVError {
            throw error
        } catch {
            throw CalDAVError("the calendar server did not answer (\(String(describing: error).prefix(120)))")
        }
    }

    private static func problem(_ status: HTTPResponseStatus) -> CalDAVError {
        switch status.code {
        case 401, 403: CalDAVError("the calendar server refused the user name or app password", refused: true)
        case 404: CalDAVError("the calendar server has no calendar at this address")
        default: CalDAVError("the calendar server answered \(status.code) \(status.reasonPhrase)")
        }
    }
}
