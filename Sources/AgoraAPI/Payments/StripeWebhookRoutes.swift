import AgoraDomain
import AgoraWorkflows
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `POST /api/webhooks/stripe`, registered only when Stripe is the processor: Stripe's events, each signed
/// (`StripeWebhookSignature`, checked over the raw body before anything is read) and taken once (`StripeEvents`).
/// A refused signature answers 400 and changes nothing; an event taken before answers 200 again, so Stripe stops
/// sending it; an effect that fails answers 500, so Stripe sends it again later.
struct StripeWebhookRoutes: Sendable {
    let secret: String
    let events: StripeEvents
    let clock: any AgoraClock
    let logger: Logger

    /// Stripe's events stay far below this; a bigger body is refused before it is read whole.
    static let maximumBytes = 512 * 1024

    func register(on api: RouterGroup<AgoraRequestContext>) {
        api.post("webhooks/stripe", use: receive)
    }

    @Sendable func receive(_ request: Request, context: AgoraRequestContext) async throws -> WebhookAnswer {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maximumBytes)
        } catch {
            throw Problem(status: .contentTooLarge, detail: "The body is larger than \(Self.maximumBytes / 1024) KiB.")
        }
        let payload = Array(buffer: body)
        do {
            try StripeWebhookSignature.verify(header: request.headers[values: .stripeSignature].first, payload: payload, secret: secret, now: clock.now)
        } catch {
            logger.warning("stripe webhook refused", metadata: ["reason": "\(error.description)"])
            throw Problem(status: .badRequest, detail: "The event's signature was refused: \(error.description).")
        }
        let event: StripeEvent
        do {
            event = try JSONDecoder().decode(StripeEvent.self, from: Data(payload))
        } catch {
            throw Problem(status: .badRequest, detail: "The event cannot be read: it needs an id, a type and data.object with an id.", type: .malformedBody)
        }
        let handling = try await events.apply(event, now: clock.now)
        logger.info("stripe webhook", metadata: ["event": "\(event.id)", "type": "\(event.type)", "handling": "\(handling.rawValue)"])
        return WebhookAnswer(received: event.id, handling: handling.rawValue)
    }
}

/// What Stripe is answered: the event's id and what became of it.
struct WebhookAnswer: ResponseEncodable {
    let received: String
    let handling: String
}

extension HTTPField.Name {
    static let stripeSignature = HTTPField.Name("Stripe-Signature")!
}

/// `GET /api/payment-processor`: what the checkout needs to take a card — the processor's kind, and for Stripe the
/// Stripe.js script and the publishable key (never the secret one).
struct PaymentProcessorRoutes: Sendable {
    let processor: any PaymentProcessor

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("payment-processor", use: show)
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> PaymentProcessorBody {
        _ = try context.requireIdentity()
        return PaymentProcessorBody(kind: processor.kind.rawValue, scriptUrl: processor.checkoutScript?.url, publishableKey: processor.checkoutScript?.publishableKey)
    }
}

struct PaymentProcessorBody: ResponseEncodable {
    let kind: String
    let scriptUrl: String?
    let publishableKey: String?
}
