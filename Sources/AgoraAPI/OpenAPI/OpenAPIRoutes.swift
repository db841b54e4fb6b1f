import HTTPTypes
import Hummingbird

/// `GET /api/openapi.json`.
struct OpenAPIRoutes {
    func register<Context: RequestContext>(on group: RouterGroup<Context>) {
        group.get("openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
    }
}
