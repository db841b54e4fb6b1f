import Crypto
import Foundation

/// Stripe's webhook signature (`Stripe-Signature: t=<unix time>,v1=<hex>[,v1=<hex>]`): HMAC-SHA256 keyed with the
/// endpoint's whole `whsec_…` secret over `"<t>.<raw body>"`. Any `v1` may match (Stripe signs with each secret
/// during a rotation); the comparison is constant-time; a `t` more than `tolerance` away from now is refused, so a
/// captured event cannot be replayed later.
public enum StripeWebhookSignature {
    public static let tolerance: TimeInterval = 300

    /// Why a delivery was refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case missing
        case malformed
        case outsideTolerance
        case mismatch

        public var description: String {
            switch self {
            case .missing: "the Stripe-Signature header is missing"
            case .malformed: "the Stripe-Signature header cannot be read"
            case .outsideTolerance: "the signature's time is more than \(Int(StripeWebhookSignature.tolerance)) seconds from now"
            case .mismatch: "no signature matches the body"
            }
        }
    }

    public static func verify(header: String?, payload: [UInt8], secret: String, now: Date) throws(Refusal) {
        guard let header, !header.isEmpty else { throw .missing }
        var timestamp: Int?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "t": timestamp = Int(pair[1])
            case "v1": if let bytes = hexBytes(pair[1]) { signatures.append(bytes) }
            default: continue
            }
        }
        guard let timestamp, !signatures.isEmpty else { throw .malformed }
        guard abs(now.timeIntervalSince1970 - TimeInterval(timestamp)) <= tolerance else { throw .outsideTolerance }
        let key = SymmetricKey(data: Array(secret.utf8))
        let signed = Array("\(timestamp).".utf8) + payload
        let matches = signatures.contains { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: signed, using: key) }
        guard matches else { throw .mismatch }
    }

    /// The signature header Stripe would send for `payload` at `time` (for tests and for checking a setup by hand).
    public static func header(payload: [UInt8], secret: String, time: Date) -> String {
        let timestamp = Int(time.timeIntervalSince1970)
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(timestamp).".utf8) + payload, using: SymmetricKey(data: Array(secret.utf8)))
        return "t=\(timestamp),v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        guard text.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}

/// One event Stripe sent, as far as the platform reads it: the object it is about, by type.
public struct StripeEvent: Decodable, Sendable {
    public let id: String
    public let type: String
    public let object: Object

    /// The fields of the event's object the platform reads (a payment intent, a charge, or a dispute).
    public struct Object: Decodable, Sendable {
        public let id: String
        public let paymentIntent: String?
        public let reason: String?
        let lastPaymentError: StripeObjects.PaymentIntent.LastPaymentError?

        enum CodingKeys: String, CodingKey {
            case id, reason
            case paymentIntent = "payment_intent"
            case lastPaymentError = "last_payment_error"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, type, data
    }

    enum DataKeys: String, CodingKey {
        case object
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        type = try container.decode(String.self, forKey: .type)
        object = try container.nestedContainer(keyedBy: DataKeys.self, forKey: .data).decode(Object.self, forKey: .object)
    }
}
