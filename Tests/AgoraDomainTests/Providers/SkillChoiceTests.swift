import AgoraDomain
import Testing

@Suite("Skill choice")
struct SkillChoiceTests {
    static let catalogue = Dictionary(uniqueKeysWithValues: ["Swift", "PostgreSQL", "Café menus"].map { (SkillChoice.key($0), $0) })

    @Test("catalogue skills take the catalogue's spelling, once each, in the provider's order")
    func spelling() throws {
        #expect(try SkillChoice.resolve(["swift", "Booking systems", "POSTGRESQL", "cafe MENUS", "Swift "], catalogue: Self.catalogue) ==
            ["Swift", "Booking systems", "PostgreSQL", "Café menus"])
        #expect(SkillChoice.key("  Café Menus ") == "cafe menus")
    }

    @Test("at most five skills may be the provider's own words; the error names them")
    func freeSkills() throws {
        let five = ["A1", "B2", "C3", "D4", "E5"]
        #expect(try SkillChoice.resolve(five + ["Swift"], catalogue: Self.catalogue).count == 6)
        do {
            _ = try SkillChoice.resolve(five + ["F6", "swift"], catalogue: Self.catalogue)
            Issue.record("six free skills should be refused")
        } catch let invalid as ValidationError {
            #expect(invalid.errors.map(\.field) == ["skills"])
            #expect(invalid.errors.first?.message.contains("A1, B2, C3, D4, E5, F6") == true)
        }
    }
}
