import CLibXML2
import Foundation

/// A page parsed as a browser or crawler would (libxml2's HTML parser, never touching the network), queried with
/// XPath.
public final class HTMLDocument {
    private let document: htmlDocPtr

    public init(_ html: String) throws {
        let parsed = html.withCString { pointer in
            htmlReadMemory(pointer, Int32(strlen(pointer)), nil, "UTF-8",
                           Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue))
        }
        guard let parsed else { throw SiteError(file: nil, "the HTML does not parse") }
        document = parsed
    }

    public convenience init(contentsOf file: URL) throws {
        try self.init(String(contentsOf: file, encoding: .utf8))
    }

    deinit { xmlFreeDoc(document) }

    /// The text content of every node the expression selects (attributes give their value).
    public func strings(_ xpath: String) -> [String] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let nodes = result.pointee.nodesetval, nodes.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(nodes.pointee.nodeNr)).compactMap { index in
            guard let node = nodes.pointee.nodeTab[index], let content = xmlNodeGetContent(node) else { return nil }
            defer { agora_xml_free(content) }
            return String(cString: content)
        }
    }

    public func string(_ xpath: String) -> String? { strings(xpath).first }

    public func count(_ xpath: String) -> Int { strings(xpath).count }
}
