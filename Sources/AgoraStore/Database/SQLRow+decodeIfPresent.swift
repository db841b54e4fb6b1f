import SQLKit

extension SQLRow {
    /// The column's value, nil when it is NULL. Same as `decode(column:as: T?.self)` (a missing column is still an
    /// error), without the generic `Optional` decoding path, which costs several times a plain decode: reading a
    /// hundred thousand providers decodes a million optional columns.
    func decodeIfPresent<T: Decodable>(column: String, as type: T.Type) throws -> T? {
        guard contains(column: column) else { return try decode(column: column, as: T?.self) }
        return try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}
