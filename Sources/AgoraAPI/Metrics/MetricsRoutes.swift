import AgoraDomain
import Hummingbird

/// `GET /metrics`: the service's metrics in the Prometheus text format, for the scrapers `MetricsAccess` lets in.
struct MetricsRoutes: Sendable {
    let metrics: ServiceMetrics
    let access: MetricsAccess
    let clock: any AgoraClock

    func register(on router: Router<AgoraRequestContext>) {
        router.get("metrics", use: report)
    }

    @Sendable func report(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        guard access.allows(request, client: context.clientIP) else { throw Problem(status: .notFound) }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try await metrics.report(now: clock.now))))
    }
}
