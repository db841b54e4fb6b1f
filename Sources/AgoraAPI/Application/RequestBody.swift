import AgoraDomain

/// A request body: one JSON object with known fields, read field by field so that every bad field is named in one
/// problem document. Routes get it through the context's decoder (`request.decode(as:context:)`).
protocol RequestBody: Decodable {
    /// The fields it may hold; any other is refused by name (422).
    static var fields: Set<String> { get }
    /// Reads the fields from `body`, which records an error for each bad one; they are thrown together afterwards.
    init(reading body: inout JSONObjectBody) throws
}

extension RequestBody {
    init(from decoder: any Decoder) throws {
        var body = try JSONObjectBody(decoding: decoder, allowing: Self.fields)
        try self.init(reading: &body)
        try body.finish()
    }
}
