import Foundation
import HTTPTypes
import Hummingbird

/// Turns every error into an answer: a problem document for the API, and the site's own 404 page for a page
/// that does not exist or is gone. Unexpected errors are logged with the request id and answered with a bare 500.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let siteDirectory: URL
    let fileIO = FileIO(threadPool: .singleton)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = Problem(describing: error, instance: request.uri.path)
            problem.requestID = context.id
            if problem.status >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            }
            if problem.status == 404 || problem.status == 410, wantsPage(request),
               let page = try? await notFoundPage(status: problem.httpStatus, context: context) {
                return page
            }
            return problem.response()
        }
    }

    /// A browser asking for a page, not a client of the API.
    private func wantsPage(_ request: Request) -> Bool {
        (request.method == .get || request.method == .head) && !request.uri.path.hasPrefix("/api/") && request.uri.path != "/api"
    }

    private func notFoundPage(status: HTTPResponse.Status, context: Context) async throws -> Response {
        let path = siteDirectory.appendingPathComponent("404.html").path
        let body = try await fileIO.loadFile(path: path, context: context)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: status, headers: headers, body: body)
    }
}
