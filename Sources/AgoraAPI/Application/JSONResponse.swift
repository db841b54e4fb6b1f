import Foundation
import HTTPTypes
import Hummingbird

/// A JSON response with the status and caching the route chooses. Keys are snake_case and dates ISO 8601, as
/// everywhere in the API.
enum JSONResponse {
    static func make(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8",
        cacheControl: String = "no-store"
    ) throws -> Response {
        make(data: try encode(value), status: status, contentType: contentType, cacheControl: cacheControl)
    }

    /// The JSON of a value as the API writes it, for answers that are kept and sent again.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    static func make(
        data: Data, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8",
        cacheControl: String = "no-store"
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = cacheControl
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
