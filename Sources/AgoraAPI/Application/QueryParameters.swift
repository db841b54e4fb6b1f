import Hummingbird

/// The query string of a request as `name=value` pairs in order, decoded the way browsers encode forms and
/// `URLSearchParams` (`+` is a space, `%XX` a byte). A name or value that does not decode to UTF-8 is a
/// validation error on that name, never a 500.
enum QueryParameters {
    static let maximumLength = 4_096

    static func pairs(of request: Request) throws -> [(name: String, value: String)] {
        guard let query = request.uri.query, !query.isEmpty else { return [] }
        guard query.utf8.count <= maximumLength else {
            throw Problem(status: .badRequest, detail: "The query string is longer than \(maximumLength) bytes.", type: .invalidQuery)
        }
        return try query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0], field: String(parts[0]))
            let value = parts.count > 1 ? try decode(parts[1], field: name) : ""
            return (name, value)
        }
    }

    /// The first value of `name`, decoded like `pairs`.
    static func first(_ name: String, of request: Request) throws -> String? {
        try pairs(of: request).first { $0.name == name }?.value
    }

    private static func decode(_ text: Substring, field: String) throws -> String {
        guard let decoded = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
            throw Problem.invalidQuery([.init(field: String(field.prefix(60)), message: "is not valid percent-encoded UTF-8")])
        }
        return decoded
    }
}
