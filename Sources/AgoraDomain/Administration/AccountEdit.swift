/// What support may correct in an account's details: the names and the phone number with its country, each checked
/// by the rule registration uses. Fields left out keep their value; a new number is read in the current country unless
/// one is sent, and a new country checks the current number against it.
public struct AccountEdit: Sendable, Hashable {
    public let firstName: String?
    public let lastName: String?
    /// The number in E.164 form, and its country.
    public let phone: PhoneNumber?

    /// The edit from what was sent (nil: not sent), or every broken rule at once.
    public init(
        firstName: String?, lastName: String?, phone: String?, country: String?, currentPhone: String?, currentCountry: String?
    ) throws {
        var errors: [FieldError] = []
        func checked<T>(_ make: () throws -> T) -> T? {
            do {
                return try make()
            } catch let invalid as ValidationError {
                errors += invalid.errors
            } catch {
                errors.append(FieldError(field: "account", message: "\(error)"))
            }
            return nil
        }
        self.firstName = firstName.flatMap { text in checked { try PersonName(text, field: "first_name").value } }
        self.lastName = lastName.flatMap { text in checked { try PersonName(text, field: "last_name").value } }
        if phone != nil || country != nil {
            if let number = phone ?? currentPhone, let country = country ?? currentCountry {
                self.phone = checked { try PhoneNumber(number, country: country) }
            } else {
                errors.append(FieldError(field: phone == nil ? "phone" : "country", message: "is required with the other"))
                self.phone = nil
            }
        } else {
            self.phone = nil
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        guard self.firstName != nil || self.lastName != nil || self.phone != nil else {
            throw ValidationError(field: "account", message: "name at least one field to change")
        }
    }
}
