import AgoraDomain
import Testing

@Suite("Slug")
struct SlugTests {
    @Test("titles become slugs", arguments: [
        ("Design & Creative", "design-creative"),
        ("UI/UX Design", "ui-ux-design"),
        ("Amélie Dubois 12", "amelie-dubois-12"),
        ("  --Hello,   World!--  ", "hello-world"),
        ("São Paulo", "sao-paulo"),
    ])
    func fromTitle(title: String, slug: String) {
        #expect(Slug.from(title: title)?.value == slug)
    }

    @Test("titles without letters or digits have no slug")
    func empty() {
        #expect(Slug.from(title: "—!?") == nil)
    }

    @Test("invalid slugs are refused", arguments: ["", "Upper", "with space", "-lead", "trail-", "double--hyphen", "dot.ted", "../etc", String(repeating: "a", count: 81)])
    func refused(text: String) {
        #expect(throws: ValidationError.self) { try Slug(text) }
    }
}
