import Foundation
import Yams

/// A YAML mapping read strictly: every key must be known (an unknown one is reported with the nearest known
/// key), and each value must have the type asked for. Errors name the file and the line.
struct StrictYAMLMapping {
    let file: String
    /// What the mapping is, for messages: `front matter`, `site settings`.
    let subject: String
    /// Added to YAML line numbers to give file line numbers (front matter starts after the `---` line).
    let lineOffset: Int
    private let values: [String: (node: Node, line: Int)]
    let line: Int

    init(_ node: Node?, known: [String], file: String, subject: String, lineOffset: Int) throws {
        self.file = file
        self.subject = subject
        self.lineOffset = lineOffset
        line = (node?.mark?.line ?? 1) + lineOffset
        guard let mapping = node?.mapping else {
            throw SiteError(file: file, line: line, "\(subject): expected `key: value` lines")
        }
        var values: [String: (Node, Int)] = [:]
        for (keyNode, valueNode) in mapping {
            let keyLine = (keyNode.mark?.line ?? 1) + lineOffset
            guard let key = keyNode.string else { throw SiteError(file: file, line: keyLine, "\(subject): keys must be words") }
            guard known.contains(key) else {
                let hint = Self.nearest(to: key, in: known).map { " (did you mean `\($0)`?)" } ?? ""
                throw SiteError(file: file, line: keyLine, "\(subject): unknown key \"\(key)\"\(hint)")
            }
            values[key] = (valueNode, keyLine)
        }
        self.values = values
    }

    /// Parses YAML text; syntax errors name the file and line.
    static func parse(_ yaml: String, file: String, subject: String, lineOffset: Int) throws -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (line, problem): (Int, String) = switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                (mark.line, problem)
            case .duplicatedKeysInMapping(let duplicates, let context):
                (context.mark.line, "duplicated key \(duplicates.joined(separator: ", "))")
            default:
                (1, "\(error)")
            }
            throw SiteError(file: file, line: line + lineOffset, "\(subject): \(problem)")
        }
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    private func fail(_ key: String, _ message: String) -> SiteError {
        SiteError(file: file, line: values[key]?.line ?? line, "\(subject): `\(key)` \(message)")
    }

    func requiredText(_ key: String) throws -> String {
        guard values[key] != nil else { throw SiteError(file: file, line: line, "\(subject): `\(key)` is required") }
        guard let text = try text(key)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw fail(key, "must be non-empty text")
        }
        return text
    }

    func text(_ key: String) throws -> String? {
        guard let (node, _) = values[key] else { return nil }
        guard node.scalar != nil, let text = node.string else { throw fail(key, "must be text") }
        return text
    }

    func flag(_ key: String) throws -> Bool? {
        guard let (node, _) = values[key] else { return nil }
        guard let value = node.bool else { throw fail(key, "must be true or false") }
        return value
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let (node, _) = values[key] else { return nil }
        guard let value = node.int, range.contains(value) else { throw fail(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)") }
        return value
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let (node, _) = values[key] else { return nil }
        guard let value = node.float, range.contains(value) else { throw fail(key, "must be a number from \(range.lowerBound) to \(range.upperBound)") }
        return value
    }

    func date(_ key: String) throws -> Date? {
        guard let (node, _) = values[key] else { return nil }
        guard let value = node.timestamp else { throw fail(key, "must be a date like 2026-01-31 or 2026-01-31T09:00:00Z") }
        return value
    }

    func textList(_ key: String) throws -> [String]? {
        guard let (node, _) = values[key] else { return nil }
        guard let items = node.sequence?.map({ $0.scalar != nil ? $0.string : nil }), !items.contains(nil) else {
            throw fail(key, "must be a list of texts")
        }
        return items.compactMap { $0 }
    }

    /// One text or a list of texts (`user_agent: "*"` or `user_agent: [GPTBot, CCBot]`).
    func textOrList(_ key: String) throws -> [String]? {
        guard let (node, _) = values[key] else { return nil }
        return node.scalar != nil ? [try requiredText(key)] : try textList(key)
    }

    func choice(_ key: String, from allowed: [String]) throws -> String? {
        guard let value = try text(key) else { return nil }
        guard allowed.contains(value) else { throw fail(key, "must be one of \(allowed.joined(separator: ", "))") }
        return value
    }

    func mapping(_ key: String, known: [String]) throws -> StrictYAMLMapping? {
        guard let (node, _) = values[key] else { return nil }
        guard node.mapping != nil else { throw fail(key, "must be a set of `key: value` lines") }
        return try StrictYAMLMapping(node, known: known, file: file, subject: "\(subject): `\(key)`", lineOffset: lineOffset)
    }

    func mappingList(_ key: String, known: [String]) throws -> [StrictYAMLMapping]? {
        guard let (node, _) = values[key] else { return nil }
        guard let items = node.sequence else { throw fail(key, "must be a list") }
        return try items.map { try StrictYAMLMapping($0, known: known, file: file, subject: "\(subject): `\(key)`", lineOffset: lineOffset) }
    }

    /// A mapping whose keys are free (e.g. locale codes) and whose values are texts.
    func textDictionary(_ key: String) throws -> [String: String]? {
        guard let (node, _) = values[key] else { return nil }
        guard let mapping = node.mapping else { throw fail(key, "must be a set of `key: value` lines") }
        var result: [String: String] = [:]
        for (keyNode, valueNode) in mapping {
            guard let name = keyNode.string, valueNode.scalar != nil, let value = valueNode.string else {
                throw fail(key, "must map names to texts")
            }
            result[name] = value
        }
        return result
    }

    /// The known key within two edits of `key`, if any.
    static func nearest(to key: String, in candidates: [String]) -> String? {
        candidates
            .map { ($0, editDistance(key, $0)) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?
            .0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
