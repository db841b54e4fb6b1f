import Foundation
import HTTPTypes
import Hummingbird

/// How every JSON answer is written: the request context's response encoder, so a route returns its body type
/// (`-> OrderBody`, or `EditedResponse` for another status or headers). Keys are snake_case, dates ISO 8601 and keys
/// sorted, so an answer kept in a cache is the same bytes; `Cache-Control: no-store` unless the route says otherwise.
public struct APIResponseEncoder: ResponseEncoder {
    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        Self.response(data: try Self.data(of: value))
    }

    /// One encoder for every answer: its settings never change after this, and encoding does not touch its state.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// The JSON of a value as the API writes it, for answers that are kept and sent again.
    static func data(of value: some Encodable) throws -> Data {
        try encoder.encode(value)
    }

    /// An answer from JSON already written (a kept answer, a problem document).
    static func response(
        data: Data, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8",
        cacheControl: String = "no-store"
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = cacheControl
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
