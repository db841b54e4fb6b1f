import Foundation

/// Where the previous page of a search ended: the sort it belongs to, the last provider's sort value and id.
/// Opaque to clients (base64url text); the next page starts strictly after it, so pages neither repeat nor skip
/// a provider while the data does not change.
public struct SearchCursor: Hashable, Sendable {
    public let sort: SearchSort
    public let value: Double
    public let providerID: Int64

    public init(sort: SearchSort, value: Double, providerID: Int64) {
        self.sort = sort
        self.value = value
        self.providerID = providerID
    }

    public var token: String {
        let text = "\(sort.rawValue)|\(value)|\(providerID)"
        return Base64URL.encode(Data(text.utf8))
    }

    /// Reads a token made by `token`; anything else (or a cursor of another sort) is a field error on `cursor`.
    public init(token: String, expectedSort: SearchSort) throws {
        let invalid = ValidationError(field: "cursor", message: "is not a cursor of this search: start again from the first page")
        guard token.count <= 200 else { throw invalid }
        guard let data = Base64URL.decode(token), let text = String(data: data, encoding: .utf8) else { throw invalid }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, let sort = SearchSort(rawValue: String(parts[0])), sort == expectedSort,
              let value = Double(parts[1]), value.isFinite, let id = Int64(parts[2]) else { throw invalid }
        self.init(sort: sort, value: value, providerID: id)
    }
}
