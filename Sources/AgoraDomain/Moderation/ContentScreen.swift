import Foundation

/// The automatic filters that read text: blocked words, link spam and contact details. Each finding names its kind
/// and what matched (shown to the moderator). Duplicates and posting rates need the store and are counted there.
public struct ContentScreen: Sendable {
    /// One filter's finding.
    public struct Finding: Sendable, Hashable {
        public let kind: FlagKind
        public let detail: String

        public init(kind: FlagKind, detail: String) {
            self.kind = kind
            self.detail = detail
        }
    }

    /// Lower-case words and phrases, matched whole in any case (`moderation.blocked-words`).
    public let blockedWords: [String]

    /// Links in one text from which it counts as link spam.
    public static let linkLimit = 3
    /// Services that hide where a link goes.
    static let shorteners = ["bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at"]
    /// Messaging services people name to move a conversation off the platform.
    static let messengers = ["whatsapp", "telegram", "skype", "wechat", "viber", "signal me", "kik", "snapchat"]

    public init(blockedWords: [String]) {
        self.blockedWords = blockedWords
    }

    /// What the filters find in `text`, one finding per kind.
    public func screen(_ text: String) -> [Finding] {
        var findings: [Finding] = []
        let lowered = text.lowercased()
        let blocked = blockedWords.filter { Self.containsWhole($0, in: lowered) }
        if !blocked.isEmpty { findings.append(Finding(kind: .blockedWords, detail: blocked.joined(separator: ", "))) }
        let links = Self.matches(Self.link, in: text)
        let shortened = links.filter { link in Self.shorteners.contains { link.lowercased().contains($0 + "/") } }
        if links.count >= Self.linkLimit || !shortened.isEmpty {
            findings.append(Finding(kind: .linkSpam, detail: shortened.isEmpty ? "\(links.count) links" : "shortened link \(shortened[0])"))
        }
        var contacts = Self.matches(Self.email, in: text)
        contacts += Self.matches(Self.phone, in: text).filter { $0.filter(\.isNumber).count >= 9 }
        contacts += Self.matches(Self.handle, in: text).map { $0.trimmingCharacters(in: .whitespaces) }
        contacts += Self.messengers.filter { Self.containsWhole($0, in: lowered) }
        if !contacts.isEmpty { findings.append(Finding(kind: .contactDetails, detail: contacts.prefix(3).joined(separator: ", "))) }
        return findings
    }

    /// The links written in `text` (`https://…`, `www.…`).
    public static func links(in text: String) -> [String] {
        matches(link, in: text)
    }

    /// The text reduced to what makes two posts the same: letters and digits, lower case. Short texts have no
    /// fingerprint (many people write "Hello").
    public static func fingerprintText(_ text: String) -> String? {
        let reduced = String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
        return reduced.count >= 40 ? reduced : nil
    }

    private static let link = try! NSRegularExpression(pattern: #"(?:https?://|www\.)[^\s<>"]+"#, options: [.caseInsensitive])
    private static let email = try! NSRegularExpression(
        pattern: #"[A-Z0-9._%+-]+\s*(?:@|\(at\)|\[at\])\s*[A-Z0-9-]+(?:\s*(?:\.|\(dot\)|\[dot\])\s*[A-Z0-9-]+)*\s*(?:\.|\(dot\)|\[dot\])\s*[A-Z]{2,}"#,
        options: [.caseInsensitive]
    )
    private static let phone = try! NSRegularExpression(pattern: #"\+?\d[\d\s().-]{7,}\d"#)
    private static let handle = try! NSRegularExpression(pattern: #"(?:^|\s)@[A-Za-z0-9_.]{3,}"#)

    private static func matches(_ expression: NSRegularExpression, in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    /// Whether `phrase` occurs in `text` with no letter or digit on either side.
    private static func containsWhole(_ phrase: String, in text: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: phrase, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before?.isLetter ?? false || before?.isNumber ?? false) && !(after?.isLetter ?? false || after?.isNumber ?? false) {
                return true
            }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }
}
