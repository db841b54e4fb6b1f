import AgoraDomain
import Testing

@Suite("Suggestions")
struct SuggestionMatcherTests {
    let matcher = SuggestionMatcher([
        Suggestion(kind: .category, text: "Web Development", slug: "web-development", weight: 40),
        Suggestion(kind: .category, text: "Design & Creative", slug: "design-creative", weight: 30),
        Suggestion(kind: .skill, text: "JavaScript", weight: 25),
        Suggestion(kind: .skill, text: "Java", weight: 5),
        Suggestion(kind: .skill, text: "Développement mobile", weight: 3),
        Suggestion(kind: .provider, text: "Amélie Dubois", slug: "amelie-dubois-1", weight: 80),
        Suggestion(kind: .provider, text: "Ada Lovelace", slug: "ada-lovelace", weight: 12),
    ])

    func texts(_ typed: String, limit: Int = 10) -> [String] { matcher.suggest(typed, limit: limit).map(\.text) }

    @Test("the start of the text comes before the start of a later word; accents and case do not matter")
    func prefixes() {
        #expect(texts("dev").prefix(2) == ["Développement mobile", "Web Development"])
        #expect(texts("JAVA") == ["JavaScript", "Java"])
        #expect(texts("ame") == ["Amélie Dubois"])
        #expect(texts("dubois") == ["Amélie Dubois"])
        #expect(texts("web dev") == ["Web Development"])
    }

    @Test("one typo is forgiven from three letters: a wrong, missing, extra or swapped letter")
    func typos() {
        #expect(texts("devlop").contains("Web Development"))
        #expect(texts("desgin") == ["Design & Creative"])
        // Provider names are matched by prefix only: there can be hundreds of thousands of them.
        #expect(texts("lovleace").isEmpty)
        #expect(texts("lovel") == ["Ada Lovelace"])
        #expect(texts("javsacript") == ["JavaScript"])
        #expect(texts("xeb").contains("Web Development"))
        #expect(texts("dx").isEmpty)
        #expect(texts("zzzz").isEmpty)
        #expect(texts("dsegni").isEmpty)
    }

    @Test("exact matches outrank typos, categories outrank skills, and the limit holds")
    func ordering() {
        #expect(texts("d") == ["Design & Creative", "Développement mobile", "Web Development", "Amélie Dubois"])
        #expect(texts("dev") == ["Développement mobile", "Web Development", "Design & Creative"])
        #expect(texts("d", limit: 2).count == 2)
        #expect(texts("java", limit: 1) == ["JavaScript"])
        #expect(texts("").isEmpty)
        #expect(texts("   ").isEmpty)
        #expect(texts(String(repeating: "a", count: 101)).isEmpty)
    }
}
