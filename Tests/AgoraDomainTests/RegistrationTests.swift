import AgoraDomain
import Testing

@Suite struct RegistrationTests {
    let legal = LegalVersions(terms: "2026-11", privacy: "2026-10")

    func form(
        firstName: String? = "Ada", lastName: String? = "O'Neil-Lovelace", email: String? = " Ada@Example.COM ",
        password: String? = "Violet-Harbour-Lantern-7", phone: String? = "06 12 34 56 78", country: String? = "fr",
        userType: String? = "client", terms: String? = "2026-11", privacy: String? = "2026-10"
    ) -> RegistrationForm {
        RegistrationForm(
            firstName: firstName, lastName: lastName, email: email, password: password, phone: phone, country: country,
            userType: userType, acceptedTermsVersion: terms, acceptedPrivacyVersion: privacy
        )
    }

    func fields(of form: RegistrationForm) -> [String] {
        do {
            _ = try form.validated(current: legal)
            return []
        } catch let error as ValidationError {
            return error.errors.map(\.field)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func aValidFormIsNormalised() throws {
        let registration = try form().validated(current: legal)
        #expect(registration.email.value == "ada@example.com")
        #expect(registration.phone.e164 == "+33612345678")
        #expect(registration.phone.countryCode == "FR")
        #expect(registration.lastName.value == "O'Neil-Lovelace")
        #expect(registration.userType == .client)
    }

    @Test func everyMissingFieldIsNamed() {
        let empty = RegistrationForm(
            firstName: nil, lastName: nil, email: nil, password: nil, phone: nil, country: nil, userType: nil,
            acceptedTermsVersion: nil, acceptedPrivacyVersion: nil
        )
        #expect(Set(fields(of: empty)) == [
            "first_name", "last_name", "email", "password", "country", "user_type",
            "accepted_terms_version", "accepted_privacy_version",
        ])
    }

    @Test func adminsCannotRegisterThemselves() {
        #expect(fields(of: form(userType: "admin")) == ["user_type"])
        #expect(fields(of: form(userType: "provider")) == [])
    }

    @Test func anOlderVersionOfTheTermsIsNotConsent() {
        #expect(fields(of: form(terms: "2025-01")) == ["accepted_terms_version"])
        #expect(fields(of: form(privacy: "")) == ["accepted_privacy_version"])
    }

    @Test(arguments: ["<script>alert(1)</script>", "Robert'); DROP TABLE users;--", "Ada\u{0}", "   ", "A1"])
    func namesHoldOnlyNameCharacters(name: String) {
        #expect(fields(of: form(firstName: name)) == ["first_name"])
    }

    @Test func namesHaveALimit() {
        #expect(fields(of: form(lastName: String(repeating: "a", count: PersonName.maximumLength))) == [])
        #expect(fields(of: form(lastName: String(repeating: "a", count: PersonName.maximumLength + 1))) == ["last_name"])
    }

    @Test func namesInOtherScriptsAreWelcome() {
        #expect(fields(of: form(firstName: "Zoë", lastName: "李")) == [])
    }
}
