import AgoraDomain
import AgoraPublishedSite
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import NIOPosix

/// Answers the redirects the last build published in `Site/_redirects` with their real status codes: 301 and
/// 302 with a `Location`, 410 with the site's 404 page. The file is read again when a build replaces it.
struct RedirectMiddleware<Context: RequestContext>: RouterMiddleware {
    let siteDirectory: URL
    private let table = RedirectTable()

    init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head,
              let redirect = await table.lookup(request.uri.path, in: siteDirectory)
        else { return try await next(request, context) }
        switch redirect.status {
        case .gone:
            throw Problem(status: .gone, detail: "This page has been removed.", instance: request.uri.path)
        case .movedPermanently, .found:
            var headers = HTTPFields()
            headers[.location] = redirect.to
            headers[.cacheControl] = redirect.status == .movedPermanently ? "max-age=86400" : "no-cache"
            return Response(status: HTTPResponse.Status(code: redirect.status.rawValue), headers: headers)
        }
    }
}

/// The parsed `_redirects` file, cached until its modification time changes. The file is looked at at most once a
/// second, on NIO's thread pool: a request never waits on the disk in the cooperative threads, and a build's new
/// redirects are answered within a second.
final class RedirectTable: Sendable {
    private struct Cache {
        var modified: Date?
        var checkedAt: ContinuousClock.Instant?
        var redirects: [String: Redirect] = [:]
    }

    static let recheck = Duration.seconds(1)
    private let cache = NIOLockedValueBox(Cache())

    func lookup(_ path: String, in siteDirectory: URL) async -> Redirect? {
        let now = ContinuousClock.now
        let (due, known) = cache.withLockedValue { cache -> (Bool, Date?) in
            guard cache.checkedAt.map({ now - $0 >= Self.recheck }) ?? true else { return (false, cache.modified) }
            cache.checkedAt = now
            return (true, cache.modified)
        }
        if due, let fresh = try? await NIOThreadPool.singleton.runIfActive({ Self.read(siteDirectory, unless: known) }) {
            cache.withLockedValue { cache in
                cache.modified = fresh.modified
                cache.redirects = fresh.redirects
            }
        }
        return cache.withLockedValue { $0.redirects[path] }
    }

    /// The file's redirects, unless its modification time is still `known`.
    private static func read(_ siteDirectory: URL, unless known: Date?) -> (modified: Date?, redirects: [String: Redirect])? {
        let file = siteDirectory.appendingPathComponent(PublishedRedirects.fileName)
        let modified = (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]) as? Date
        guard modified != known else { return nil }
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return (modified, Dictionary(PublishedRedirects.parse(text).map { ($0.from, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}
