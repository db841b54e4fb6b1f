import AgoraDomain

/// A failure of a command that is not about its arguments: printed as one line, without the usage text.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    /// Every field error of a refused setting or input, on one line: `field: message; field: message`.
    init(_ invalid: AgoraDomain.ValidationError) {
        self.init(invalid.errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
    }
}
