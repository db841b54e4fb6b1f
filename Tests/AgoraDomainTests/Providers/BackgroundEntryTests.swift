import AgoraDomain
import Foundation
import Testing

@Suite("Background entries")
struct BackgroundEntryTests {
    static func entry(
        title: String? = "Web developer", organisation: String? = "Agence Rhône", start: String? = "2017-03", end: String? = nil,
        description: String? = nil, link: String? = nil
    ) -> BackgroundEntry.Input {
        var input = BackgroundEntry.Input()
        input.title = title
        input.organisation = organisation
        input.start = start
        input.end = end
        input.description = description
        input.link = link
        return input
    }

    @Test("a month is YYYY-MM and nothing else, ordered, and shown as a short month and year")
    func months() throws {
        #expect(YearMonth("2021-04")?.label == "Apr 2021")
        #expect(YearMonth("2021-04")?.description == "2021-04")
        for bad in ["2021-4", "2021-13", "2021-00", "21-04", "2021-04-01", "２０２１-04", "1899-12", "", "2021-0a"] {
            #expect(YearMonth(bad) == nil, "\(bad)")
        }
        #expect(try #require(YearMonth("2020-12")) < (try #require(YearMonth("2021-01"))))
        let encoded = try JSONEncoder().encode(try #require(YearMonth("2009-11")))
        #expect(String(decoding: encoded, as: UTF8.self) == #""2009-11""#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(YearMonth.self, from: Data(#""November 2009""#.utf8)) }
    }

    @Test("each kind asks what it needs: work a start, studies a school, a certificate an issuer and maybe a link")
    func kinds() throws {
        var errors: [FieldError] = []
        let work = BackgroundEntry.list([Self.entry(organisation: nil, description: "Shops and bakeries.\n\nMostly Swift.")], kind: .experience, errors: &errors)
        #expect(errors.isEmpty)
        #expect(work.first?.organisation == "" && work.first?.period(of: .experience) == "Mar 2017 – present")
        let studies = BackgroundEntry.list([Self.entry(title: "MSc Computer Science", organisation: "INSA Lyon", start: nil)], kind: .education, errors: &errors)
        #expect(errors.isEmpty && studies.first?.period(of: .education) == "")
        let certificate = BackgroundEntry.list(
            [Self.entry(title: "CompTIA Security+", organisation: "CompTIA", start: "2023-05", end: "2026-05", link: "https://verify.example/abc")],
            kind: .certification, errors: &errors
        )
        #expect(errors.isEmpty && certificate.first?.link == "https://verify.example/abc")
        #expect(certificate.first?.period(of: .certification) == "May 2023 – May 2026")

        _ = BackgroundEntry.list([Self.entry(start: nil)], kind: .experience, errors: &errors)
        _ = BackgroundEntry.list([Self.entry(organisation: " ")], kind: .education, errors: &errors)
        _ = BackgroundEntry.list([Self.entry(link: "https://example.com")], kind: .experience, errors: &errors)
        _ = BackgroundEntry.list([Self.entry(link: "javascript:alert(1)")], kind: .certification, errors: &errors)
        #expect(errors.map(\.field) == ["experience[0].start", "education[0].organisation", "experience[0].link", "certifications[0].link"])
    }

    @Test("bad entries are named by list, position and field, and none is kept half")
    func errors() {
        var errors: [FieldError] = []
        let kept = BackgroundEntry.list([
            Self.entry(),
            Self.entry(title: "x", start: "2020-02", end: "2019-12"),
            Self.entry(title: "Line\nbreak", start: "March 2017"),
            Self.entry(start: nil, end: "2020-01", description: String(repeating: "d", count: BackgroundEntry.descriptionMaximumLength + 1)),
        ], kind: .education, errors: &errors)
        #expect(kept.count == 1)
        #expect(errors.map(\.field) == [
            "education[1].title", "education[1].end", "education[2].title", "education[2].start", "education[3].start", "education[3].description",
        ])
        errors = []
        #expect(BackgroundEntry.list(Array(repeating: Self.entry(), count: BackgroundEntry.maximumEntries + 1), kind: .experience, errors: &errors).isEmpty)
        #expect(errors.map(\.field) == ["experience"])
    }

    @Test("free text written before entries existed becomes one entry, its first line the title")
    func fromText() {
        #expect(BackgroundEntry.fromText("  \n ").isEmpty)
        let short = BackgroundEntry.fromText("MSc Computer Science\nINSA Lyon, 2012")
        #expect(short.first?.title == "MSc Computer Science" && short.first?.description == "INSA Lyon, 2012")
        let long = String(repeating: "word ", count: 60)
        let cut = BackgroundEntry.fromText(long)
        #expect(cut.first?.title.count == BackgroundEntry.titleLength.upperBound && cut.first?.title.hasSuffix("…") == true)
        #expect(cut.first?.description == long.trimmingCharacters(in: .whitespaces), "nothing of a long line is lost")
    }

    @Test("a version saved with free-text background still opens")
    func legacyVersion() throws {
        var content = ProfileContent.empty
        content.title = "Web developer"
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(content)) as! [String: Any]
        json["experience"] = "Eight years at a web agency."
        json["education"] = ""
        let decoded = try JSONDecoder().decode(ProfileContent.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(decoded.experience.map(\.title) == ["Eight years at a web agency."] && decoded.education.isEmpty)
        #expect(try JSONDecoder().decode(ProfileContent.self, from: JSONEncoder().encode(decoded)) == decoded)
    }
}
