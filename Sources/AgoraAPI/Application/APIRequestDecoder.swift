import Foundation
import Hummingbird

/// How every request body is read: the request context's request decoder, so a route writes
/// `try await request.decode(as: OrderInput.self, context: context)`. It checks the media type (415) and the size
/// (413), and answers a body that is not JSON with 400; the type then reads its fields (`RequestBody`), naming
/// every unknown or bad one in one problem document (422).
public struct APIRequestDecoder: RequestDecoder {
    /// No form the service accepts comes near this; anything bigger is refused before parsing.
    static let maximumBytes = 64 * 1024

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw Problem(status: .unsupportedMediaType, detail: "Send the body as application/json.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maximumBytes)
        } catch {
            throw Problem(status: .contentTooLarge, detail: "The body is larger than \(Self.maximumBytes / 1024) KiB.")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch is DecodingError {
            throw Problem(status: .badRequest, detail: "The body is not valid JSON.", type: .malformedBody)
        }
    }
}
