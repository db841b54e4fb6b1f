import AgoraTemplates
import Testing

/// Rendering follows the Mustache specification (and what the site's and emails' templates rely on).
@Suite struct TemplateRenderingTests {
    private func render(_ template: String, _ value: [String: TemplateValue] = [:], partials: [String: String] = [:]) throws -> String {
        let set = try TemplateSet(sources: partials.merging(["page": template]) { $1 })
        return try #require(set.renderText("page", .fields(value)))
    }

    @Test func escapesTextButNotTripleMustaches() throws {
        let value: [String: TemplateValue] = ["bio": .text(#"<script>alert("x") & 'y'</script>"#)]
        #expect(try render("{{bio}}", value) == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
        #expect(try render("{{{bio}}}|{{& bio}}", value) == #"<script>alert("x") & 'y'</script>|<script>alert("x") & 'y'</script>"#)
        #expect(try render("{{name}}", ["name": .text("Zoë — café")]) == "Zoë — café")
    }

    @Test func rendersNumbersFlagsAndNothingForMissingNames() throws {
        #expect(try render("{{n}} {{f}} [{{missing}}]", ["n": .number(-42), "f": .flag(true)]) == "-42 true []")
    }

    @Test func sectionsFollowTheirValue() throws {
        let value: [String: TemplateValue] = [
            "yes": .flag(true), "no": .flag(false), "empty": .list([]), "text": .text("t"),
            "items": .list([.text("a"), .text("b")]),
        ]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#missing}}M{{/missing}}", value) == "Y")
        #expect(try render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^missing}}M{{/missing}}{{^text}}T{{/text}}", value) == "NEM")
        #expect(try render("{{#items}}<{{.}}>{{/items}}", value) == "<a><b>")
        #expect(try render("{{#text}}[{{.}}]{{/text}}", value) == "[t]")
    }

    @Test func namesAreLookedUpOutwardsAndPathsInsideWhatWasFound() throws {
        let value: [String: TemplateValue] = [
            "site": .fields(["name": .text("Agora")]),
            "card": .fields(["name": .text("Ada"), "photo": .flag(false)]),
            "cards": .list([.fields(["name": .text("Ada")]), .fields(["title": .text("No name")])]),
            "name": .text("outer"),
        ]
        #expect(try render("{{#cards}}{{name}};{{/cards}}", value) == "Ada;outer;")
        #expect(try render("{{#card}}{{name}} of {{site.name}}{{/card}}", value) == "Ada of Agora")
        // A field that is there but false does not send the lookup outwards.
        #expect(try render("{{#card}}{{#photo}}photo{{/photo}}{{^photo}}initials{{/photo}}{{/card}}", value) == "initials")
        // A path stops where it is found: `site.missing` does not look further out.
        #expect(try render("[{{site.missing}}][{{card.name}}]", value) == "[][Ada]")
        // A leading dot looks only in the current value.
        #expect(try render("{{#cards}}[{{.name}}]{{/cards}}", value) == "[Ada][]")
    }

    @Test func standaloneLinesLeaveNoTrace() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(template, ["items": .list([.text("a"), .text("b")])]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a {{#yes}}\nb\n{{/yes}} c", ["yes": .flag(true)]) == "a \nb\n c")
        #expect(try render("line\r\n{{#yes}}\r\nin\r\n{{/yes}}\r\n", ["yes": .flag(true)]) == "line\r\nin\r\n")
    }

    @Test func partialsRenderWithTheCurrentValueAndIndentation() throws {
        let partials = ["card": "<b>{{name}}</b>\n<i>{{title}}</i>\n"]
        let value: [String: TemplateValue] = ["cards": .list([.fields(["name": .text("A"), "title": .text("T")])])]
        #expect(try render("{{#cards}}{{>card}}{{/cards}}", value, partials: partials) == "<b>A</b>\n<i>T</i>\n")
        #expect(try render("<div>\n  {{>card}}\n</div>\n", ["name": .text("A"), "title": .text("T")], partials: partials)
            == "<div>\n  <b>A</b>\n  <i>T</i>\n</div>\n")
    }

    @Test func parentsAndBlocks() throws {
        let partials = [
            "base": "<title>{{$title}}Site{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n",
            "section": "{{<base}}{{$title}}Section{{/title}}{{/base}}",
        ]
        #expect(try render("{{<base}}\n{{$main}}\n<p>{{text}}</p>\n{{/main}}\n{{/base}}\n", ["text": .text("Hi")], partials: partials)
            == "<title>Site</title>\n<main>\n<p>Hi</p>\n\n</main>\n")
        // The outermost definition of a block wins over the ones it inherits.
        #expect(try render("{{<section}}{{$title}}Page{{/title}}{{/section}}", partials: partials) == "<title>Page</title>\n<main>\n\n</main>\n")
        #expect(try render("{{<section}}{{/section}}", partials: partials) == "<title>Section</title>\n<main>\n\n</main>\n")
    }

    @Test func contentTypeTextTurnsEscapingOff() throws {
        #expect(try render("{{a}}\n{{% CONTENT_TYPE: TEXT }}\n{{a}}", ["a": .text("<&>")]) == "&lt;&amp;&gt;\n<&>")
    }

    @Test func delimitersCanChange() throws {
        #expect(try render("{{=<% %>=}}\n<% a %> {{a}}\n<%={{ }}=%>\n{{a}}", ["a": .text("x")]) == "x {{a}}\nx")
    }
}
