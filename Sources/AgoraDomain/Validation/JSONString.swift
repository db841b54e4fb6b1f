import Foundation

/// JSON string literals written by hand, where the text around them is JSON too (patterns in the OpenAPI
/// document, the fields an audit entry hashes): one escaping for all of them.
public enum JSONString {
    /// `text` as a JSON string literal, quotes included.
    public static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
