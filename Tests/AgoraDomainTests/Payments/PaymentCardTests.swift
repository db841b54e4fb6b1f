import AgoraDomain
import Foundation
import Testing

@Suite("Payment cards and the local processor's test cards")
struct PaymentCardTests {
    let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-29

    @Test("a good card keeps its brand, last four digits and expiry; spaces and dashes are ignored, two-digit years read as 20xx")
    func goodCard() throws {
        let card = try PaymentCard(.init(number: "4242 4242-4242 4242", expiryMonth: 12, expiryYear: 29, securityCode: "123"), now: now)
        #expect(card.expiryYear == 2029 && card.expiryMonth == 12)
        #expect(card.summary == CardSummary(brand: .visa, lastFour: "4242"))
        #expect(try PaymentCard(.init(number: "5555555555554444", expiryMonth: 11, expiryYear: 2026, securityCode: "1234"), now: now).brand == .mastercard)
        #expect(try PaymentCard(.init(number: "378282246310005", expiryMonth: 1, expiryYear: 2030, securityCode: "1234"), now: now).brand == .amex)
    }

    @Test("every bad field is named: a wrong check digit, letters, a month of 13, an expired card, a short code")
    func badCards() {
        func fields(_ input: PaymentCard.Input) -> [String] {
            do { _ = try PaymentCard(input, now: now); return [] } catch let error as ValidationError { return error.errors.map(\.field) } catch { return ["?"] }
        }
        #expect(fields(.init(number: "4242424242424241", expiryMonth: 12, expiryYear: 2029, securityCode: "123")) == ["number"])
        #expect(fields(.init(number: "4242abcd42424242", expiryMonth: 13, expiryYear: 2029, securityCode: "12")) == ["number", "expiry_month", "security_code"])
        #expect(fields(.init(number: "4242424242424242", expiryMonth: 10, expiryYear: 2026, securityCode: "123")) == ["expiry_year"], "expired last month")
        #expect(fields(.init()) == ["number", "expiry_month", "expiry_year", "security_code"])
    }

    @Test("the test cards do what Stripe's do; any other number is declined as not a test card")
    func outcomes() throws {
        func outcome(_ number: String) throws -> LocalTestCard.Outcome {
            LocalTestCard.outcome(for: try PaymentCard(.init(number: number, expiryMonth: 1, expiryYear: 2030, securityCode: "123"), now: now))
        }
        #expect(try outcome("4242424242424242") == .succeeds)
        #expect(try outcome("4000002500003155") == .requiresAuthentication)
        #expect(try outcome("4000000000000002") == .declined(.cardDeclined))
        #expect(try outcome("4000000000009995") == .declined(.insufficientFunds))
        #expect(try outcome("4012888888881881") == .declined(.notATestCard))
    }

    @Test("a payment's steps: declined stays open for another card, authentication in between, nothing after success")
    func paymentSteps() throws {
        #expect(try PaymentStatus.requiresPaymentMethod.after(.decline) == .requiresPaymentMethod)
        #expect(try PaymentStatus.requiresPaymentMethod.after(.requireAuthentication).after(.succeed) == .succeeded)
        #expect(try PaymentStatus.requiresAction.after(.failAuthentication) == .requiresPaymentMethod)
        #expect(throws: StatusTransitionError("a payment that is paid cannot be cancelled")) { try PaymentStatus.succeeded.after(.cancel) }
        #expect(throws: StatusTransitionError.self) { try PaymentStatus.canceled.after(.succeed) }
        #expect(PaymentStatus.allCases.filter(\.isOpen) == [.requiresPaymentMethod, .requiresAction])
    }
}
