import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// `GET /api/openapi.json`: the document as this service runs — only the routes it has (the live-reload routes only
/// in watch mode) — with the answers every route with a body can give added where its area did not list them.
struct OpenAPIRoutes {
    let published = PublishedDocument()

    func register<Context: RequestContext>(on group: RouterGroup<Context>) {
        let published = published
        group.get("openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: published.text)))
        }
    }
}

/// The document served, made once every route is registered.
final class PublishedDocument: Sendable {
    private let document = NIOLockedValueBox(OpenAPIDocument.json)

    var text: String { document.withLockedValue { $0 } }

    /// Keeps the operations of `routes` (`"GET /api/health"`) and adds, to every operation with a request body, the
    /// `400` (a body that is not the JSON it should be) and `415` (another content type) every such route answers.
    func publish(routes: Set<String>) {
        guard var object = try? JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any],
              let paths = object["paths"] as? [String: [String: Any]]
        else { return }
        var kept: [String: [String: Any]] = [:]
        for (path, operations) in paths {
            var methods: [String: Any] = [:]
            for (method, value) in operations where routes.contains("\(method.uppercased()) \(path)") {
                guard var operation = value as? [String: Any] else { continue }
                if operation["requestBody"] != nil, var responses = operation["responses"] as? [String: Any] {
                    for status in ["400", "415"] where responses[status] == nil {
                        responses[status] = ["$ref": "#/components/responses/Problem"]
                    }
                    operation["responses"] = responses
                }
                methods[method] = operation
            }
            if !methods.isEmpty { kept[path] = methods }
        }
        object["paths"] = kept
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        document.withLockedValue { $0 = String(decoding: data, as: UTF8.self) }
    }
}
