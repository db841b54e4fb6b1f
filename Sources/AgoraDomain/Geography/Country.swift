/// A country the marketplace knows: its English name, ISO 3166-1 alpha-2 code, international dial code and the
/// lengths its national (significant) phone numbers can have.
public struct Country: Sendable, Hashable, Codable {
    /// ISO 3166-1 alpha-2, upper-case (`FR`).
    public let code: String
    public let name: String
    /// The E.164 country calling code without `+` (`33`). Several countries can share one (`1`, `7`).
    public let dialCode: String
    /// How many digits the number has after the dial code, without the national trunk prefix (`0`).
    public let nationalNumberLengths: ClosedRange<Int>

    public init(code: String, name: String, dialCode: String, nationalNumberLengths: ClosedRange<Int>) {
        self.code = code
        self.name = name
        self.dialCode = dialCode
        self.nationalNumberLengths = nationalNumberLengths
    }
}
