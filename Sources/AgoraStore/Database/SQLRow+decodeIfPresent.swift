import SQLKit

extension SQLRow {
    /// The column's value, nil when it is NULL. Same as `decode(column:as: T?.self)`, without the generic
    /// `Optional` decoding path, which costs several times a plain decode: reading a hundred thousand providers
    /// decodes a million optional columns.
    func decodeIfPresent<T: Decodable>(column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}
