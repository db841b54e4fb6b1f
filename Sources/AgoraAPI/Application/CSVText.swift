/// Text as CSV (RFC 4180) writes it, in one place for every export. A field a spreadsheet would read as a formula
/// (it starts with =, +, - or @) is prefixed with a quote mark, so that text someone typed cannot run in the reader's
/// spreadsheet; a field holding a comma, a quote or a line break is quoted.
enum CSVText {
    static func field(_ text: String) -> String {
        let safe = ["=", "+", "-", "@"].contains(where: text.hasPrefix) ? "'" + text : text
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of fields, ended by CRLF.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
