import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// A member's saved cards: listed (the default first), saved with the processor (`POST`, the card's fields and
/// `default`), made the default, removed. The checkout pays with one (`payment_method_id`); the number is only ever
/// sent to the processor.
struct PaymentMethodRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let methods: PaymentMethods

    static let notFound = Problem(status: .notFound, detail: "No such saved card.")

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("payment-methods", use: list)
        signedIn.post("payment-methods", use: add)
        signedIn.post("payment-methods/setup", use: setup)
        signedIn.post("payment-methods/{id}/default", use: makeDefault)
        signedIn.delete("payment-methods/{id}", use: remove)
    }

    private var repository: PaymentMethodRepository { PaymentMethodRepository(store: store) }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> PaymentMethodListBody {
        let identity = try context.requireIdentity()
        return PaymentMethodListBody(paymentMethods: try await repository.methods(of: identity.userID).map(PaymentMethodBody.init))
    }

    @Sendable func add(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<PaymentMethodBody> {
        let identity = try context.requireIdentity()
        let input = try await request.decode(as: SavePaymentMethodInput.self, context: context)
        let card = try input.card.entry(now: clock.now)
        let saved = try await methods.add(card, for: identity.userID, makeDefault: input.makeDefault, now: clock.now)
        return EditedResponse(status: .created, headers: [.location: "/api/payment-methods/\(saved.id)"], response: PaymentMethodBody(saved))
    }

    /// A setup for the processor's own script to confirm a new card with (Stripe.js's `confirmCardSetup`).
    @Sendable func setup(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<CardSetupBody> {
        let identity = try context.requireIdentity()
        return EditedResponse(status: .created, response: CardSetupBody(clientSecret: try await methods.setup(for: identity.userID, now: clock.now)))
    }

    @Sendable func makeDefault(_ request: Request, context: AgoraRequestContext) async throws -> PaymentMethodBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let method = try await repository.makeDefault(id, of: identity.userID) else { throw Self.notFound }
        return PaymentMethodBody(method)
    }

    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        guard try await methods.remove(id, of: identity.userID, now: clock.now) != nil else { throw Self.notFound }
        return Response(status: .noContent)
    }
}

/// `POST /api/payment-methods`: a card (`CardEntryInput`), and `default` to charge it when nobody chooses.
struct SavePaymentMethodInput: RequestBody {
    static let fields = CardEntryInput.fields.union(["default"])
    let card: CardEntryInput
    let makeDefault: Bool

    init(reading body: inout JSONObjectBody) {
        card = CardEntryInput(reading: &body)
        makeDefault = body.bool("default")
    }
}

/// A card setup: the secret the processor's script confirms it with.
struct CardSetupBody: ResponseEncodable {
    let clientSecret: String
}

/// A saved card as its owner sees it: never its number.
struct PaymentMethodBody: ResponseEncodable {
    let id: Int64
    let brand: String
    let lastFour: String
    let label: String
    let expiryMonth: Int
    let expiryYear: Int
    let isDefault: Bool
    let createdAt: Date

    init(_ method: SavedPaymentMethod) {
        id = method.id
        brand = method.card.brand.rawValue
        lastFour = method.card.lastFour
        label = method.card.label
        expiryMonth = method.expiryMonth
        expiryYear = method.expiryYear
        isDefault = method.isDefault
        createdAt = method.createdAt
    }
}

struct PaymentMethodListBody: ResponseEncodable {
    let paymentMethods: [PaymentMethodBody]
}
