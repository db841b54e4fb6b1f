import AgoraDomain
import Testing

@Suite("Email")
struct EmailTests {
    @Test("addresses are trimmed and lower-cased")
    func normalised() throws {
        #expect(try Email("  Ada.Lovelace+work@Example.COM ").value == "ada.lovelace+work@example.com")
    }

    @Test("malformed addresses are refused with a message", arguments: [
        "", "plain", "ada@example.com\n.", "ada@example.com\u{0}", " \u{00A0}ada@example.com", "@example.com", "ada@", "ada@example", "ada@@example.com", "ada@exa mple.com",
        ".ada@example.com", "ada.@example.com", "ada@-example.com", "ada@example..com", "<script>@example.com",
        String(repeating: "a", count: 65) + "@example.com", "ada@" + String(repeating: "a", count: 250) + ".com",
    ])
    func refused(address: String) {
        #expect(throws: ValidationError.self) { try Email(address) }
    }

    /// The published pattern has no look-arounds, so a run of dots inside the local part passes: harmless, since the
    /// address still has to receive the verification email.
    @Test("the rule is the published pattern, surrounding spaces and tabs included")
    func publishedPattern() throws {
        #expect(try Email("ada..l@example.com").value == "ada..l@example.com")
        #expect(try Email(" \tAda@Example.com\t ").value == "ada@example.com")
        #expect(throws: ValidationError.self) { try Email("ada@example.com\n") }
        #expect(Email.pattern.hasPrefix("^") && Email.pattern.hasSuffix("$"))
        #expect(!Email.pattern.contains("(?="), "JSON Schema generators cannot honour look-aheads")
    }

    @Test("the error names the field")
    func fieldName() {
        #expect(throws: ValidationError(field: "contact", message: "must be an address like name@example.com")) {
            try Email("nope", field: "contact")
        }
    }
}
