@testable import AgoraDomain
import Testing

@Suite struct PasswordPolicyTests {
    func messages(_ password: String) -> [String] {
        PasswordPolicy.problems(with: password).map(\.message)
    }

    @Test func aLongMixedPasswordPasses() {
        #expect(messages("Violet-Harbour-Lantern-7").isEmpty)
        #expect(messages("Zx9!qT4#mW2$").isEmpty)
    }

    @Test func eachMissingClassIsListed() {
        #expect(messages("short") == [
            "needs at least 12 characters, an upper-case letter, a digit and a symbol such as ! ? # or -",
        ])
        #expect(messages("violet-harbour-lantern-7") == ["needs an upper-case letter"])
        #expect(messages("VIOLET-HARBOUR-LANTERN-7") == ["needs a lower-case letter"])
        #expect(messages("Violet-Harbour-Lantern") == ["needs a digit"])
        #expect(messages("VioletHarbourLantern7") == ["needs a symbol such as ! ? # or -"])
    }

    @Test func bcryptsLimitIsCountedInBytesAndExplained() {
        let seventyTwo = "Aa1!" + String(repeating: "x", count: 68)
        #expect(messages(seventyTwo).isEmpty)
        let seventyThree = seventyTwo + "y"
        #expect(messages(seventyThree).count == 1)
        #expect(messages(seventyThree).first?.contains("bcrypt") == true)
        let accented = "Aa1!" + String(repeating: "é", count: 35)
        #expect(accented.count == 39)
        #expect(messages(accented).first?.contains("72 bytes") == true)
    }

    @Test(arguments: ["Password123!", "P@ssw0rd2024!", "!!Qwerty123456", "Monkey-12345678", "Football#2026"])
    func commonPasswordsInDisguiseAreRefused(password: String) {
        #expect(CommonPasswords.isBuiltOnCommonPassword(password))
        #expect(messages(password).contains { $0.contains("commonly used") })
    }

    @Test func uncommonPassphrasesAreNotMistakenForCommonOnes() {
        #expect(!CommonPasswords.isBuiltOnCommonPassword("Violet-Harbour-Lantern-7"))
        #expect(!CommonPasswords.isBuiltOnCommonPassword("Zx9!qT4#mW2$"))
    }

    @Test("the list is read whole from the module's resource file")
    func listReadFromTheResource() {
        #expect(CommonPasswords.list.count == 10_000)
        #expect(CommonPasswords.list.contains("p@ssw0rd"))
        #expect(!CommonPasswords.list.contains(""))
    }
}
