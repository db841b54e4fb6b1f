import CLibXML2
import Foundation

/// Validates XML documents against an XML Schema with libxml2, never touching the network.
public enum XMLSchemaValidator {
    /// The problems found, one line each; empty when the document is valid.
    public static func validate(_ document: Data, schema: URL) throws -> [String] {
        let schemaData = try Data(contentsOf: schema)
        guard let parserContext = schemaData.withUnsafeBytes({ xmlSchemaNewMemParserCtxt($0.baseAddress?.assumingMemoryBound(to: CChar.self), Int32($0.count)) }) else {
            throw TestSetupError("cannot read schema \(schema.lastPathComponent)")
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        guard let parsedSchema = xmlSchemaParse(parserContext) else { throw TestSetupError("schema \(schema.lastPathComponent) does not parse") }
        defer { xmlSchemaFree(parsedSchema) }
        guard let validation = xmlSchemaNewValidCtxt(parsedSchema) else { throw TestSetupError("no validation context") }
        defer { xmlSchemaFreeValidCtxt(validation) }

        let collector = ErrorCollector()
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        xmlSchemaSetValidStructuredErrors(validation, { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            collector.messages.append("line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }, unmanaged.toOpaque())

        guard let xml = document.withUnsafeBytes({ xmlReadMemory($0.baseAddress?.assumingMemoryBound(to: CChar.self), Int32($0.count), nil, nil, Int32(XML_PARSE_NONET.rawValue)) }) else {
            return ["the document is not well-formed XML"]
        }
        defer { xmlFreeDoc(xml) }
        let result = xmlSchemaValidateDoc(validation, xml)
        if result != 0 && collector.messages.isEmpty { collector.messages.append("invalid (libxml2 code \(result))") }
        return collector.messages
    }

    private final class ErrorCollector {
        var messages: [String] = []
    }
}
