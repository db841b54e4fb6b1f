import AgoraDomain
import AgoraStore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Answers a request that must not take effect twice (money moving, news sent to members) once per `Idempotency-Key`: the header is required (1–200 visible ASCII
/// characters); the same key with the same request (operation and body) gets the first answer again without a
/// second effect; the same key with another request answers 409, as does one still being answered. A request whose
/// work failed gives its key back, so the same request can be sent again.
struct IdempotentResponder: Sendable {
    let log: IdempotentRequestLog
    let clock: any AgoraClock

    static let header = HTTPField.Name("Idempotency-Key")!

    /// The key of a request, or a problem naming the header.
    static func key(of request: Request) throws -> String {
        guard let key = request.headers[header], (1...200).contains(key.count),
              key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw Problem(
                status: .badRequest, detail: "This request must not take effect twice: it needs an Idempotency-Key header of 1 to 200 visible ASCII characters (a new UUID per request).",
                type: .idempotencyKeyRequired, errors: [FieldError(field: "Idempotency-Key", message: "is required: 1 to 200 visible ASCII characters")]
            )
        }
        return key
    }

    /// Runs `work` once for this person, key and request; `work` gets the request with its body collected and the key.
    func respond<Body: Encodable>(
        to request: Request, context: AgoraRequestContext, operation: String, status: HTTPResponse.Status = .ok,
        _ work: (Request, String) async throws -> Body
    ) async throws -> Response {
        let identity = try context.requireIdentity()
        let key = try Self.key(of: request)
        var request = request
        let body = try await request.collectBody(upTo: APIRequestDecoder.maximumBytes)
        let hash = SHA256.hash(data: Data(operation.utf8) + Data([0]) + Data(buffer: body)).map { String(format: "%02x", $0) }.joined()
        switch try await log.claim(userID: identity.userID, key: key, operation: operation, requestHash: hash, now: clock.now) {
        case .answered(let status, let body):
            var response = APIResponseEncoder.response(data: Data(body.utf8), status: HTTPResponse.Status(code: status))
            response.headers[HTTPField.Name("Idempotent-Replayed")!] = "true"
            return response
        case .conflict(let message):
            throw Problem(status: .conflict, detail: message + ".", type: .idempotencyKeyReused)
        case .claimed:
            break
        }
        let answer: Data
        do {
            answer = try APIResponseEncoder.data(of: try await work(request, key))
        } catch {
            try? await log.release(userID: identity.userID, key: key)
            throw error
        }
        try await log.answer(userID: identity.userID, key: key, status: status.code, body: String(decoding: answer, as: UTF8.self))
        return APIResponseEncoder.response(data: answer, status: status)
    }
}
