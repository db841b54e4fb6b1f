import AgoraTemplates
import Foundation
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

/// Templates read from a directory: names are paths without `.mustache`, and what cannot be read is named.
@Suite struct TemplateDirectoryTests {
    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("partials"), withIntermediateDirectories: true)
        return directory
    }

    @Test func readsNestedTemplatesAndSkipsExcludedFolders() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "<b>{{name}}</b>".write(to: directory.appendingPathComponent("partials/name.mustache"), atomically: true, encoding: .utf8)
        try "{{>partials/name}}".write(to: directory.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("email"), withIntermediateDirectories: true)
        try "{{#broken}}".write(to: directory.appendingPathComponent("email/mail.mustache"), atomically: true, encoding: .utf8)
        let set = try TemplateSet(directory: directory, excluding: ["email"])
        #expect(set.renderText("page", .fields(["name": .text("Ada")])) == "<b>Ada</b>")
        #expect(!set.has("email/mail"))
        #expect(throws: TemplateSyntaxError.self) { try TemplateSet(directory: directory) }
    }

    @Test func aFileThatIsNotUTF8IsNamed() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data([0x3C, 0x70, 0x3E, 0xFF, 0xFE]).write(to: directory.appendingPathComponent("partials/latin.mustache"))
        do {
            _ = try TemplateSet(directory: directory)
            Issue.record("a file that is not UTF-8 was accepted")
        } catch {
            #expect(error.template == "partials/latin")
            #expect(error.message == "the file cannot be read as UTF-8 text")
        }
    }
}

@Suite("Template rules")
struct TemplateRulesTests {
    @Test("a template kept to escaped output refuses each way of writing a value unescaped, with its line and column")
    func escapedOnly() throws {
        for (source, line, column) in [("<p>{{{name}}}</p>", 1, 4), ("a\n  {{& name}}", 2, 3), ("{{% CONTENT_TYPE: TEXT }}", 1, 1)] {
            #expect(throws: TemplateSyntaxError.self) { try TemplateSet(sources: ["edited": source], rules: ["edited": .escapedOnly]) }
            do {
                _ = try TemplateSet(sources: ["edited": source], rules: ["edited": .escapedOnly])
            } catch {
                #expect(error.line == line && error.column == column, "\(source)")
                #expect(error.message.contains("without escaping"))
            }
            #expect(throws: Never.self) { try TemplateSet(sources: ["trusted": source]) }
        }
        let escaped = try TemplateSet(sources: ["edited": "<p>{{name}}</p>"], rules: ["edited": .escapedOnly])
        #expect(escaped.renderText("edited", .fields(["name": .text("<b>")])) == "<p>&lt;b&gt;</p>")
    }

    @Test("a plain-text template escapes nothing without saying so")
    func plainText() throws {
        let set = try TemplateSet(sources: ["text": "Hello {{name}} & co"], rules: ["text": .plainText])
        #expect(set.renderText("text", .fields(["name": .text("<Ada>")])) == "Hello <Ada> & co")
    }
}
