import AgoraDomain
import Testing

@Suite("Cities")
struct CitiesTests {
    @Test("the list has every seeded city, once per name and country, the most populous first, each with coordinates")
    func list() {
        #expect(Cities.all.count > 20_000)
        #expect(zip(Cities.all, Cities.all.dropFirst()).allSatisfy { $0.population >= $1.population })
        for (name, country) in [("Paris", "FR"), ("Lyon", "FR"), ("Berlin", "DE"), ("Munich", "DE"), ("Madrid", "ES"), ("Milan", "IT")] {
            #expect(Cities.find(name: name, countryCode: country) != nil, "\(name)")
        }
        #expect(Cities.all.allSatisfy { (-90...90).contains($0.latitude) && (-180...180).contains($0.longitude) && Countries.country(code: $0.countryCode) != nil })
        #expect(Set(Cities.all.map { "\($0.name.lowercased())|\($0.countryCode)" }).count == Cities.all.count)
    }

    @Test("a city is found in any case, with or without its accents, only in its own country")
    func find() throws {
        let zurich = try #require(Cities.find(name: " zurich ", countryCode: "ch"))
        #expect(zurich.name == "Zürich" && zurich.displayName == "Zürich, Switzerland")
        let lyon = try #require(Cities.find(name: "LYON", countryCode: "FR"))
        #expect(abs(lyon.latitude - 45.75) < 0.1 && abs(lyon.longitude - 4.85) < 0.1)
        #expect(Cities.find(name: "Lyon", countryCode: "DE") == nil)
        #expect(Cities.find(name: "Smallville", countryCode: "US") == nil)
    }

    @Test("suggestions start with what was typed, in the country when given, the largest first, at most the limit")
    func suggestions() {
        let paris = Cities.suggestions(prefix: "paris", countryCode: nil)
        #expect(paris.first?.countryCode == "FR" && paris.contains { $0.countryCode == "US" })
        #expect(Cities.suggestions(prefix: "par", countryCode: "fr").allSatisfy { $0.countryCode == "FR" && $0.name.lowercased().hasPrefix("par") })
        #expect(Cities.suggestions(prefix: "s", countryCode: nil).count == Cities.maximumSuggestions)
        #expect(Cities.suggestions(prefix: "gene", countryCode: "CH").first?.name == "Genève")
        #expect(Cities.suggestions(prefix: "  ", countryCode: nil).isEmpty)
        #expect(Cities.suggestions(prefix: "qqqqzz", countryCode: nil).isEmpty)
    }

    @Test("a profile's city from the list is written as the list spells it; another is kept as typed")
    func profilePlace() throws {
        var input = ProfileContent.Input()
        input.city = "zurich"
        input.country = "ch"
        #expect(try ProfileContent(input).city == "Zürich")
        input.city = "Oberglatt im Tal"
        #expect(try ProfileContent(input).city == "Oberglatt im Tal")
    }
}
