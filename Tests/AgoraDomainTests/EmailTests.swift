import AgoraDomain
import Testing

@Suite("Email")
struct EmailTests {
    @Test("addresses are trimmed and lower-cased")
    func normalised() throws {
        #expect(try Email("  Ada.Lovelace+work@Example.COM ").value == "ada.lovelace+work@example.com")
    }

    @Test("malformed addresses are refused with a message", arguments: [
        "", "plain", "@example.com", "ada@", "ada@example", "ada@@example.com", "ada@exa mple.com",
        ".ada@example.com", "ada..l@example.com", "ada@-example.com", "ada@example..com", "<script>@example.com",
        String(repeating: "a", count: 65) + "@example.com", "ada@" + String(repeating: "a", count: 250) + ".com",
    ])
    func refused(address: String) {
        #expect(throws: ValidationError.self) { try Email(address) }
    }

    @Test("the error names the field")
    func fieldName() {
        #expect(throws: ValidationError(field: "contact", message: "must be an address like name@example.com")) {
            try Email("nope", field: "contact")
        }
    }
}
