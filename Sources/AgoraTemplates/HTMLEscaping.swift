/// The HTML escaping of `{{name}}`: `&`, `<`, `>`, `"` and `'`, which makes text safe in element content and in
/// quoted attribute values.
enum HTMLEscaping {
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            ByteEscaping.append(UnsafeRawBufferPointer(bytes), to: &output) { byte in
                switch byte {
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "\""): "&quot;"
                case UInt8(ascii: "'"): "&#39;"
                default: nil
                }
            }
        }
    }
}

/// Text made safe for HTML outside a template (`{{name}}`'s escaping): for HTML a page assembles itself.
public enum HTMLText {
    public static func escaped(_ text: String) -> String {
        var output: [UInt8] = []
        HTMLEscaping.append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
