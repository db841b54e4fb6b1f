/// The password rules, with the numbers the API, the register page and the OpenAPI document all read from here.
public enum PasswordPolicy {
    public static let minimumCharacters = 12
    /// bcrypt reads at most 72 bytes of a password; anything after them would be silently ignored.
    public static let maximumBytes = 72

    /// Every rule `password` breaks, as one field error in plain words, or none.
    public static func problems(with password: String, field: String = "password") -> [FieldError] {
        var missing: [String] = []
        if password.count < minimumCharacters { missing.append("at least \(minimumCharacters) characters") }
        if !password.contains(where: \.isUppercase) { missing.append("an upper-case letter") }
        if !password.contains(where: \.isLowercase) { missing.append("a lower-case letter") }
        if !password.contains(where: { $0.isNumber }) { missing.append("a digit") }
        if !password.contains(where: Self.isSymbol) { missing.append("a symbol such as ! ? # or -") }
        var errors: [FieldError] = []
        if !missing.isEmpty {
            errors.append(FieldError(field: field, message: "needs " + Self.list(missing)))
        }
        if password.utf8.count > maximumBytes {
            errors.append(FieldError(
                field: field,
                message: "must be at most \(maximumBytes) bytes (bcrypt ignores anything longer); "
                    + "accented letters and emoji count as 2 to 4 bytes each"
            ))
        }
        if CommonPasswords.isBuiltOnCommonPassword(password) {
            errors.append(FieldError(
                field: field,
                message: "is built on a commonly used password; pick words nobody would guess"
            ))
        }
        return errors
    }

    /// Throws a `ValidationError` naming `field` when `password` breaks a rule.
    public static func check(_ password: String, field: String = "password") throws {
        let errors = problems(with: password, field: field)
        if !errors.isEmpty { throw ValidationError(errors) }
    }

    static func isSymbol(_ character: Character) -> Bool {
        !character.isLetter && !character.isNumber && !character.isWhitespace
    }

    private static func list(_ parts: [String]) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + last
    }
}
