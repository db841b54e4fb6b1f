import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Saved payment methods")
struct PaymentMethodTests {
    func save(_ number: String, default makeDefault: Bool? = nil, as member: SignIn, in market: OrderMarketplace) async throws -> TestResponse {
        let flag = makeDefault.map { #", "default": \#($0)"# } ?? ""
        return try await market.harness.send(
            .post, "/api/payment-methods", json: #"{"number": "\#(number)", "expiry_month": 12, "expiry_year": 2034, "security_code": "123"\#(flag)}"#,
            bearer: member.accessToken
        )
    }

    func cards(of member: SignIn, in market: OrderMarketplace) async throws -> [[String: Any]] {
        let listed = try await market.harness.send(.get, "/api/payment-methods", bearer: member.accessToken)
        try #require(listed.status == .ok, "\(listed.text)")
        return try listed.json()["payment_methods"] as? [[String: Any]] ?? []
    }

    func id(_ response: TestResponse) throws -> Int64 { try #require((try response.json()["id"] as? NSNumber)?.int64Value) }

    @Test("a member saves cards (the first is the default), chooses the default, removes one (the newest left takes over); nobody else touches them", arguments: TestDatabase.engines)
    func savedCards(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let ada = market.ada
            #expect(try await cards(of: ada, in: market).isEmpty)
            let visa = try await save("4242 4242 4242 4242", as: ada, in: market)
            #expect(visa.status == .created, "\(visa.text)")
            let saved = try visa.json()
            #expect(saved["label"] as? String == "Visa •••• 4242" && saved["is_default"] as? Bool == true)
            #expect(!visa.text.contains("4242424242424242") && !visa.text.contains("123\""), "the number and the code are never sent back")
            let mastercard = try await save("5555555555554444", as: ada, in: market)
            #expect(try mastercard.json()["is_default"] as? Bool == false)

            let declined = try await save("4000000000000002", as: ada, in: market)
            #expect(declined.status == .unprocessableContent && declined.fieldErrors == ["number"], "the processor will not save a declined card")
            #expect(try await save("4000000000000000", as: ada, in: market).fieldErrors == ["number"], "not a test card")
            #expect(try await save("4242424242424241", as: ada, in: market).fieldErrors == ["number"], "the check digit")
            let expired = try await market.harness.send(
                .post, "/api/payment-methods", json: #"{"number": "4242424242424242", "expiry_month": 1, "expiry_year": 2001, "security_code": "1"}"#,
                bearer: ada.accessToken
            )
            #expect(Set(expired.fieldErrors) == ["expiry_year", "security_code"])
            #expect(try await market.harness.send(.post, "/api/payment-methods", json: #"{"number": "4242424242424242", "colour": "red"}"#, bearer: ada.accessToken).fieldErrors.contains("colour"))

            let made = try await market.harness.send(.post, "/api/payment-methods/\(try id(mastercard))/default", bearer: ada.accessToken)
            #expect(made.status == .ok)
            #expect(try made.json()["is_default"] as? Bool == true)
            #expect(try await cards(of: ada, in: market).compactMap { $0["last_four"] as? String } == ["4444", "4242"])

            // Nobody else sees, chooses or removes them.
            #expect(try await cards(of: market.paula, in: market).isEmpty)
            #expect(try await market.harness.send(.post, "/api/payment-methods/\(try id(visa))/default", bearer: market.paula.accessToken).status == .notFound)
            #expect(try await market.harness.send(.delete, "/api/payment-methods/\(try id(visa))", bearer: market.paula.accessToken).status == .notFound)
            #expect(try await market.harness.send(.get, "/api/payment-methods").status == .unauthorized)

            #expect(try await market.harness.send(.delete, "/api/payment-methods/\(try id(mastercard))", bearer: ada.accessToken).status == .noContent)
            let left = try await cards(of: ada, in: market)
            #expect(left.count == 1 && left.first?["last_four"] as? String == "4242" && left.first?["is_default"] as? Bool == true)
            #expect(try await market.harness.send(.delete, "/api/payment-methods/\(try id(mastercard))", bearer: ada.accessToken).status == .notFound)
        }
    }

    @Test("the checkout pays with a saved card; a card saved that declines when charged leaves the payment open; a removed or another's card is refused", arguments: TestDatabase.engines)
    func payWithSavedCard(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let (design, launch) = (fixture.milestoneIDs[0], fixture.milestoneIDs[1])
            let failing = try id(try await save("4000 0000 0000 0341", as: market.ada, in: market))
            let visa = try id(try await save("4242424242424242", default: true, as: market.ada, in: market))
            let paulas = try id(try await save("5555555555554444", as: market.paula, in: market))

            func confirm(_ milestone: Int64, _ json: String) async throws -> TestResponse {
                let opened = try await market.harness.send(.post, "/api/milestones/\(milestone)/fund", bearer: market.ada.accessToken, idempotencyKey: UUID().uuidString)
                try #require(opened.status == .created, "\(opened.text)")
                let payment = try id(opened)
                return try await market.harness.send(.post, "/api/payments/\(payment)/confirm", json: json, bearer: market.ada.accessToken, idempotencyKey: UUID().uuidString)
            }

            let declined = try await confirm(design, #"{"payment_method_id": \#(failing)}"#)
            #expect(declined.status == .ok, "\(declined.text)")
            #expect(try declined.json()["status"] as? String == "requires_payment_method")
            #expect(((try declined.json()["failure"] as? [String: Any])?["code"] as? String) == "card_declined")

            #expect(try await confirm(design, #"{"payment_method_id": \#(paulas)}"#).fieldErrors == ["payment_method_id"], "someone else's card")
            #expect(try await confirm(design, #"{"payment_method_id": \#(visa), "number": "4242424242424242"}"#).fieldErrors == ["payment_method_id"])

            let paid = try await confirm(design, #"{"payment_method_id": \#(visa)}"#)
            #expect(try paid.json()["status"] as? String == "succeeded", "\(paid.text)")
            #expect(((try paid.json()["card"] as? [String: Any])?["last_four"] as? String) == "4242")
            #expect(try await fixture.milestone(design, as: market.ada)["status"] as? String == "funded")

            #expect(try await market.harness.send(.delete, "/api/payment-methods/\(visa)", bearer: market.ada.accessToken).status == .noContent)
            #expect(try await confirm(launch, #"{"payment_method_id": \#(visa)}"#).fieldErrors == ["payment_method_id"], "a removed card")
        }
    }
}
