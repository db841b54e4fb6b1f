import AgoraDomain
import Hummingbird
import Logging
import NIOCore

/// One log line per request: method, route, status and duration. An API request is named by the router's pattern
/// (`/api/auth/verify-email/{token}`), a site file by its path; the query string never appears, so tokens and
/// addresses in URLs stay out of logs. The same measure goes to the metrics, where every site file counts as `site`
/// so that the number of series stays bounded.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, start: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context: context, status: error.status.code, start: start)
            throw error
        } catch {
            log(request, context: context, status: 500, start: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, start: ContinuousClock.Instant) {
        let path = request.uri.path
        let route = path.hasPrefix("/api/") ? (context.endpointPath ?? "/api/(unmatched)") : path
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.milliseconds
        metrics.record(method: request.method.rawValue, route: path.hasPrefix("/api/") || path == "/metrics" ? route : "site", status: status, duration: elapsed)
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(status)",
            "ms": "\(Int(milliseconds.rounded()))",
        ])
    }
}
