import AgoraDomain
import Foundation
import Testing

@Suite("Search query parameters")
struct ProviderSearchQueryTests {
    func parse(_ pairs: [(String, String)]) throws -> ProviderSearchQuery {
        try ProviderSearchQuery(parameters: pairs.map { (name: $0.0, value: $0.1) })
    }

    func fields(_ pairs: [(String, String)]) -> [String] {
        do {
            _ = try parse(pairs)
            return []
        } catch let invalid as ValidationError {
            return invalid.errors.map(\.field)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test("every parameter is read into the query")
    func everything() throws {
        let query = try parse([
            ("q", "  Swift  developer! "), ("category", "web"), ("near", "48.85, 2.35, 25"), ("currency", "gbp"),
            ("min_rate", "40"), ("max_rate", "80.5"), ("skills", "Swift,SQL"), ("skills", "Go"), ("skills_match", "any"),
            ("available_on", "2026-12-24"), ("min_rating", "4.5"), ("min_reviews", "3"), ("languages", "FR,en"),
            ("verified", "true"), ("sort", "distance"), ("limit", "50"),
        ])
        #expect(query.terms.words == ["swift", "developer"])
        #expect(query.categorySlug?.value == "web")
        #expect(query.centre == (try GeoPoint(latitude: 48.85, longitude: 2.35)))
        #expect(query.currency == .gbp)
        #expect(query.minimumRate == 4_000)
        #expect(query.maximumRate == 8_050)
        #expect(query.skills == ["swift", "sql", "go"])
        #expect(query.skillMatch == .any)
        #expect(query.availability == .on(Date(timeIntervalSince1970: 1_798_070_400)))
        #expect(query.minimumRating == 4.5)
        #expect(query.minimumReviews == 3)
        #expect(query.languages == ["fr", "en"])
        #expect(query.verifiedOnly)
        #expect(query.sort == .distance)
        #expect(query.limit == 50)
    }

    @Test("defaults: relevance, 20 a page, euros, every skill")
    func defaults() throws {
        let query = try parse([])
        #expect(query.sort == .relevance)
        #expect(query.limit == ProviderSearchQuery.defaultLimit)
        #expect(query.currency == .eur)
        #expect(query.skillMatch == .all)
        #expect(query.terms.isEmpty)
        #expect(query.place == nil)
    }

    @Test("each bad parameter is named, all at once")
    func badParameters() {
        #expect(fields([("catgory", "web")]) == ["catgory"])
        #expect(fields([("q", String(repeating: "a", count: 201))]) == ["q"])
        #expect(fields([("q", "a\u{0}b")]) == ["q"])
        #expect(fields([("category", "Web Design")]) == ["category"])
        #expect(fields([("near", "48.85,2.35")]) == ["near"])
        #expect(fields([("near", "91,2.35,10")]) == ["latitude"])
        #expect(fields([("near", "48,181,10")]) == ["longitude"])
        #expect(fields([("near", "48,2,0")]) == ["radius_km"])
        #expect(fields([("near", "48,2,nan")]) == ["radius_km"])
        #expect(fields([("near", "48,2,10"), ("country", "FR")]) == ["near"])
        #expect(fields([("country", "XX")]) == ["country"])
        #expect(fields([("city", "Lyon")]) == ["country"])
        #expect(fields([("currency", "XYZ")]) == ["currency"])
        #expect(fields([("min_rate", "-5")]) == ["min_rate"])
        #expect(fields([("min_rate", "4.555")]) == ["min_rate"])
        #expect(fields([("currency", "JPY"), ("min_rate", "4.5")]) == ["min_rate"])
        #expect(fields([("min_rate", "1e3")]) == ["min_rate"])
        #expect(fields([("min_rate", "90"), ("max_rate", "10")]) == ["max_rate"])
        #expect(fields([("skills", (1...11).map { "s\($0)" }.joined(separator: ","))]) == ["skills"])
        #expect(fields([("skills_match", "some")]) == ["skills_match"])
        #expect(fields([("available", "tomorrow")]) == ["available"])
        #expect(fields([("available_on", "24/12/2026")]) == ["available_on"])
        #expect(fields([("available", "now"), ("available_on", "2026-12-24")]) == ["available_on"])
        #expect(fields([("min_rating", "6")]) == ["min_rating"])
        #expect(fields([("min_reviews", "1.5")]) == ["min_reviews"])
        #expect(fields([("languages", "french")]) == ["languages"])
        #expect(fields([("verified", "maybe")]) == ["verified"])
        #expect(fields([("sort", "cheapest")]) == ["sort"])
        #expect(fields([("sort", "distance")]) == ["sort"])
        #expect(fields([("limit", "0")]) == ["limit"])
        #expect(fields([("limit", "101")]) == ["limit"])
        #expect(fields([("limit", "10"), ("limit", "20")]) == ["limit"])
        #expect(fields([("cursor", "not-a-cursor")]) == ["cursor"])
        #expect(fields([("sort", "bogus"), ("limit", "x"), ("foo", "1")]).sorted() == ["foo", "limit", "sort"])
    }

    @Test("a cursor reads back only for the sort it was made for")
    func cursors() throws {
        let cursor = SearchCursor(sort: .rating, value: 4.873_219_001_2, providerID: 42)
        let read = try SearchCursor(token: cursor.token, expectedSort: .rating)
        #expect(read == cursor)
        #expect(!cursor.token.contains("="))
        #expect(throws: ValidationError.self) { try SearchCursor(token: cursor.token, expectedSort: .newest) }
        #expect(throws: ValidationError.self) { try SearchCursor(token: "cmF0aW5nfG5hbnw0Mg", expectedSort: .rating) }
        #expect(try parse([("sort", "rating"), ("cursor", cursor.token)]).cursor == cursor)
    }

    @Test("search text keeps only words: operators, quotes and emoji are separators")
    func searchTerms() {
        #expect(SearchTerms("\"NEAR(swift* -developer)\" OR title:ios").words == ["near", "swift", "developer", "or", "title", "ios"])
        #expect(SearchTerms("😀 🚀 --- ***").isEmpty)
        #expect(SearchTerms("Développeuse Zürich 東京 مطور").words == ["développeuse", "zürich", "東京", "مطور"])
        #expect(SearchTerms((1...20).map { "w\($0)" }.joined(separator: " ")).words.count == SearchTerms.maximumTerms)
        #expect(SearchTerms(String(repeating: "x", count: 500)).words == [String(repeating: "x", count: SearchTerms.maximumTermLength)])
        #expect(SearchTerms("  Swift   SQL ").normalized == "swift sql")
    }
}
