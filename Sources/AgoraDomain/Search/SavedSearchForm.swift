import Foundation

/// A search a signed-in person keeps: a name, the search's parameters and whether new matches should be emailed.
/// `query` is kept as a query string without paging (`cursor`, `limit`), in the order of the names.
public struct SavedSearchForm: Hashable, Sendable {
    public static let maximumNameLength = 100
    /// More than this many would be a list nobody reads; the oldest can be deleted.
    public static let maximumPerAccount = 50

    public let name: String
    public let query: String
    public let alert: Bool

    /// Checks the name and that the query is a valid search; each bad part is a field error (`name`, `query`,
    /// or `query.<parameter>`).
    public init(name: String?, query: String?, alert: Bool) throws {
        var errors: [FieldError] = []
        let trimmedName = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedName.isEmpty {
            errors.append(FieldError(field: "name", message: "is required"))
        } else if trimmedName.count > Self.maximumNameLength {
            errors.append(FieldError(field: "name", message: "must be at most \(Self.maximumNameLength) characters"))
        }
        var canonical = ""
        if let query {
            let pairs = Self.pairs(of: query)
            if pairs == nil {
                errors.append(FieldError(field: "query", message: "is not a query string such as q=swift&country=FR"))
            } else if let pairs {
                let kept = pairs.filter { $0.name != "cursor" && $0.name != "limit" }
                do {
                    _ = try ProviderSearchQuery(parameters: kept)
                    canonical = kept.sorted { ($0.name, $0.value) < ($1.name, $1.value) }
                        .map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
                } catch let invalid as ValidationError {
                    errors += invalid.errors.map { FieldError(field: "query.\($0.field)", message: $0.message) }
                } catch {
                    errors.append(FieldError(field: "query", message: "is not a valid search"))
                }
            }
        } else {
            errors.append(FieldError(field: "query", message: "is required"))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        self.name = trimmedName
        self.query = canonical
        self.alert = alert
    }

    /// The parameters of a saved query string, decoded (`+` is a space); nil when it does not decode.
    public static func pairs(of query: String) -> [(name: String, value: String)]? {
        let text = query.hasPrefix("?") ? String(query.dropFirst()) : query
        guard text.count <= 2_000 else { return nil }
        var pairs: [(name: String, value: String)] = []
        for part in text.split(separator: "&") {
            let sides = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = sides[0].replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                  let value = (sides.count > 1 ? String(sides[1]) : "").replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            else { return nil }
            pairs.append((name, value))
        }
        return pairs
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~,")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
