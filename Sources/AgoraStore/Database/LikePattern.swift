/// LIKE patterns from what people type: `%` and `_` match themselves (with `ESCAPE '\'` in the query).
enum LikePattern {
    /// Matches any text that contains `text`.
    static func containing(_ text: String) -> String {
        "%" + escaped(text) + "%"
    }

    /// Matches any text that starts with `text`.
    static func starting(_ text: String) -> String {
        escaped(text) + "%"
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
