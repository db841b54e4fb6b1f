import AgoraTemplates
import Testing

/// Broken templates are refused when the set is loaded, naming the template, line and column of the tag at fault.
@Suite struct TemplateSyntaxTests {
    private func failure(_ sources: [String: String]) -> TemplateSyntaxError? {
        do {
            _ = try TemplateSet(sources: sources)
            return nil
        } catch {
            return error
        }
    }

    @Test func anUnclosedSectionPointsAtItsOpeningTag() throws {
        let error = try #require(failure(["page": "<main>\n  <p>{{#content}}unclosed</p>\n</main>\n"]))
        #expect(error.template == "page")
        #expect(error.line == 2)
        #expect(error.column == 6)
        #expect(error.message == "the section `content` is opened but never closed")
        #expect(error.description == "page.mustache:2: the section `content` is opened but never closed (column 6: <p>{{#content}}unclosed</p>)")
    }

    @Test func aSectionClosedUnderAnotherName() throws {
        let error = try #require(failure(["page": "{{#a}}\n{{/b}}\n"]))
        #expect((error.line, error.message) == (2, "the section `a` is closed as `b`"))
        #expect(failure(["page": "text {{/b}}"])?.message.contains("never opened") == true)
    }

    @Test func unfinishedTags() throws {
        #expect(failure(["page": "{{name"])?.message == "a tag is not closed with }}")
        #expect(failure(["page": "{{{name}}"])?.message == "a tag opened with {{{ is not closed with }}}")
        #expect(failure(["page": "{{! comment"])?.message == "a comment is not closed with }}")
        #expect(failure(["page": "{{upper(name)}}"])?.message.contains("not supported") == true)
    }

    @Test func settingsAndDelimiters() throws {
        #expect(failure(["page": "{{% CONTENT_TYPE: JSON }}"])?.message.contains("unknown setting") == true)
        #expect(failure(["page": "{{=<% =}}"])?.message.contains("set-delimiter") == true)
    }

    @Test func aMissingPartialOrParentIsNamedWhereItIsUsed() throws {
        let partial = try #require(failure(["page": "<p>\n{{>partials/missing}}\n"]))
        #expect((partial.template, partial.line, partial.column) == ("page", 2, 1))
        #expect(partial.message == "no template named `partials/missing` (partials/missing.mustache)")
        #expect(failure(["page": "{{<layout}}{{/layout}}"])?.message.contains("`layout`") == true)
    }

    @Test func onlyBlocksStandInsideAParent() throws {
        #expect(failure(["base": "", "page": "{{<base}}{{name}}{{/base}}"])?.message == "only {{$block}} definitions may stand inside {{<base}}")
    }
}
