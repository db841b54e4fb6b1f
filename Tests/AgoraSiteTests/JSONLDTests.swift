@testable import AgoraSite
import Foundation
import Testing

@Suite("JSON-LD text")
struct JSONLDTests {
    static let hostile = "</script><!-- \"quoted\" \\ back/slash & <b>bold</b>\n\t\r\u{08}\u{0C}\u{01}\u{1F} é 𝄞 \u{2028}"

    @Test("what is written parses back to the same values, and no text can close the script element")
    func roundTrip() throws {
        let value: JSONLD = [
            "@type": "ProfessionalService", "name": .string(Self.hostile), "rating": 4.86, "whole": 5.0, "small": 0.00001,
            "negative": -0.5, "latitude": 45.764043, "count": 27, "items": [1, "two", ["nested": [3.25, "x"]]],
        ]
        let text = try #require(JSONLD.script([value]))
        for unsafe in ["<", ">", "&", "\n"] { #expect(!text.contains(unsafe), "raw \(unsafe)") }
        #expect(text.contains(#"<\/script>"#) == false && text.contains(#"\u003c\/script\u003e"#))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["@context"] as? String == "https://schema.org")
        let node = try #require((parsed["@graph"] as? [[String: Any]])?.first)
        #expect(node["name"] as? String == Self.hostile)
        #expect(node["rating"] as? Double == 4.86 && node["small"] as? Double == 0.00001 && node["negative"] as? Double == -0.5)
        #expect(node["latitude"] as? Double == 45.764043 && node["count"] as? Int == 27)
        #expect(text.contains(#""whole":5}"#), "a whole double is written without its .0")
        let items = try #require(node["items"] as? [Any])
        #expect(items.count == 3 && items[1] as? String == "two")
        #expect(((items[2] as? [String: Any])?["nested"] as? [Any])?.first as? Double == 3.25)
        // Keys are sorted, so the same data always gives the same bytes (and the same page key).
        #expect(text.hasPrefix(#"{"@context":"https:\/\/schema.org","@graph":[{"@type":"ProfessionalService","count":27,"items""#))
    }
}
