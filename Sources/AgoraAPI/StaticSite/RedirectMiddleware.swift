import AgoraDomain
import AgoraPublishedSite
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// Answers the redirects the last build published in `Site/_redirects` with their real status codes: 301 and
/// 302 with a `Location`, 410 with the site's 404 page. The file is read again whenever a build replaces it.
struct RedirectMiddleware<Context: RequestContext>: RouterMiddleware {
    let siteDirectory: URL
    private let table = RedirectTable()

    init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head,
              let redirect = table.lookup(request.uri.path, in: siteDirectory)
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

/// The parsed `_redirects` file, cached until its modification time changes.
final class RedirectTable: Sendable {
    private struct Cache {
        var modified: Date?
        var redirects: [String: Redirect] = [:]
    }

    private let cache = NIOLockedValueBox(Cache())

    func lookup(_ path: String, in siteDirectory: URL) -> Redirect? {
        let file = siteDirectory.appendingPathComponent(PublishedRedirects.fileName)
        let modified = (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]) as? Date
        return cache.withLockedValue { cache in
            if cache.modified != modified {
                let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
                cache.redirects = Dictionary(PublishedRedirects.parse(text).map { ($0.from, $0) }, uniquingKeysWith: { first, _ in first })
                cache.modified = modified
            }
            return cache.redirects[path]
        }
    }
}
