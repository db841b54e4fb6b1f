import Foundation

/// The rules every form of the domain reads its fields by: trimmed one-line or multiline text within a length, a
/// choice among an enum's values, a bounded list. Each broken rule becomes a field error named as the API names the
/// field; the caller gathers them and throws them at once.
public enum FieldReading {
    /// Trimmed text within `length`, without control characters (line breaks only where `multiline`).
    public static func text(_ raw: String?, field: String, length: ClosedRange<Int>, multiline: Bool, errors: inout [FieldError]) -> String? {
        let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if raw == nil || text.isEmpty {
            errors.append(FieldError(field: field, message: "is required"))
            return nil
        }
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 && !(multiline && ($0 == "\n" || $0 == "\r" || $0 == "\t"))) || $0.value == 0x7F }) {
            errors.append(FieldError(field: field, message: multiline ? "must not contain control characters" : "must be one line without control characters"))
            return nil
        }
        guard length.contains(text.count) else {
            errors.append(FieldError(field: field, message: "must be \(length.lowerBound) to \(length.upperBound) characters"))
            return nil
        }
        return text
    }

    public static func choice<T: RawRepresentable & CaseIterable>(_ raw: String?, field: String, default value: T, errors: inout [FieldError]) -> T? where T.RawValue == String {
        guard let raw else { return value }
        guard let chosen = T(rawValue: raw) else {
            errors.append(FieldError(field: field, message: "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        return chosen
    }

    public static func list(_ items: [String], field: String, maximum: Int, length: ClosedRange<Int>, errors: inout [FieldError]) -> [String] {
        if items.count > maximum {
            errors.append(FieldError(field: field, message: "must have at most \(maximum) entries"))
            return []
        }
        var kept: [String] = []
        for (index, item) in items.enumerated() {
            if let text = text(item, field: "\(field)[\(index)]", length: length, multiline: false, errors: &errors) { kept.append(text) }
        }
        return kept
    }

    /// An absolute `http` or `https` URL with a host, without spaces or control characters; nil when empty.
    public static func webLink(_ raw: String?, field: String, maximumLength: Int, errors: inout [FieldError]) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard raw.count <= maximumLength else {
            errors.append(FieldError(field: field, message: "must be at most \(maximumLength) characters"))
            return nil
        }
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, !raw.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else {
            errors.append(FieldError(field: field, message: "must be a web address starting with https:// or http://"))
            return nil
        }
        return raw
    }

    /// An RFC 3339 date and time with its offset (`2026-12-07T09:30:00Z`, fractions of a second allowed); nil for
    /// anything else.
    public static func instant(_ text: String) -> Date? {
        guard text.count <= 40 else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: text)
    }

    public static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0.lowercased()).inserted }
    }
}
