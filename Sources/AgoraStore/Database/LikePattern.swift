/// LIKE patterns from what people type: `%` and `_` match themselves (with `ESCAPE '\'` in the query).
enum LikePattern {
    /// Matches any text that contains `text`.
    static func containing(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
