import AgoraDomain
import Testing
@testable import AgoraAPI

/// The patterns the OpenAPI document publishes say what the service's checks say: each is matched (as JSON Schema
/// matches, scalar by scalar) against every character of the first planes' worth of text, and the answer compared
/// with the check's.
@Suite("Published patterns")
struct PublishedPatternTests {
    static let scalars = (0...0x3000).compactMap(Unicode.Scalar.init)

    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        try Regex(pattern).matchingSemantics(.unicodeScalar).wholeMatch(in: text) != nil
    }

    @Test("one-line and multi-line fields: the pattern refuses exactly the control characters the reader refuses")
    func bodyFields() throws {
        for scalar in Self.scalars {
            let text = "a\(Character(scalar))b"
            #expect(try Self.matches(JSONObjectBody.oneLinePattern, text) == !JSONObjectBody.isControl(scalar, multiline: false), "U+\(String(scalar.value, radix: 16))")
            #expect(try Self.matches(JSONObjectBody.multilinePattern, text) == !JSONObjectBody.isControl(scalar, multiline: true), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("search parameters: the pattern refuses exactly the characters the search refuses")
    func searchText() throws {
        for scalar in Self.scalars {
            #expect(try Self.matches(ProviderSearchQuery.textPattern, "a\(Character(scalar))b") == !ProviderSearchQuery.isControl(scalar))
        }
    }

    @Test("testimonials: the pattern refuses exactly the characters a testimonial may not hold")
    func testimonialText() throws {
        for scalar in Self.scalars {
            let text = "A fine marketplace \(Character(scalar)) to find people"
            let accepted = (try? TestimonialForm(content: text, rating: 5)) != nil
            #expect(try Self.matches(TestimonialForm.contentPattern, text) == accepted, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("a pattern reaches the document as the JSON string of itself")
    func literal() throws {
        #expect(JSONString.literal(#"^[^\u0000"\\]$"#) == #""^[^\\u0000\"\\\\]$""#)
        #expect(JSONString.literal("a\u{1}b") == #""a\u0001b""#)
    }
}
