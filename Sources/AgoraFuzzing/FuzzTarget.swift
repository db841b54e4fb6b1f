import AgoraAPI
import AgoraDomain
import AgoraSite
import AgoraTemplates
import Foundation
import NIOCore

/// The parsers that read bytes from outside — a marketer's Markdown file, a template, an upload, a search's query
/// string, a typed order reference — each as one function of arbitrary bytes. `agora-fuzz` hands them to libFuzzer
/// (`make fuzz`); the tests replay the inputs kept in `Fuzz/` through the same functions. A parser may refuse any
/// input, with the error it documents; it may not crash, hang, or break the invariant each target checks.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case frontMatter = "front-matter"
    case templates
    case multipart
    case searchParameters = "search-parameters"
    case referenceNumbers = "reference-numbers"

    /// Runs one input.
    public func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .frontMatter:
            _ = try? FrontMatterParser(file: "Content/fuzz.md").parse(text)
        case .templates:
            Self.renderTemplate(text)
        case .multipart:
            Self.readUpload(bytes)
        case .searchParameters:
            Self.search(text)
        case .referenceNumbers:
            Self.reference(text)
        }
    }

    /// Parses the text as a template beside a partial and a parent, and renders what parses over nested values.
    private static func renderTemplate(_ text: String) {
        guard let set = try? TemplateSet(sources: [
            "fuzz": text, "partial": "<p>{{name}}</p>", "parent": "<main>{{$body}}default{{/body}}</main>",
        ]) else { return }
        _ = set.renderText("fuzz", .fields(FuzzFields()))
    }

    /// The body as it arrives over the network, cut in two where its first byte says.
    private static func readUpload(_ bytes: [UInt8]) {
        let reader = MultipartFileReader(boundary: "AgoraFuzzBoundary", maximumBytes: 1_000_000)
        let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        do {
            _ = try reader.read(ByteBuffer(bytes: bytes[..<cut]))
            _ = try reader.read(ByteBuffer(bytes: bytes[cut...]))
            _ = try reader.finish()
            let file = try reader.file()
            precondition(file.size > 0 && file.size <= Int64(bytes.count), "a file is never larger than its body")
            precondition(!file.name.value.contains("/"), "a stored name holds no path")
        } catch {}
    }

    /// A query string read as a saved search reads it: pairs, then every filter of the provider search.
    private static func search(_ text: String) {
        guard let form = try? SavedSearchForm(name: "fuzz", query: text, alert: false) else { return }
        precondition((try? SavedSearchForm(name: "fuzz", query: form.query, alert: false))?.query == form.query,
                     "a canonical query reads back as itself")
    }

    /// A reference as typed; whatever reads as one prints as a reference that reads back the same.
    private static func reference(_ text: String) {
        guard let reference = try? ReferenceNumber(text) else { return }
        precondition((try? ReferenceNumber(reference.value)) == reference, "a reference reads back as itself")
    }
}

/// Values for templates to find: text with markup in it, a number, a flag, a list and a nested object.
private struct FuzzFields: TemplateFields {
    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "name": .text("<script>alert(1)</script> & \"quotes\"")
        case "count": .number(3)
        case "shown": .flag(true)
        case "items": .texts(["one", "<two>", "three"])
        case "nested": .fields(FuzzFields())
        default: nil
        }
    }
}
