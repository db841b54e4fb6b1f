import Foundation

/// The most common passwords of public breach corpora: the top 10,000 entries (four characters or more, lower-case)
/// of the frequency list that ships with zxcvbn (MIT licence), kept one a line in `common-passwords.txt` beside this
/// file and read once. A password is refused when it is one of them, or one of them dressed up with capitals,
/// digits, symbols or look-alike characters (`P@ssw0rd2024!`).
enum CommonPasswords {
    static func isBuiltOnCommonPassword(_ password: String) -> Bool {
        let lowered = password.lowercased()
        if list.contains(lowered) { return true }
        let core = String(lowered.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed())
        let undisguised = String(core.map { lookAlikes[$0] ?? $0 })
        let lettersOnly = String(undisguised.filter(\.isLetter))
        return [core, undisguised, lettersOnly].contains { $0.count >= 4 && list.contains($0) }
    }

    private static let lookAlikes: [Character: Character] = [
        "@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s", "5": "s", "7": "t", "+": "t",
    ]

    /// The list, read from the module's resources the first time a password is checked.
    static let list: Set<String> = {
        guard let file = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
              let text = try? String(contentsOf: file, encoding: .utf8)
        else { fatalError("common-passwords.txt is missing from AgoraDomain's resources") }
        return Set(text.split(separator: "\n").map(String.init))
    }()
}
