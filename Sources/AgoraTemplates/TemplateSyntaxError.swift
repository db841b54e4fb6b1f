import Foundation

/// A template that cannot be parsed or names a partial that does not exist, with where it happened.
public struct TemplateSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The template's name (its path below the templates' directory, without `.mustache`).
    public var template: String
    public let message: String
    /// 1-based line and column of the tag at fault.
    public let line: Int
    public let column: Int
    /// The text of that line, to show next to the message.
    public let lineText: String

    /// `message (column N: the line)`, the part after the file and line.
    public var explanation: String {
        "\(message) (column \(column): \(lineText.trimmingCharacters(in: .whitespaces)))"
    }

    public var description: String { "\(template).mustache:\(line): \(explanation)" }
}
