/// A language a provider works in, and how well.
public struct LanguageSkill: Hashable, Sendable, Codable {
    /// How well a provider speaks a language, from the most fluent.
    public enum Level: String, Sendable, Codable, CaseIterable {
        case native
        case fluent
        case conversational
        case basic
    }

    /// ISO 639-1 code, lower case.
    public let code: String
    public let level: Level

    public init(code: String, level: Level) {
        self.code = code
        self.level = level
    }
}
