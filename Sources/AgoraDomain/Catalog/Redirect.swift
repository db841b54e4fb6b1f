/// A rule that sends an old URL somewhere else, or says it is gone for good.
public struct Redirect: Hashable, Sendable, Codable {
    public enum Status: Int, Sendable, Codable, CaseIterable {
        case movedPermanently = 301
        case found = 302
        case gone = 410
    }

    /// A site path: `/old-page/`.
    public let from: String
    /// A site path or an absolute http(s) URL; nil for `gone`.
    public let to: String?
    public let status: Status

    /// Checks the rule: `from` must be a site path, `to` a site path or http(s) URL (none for 410), and the two
    /// must differ.
    public init(from: String, to: String?, status: Status) throws {
        var errors: [FieldError] = []
        if !Self.isSitePath(from) {
            errors.append(FieldError(field: "from", message: "must be a site path starting with / (no .., spaces or query)"))
        }
        switch (status, to) {
        case (.gone, .some):
            errors.append(FieldError(field: "to", message: "must be empty for 410 Gone"))
        case (.gone, nil):
            break
        case (_, nil):
            errors.append(FieldError(field: "to", message: "is required for \(status.rawValue)"))
        case (_, .some(let target)):
            if !Self.isSitePath(target) && !Self.isWebURL(target) {
                errors.append(FieldError(field: "to", message: "must be a site path or an http(s) URL"))
            } else if target == from {
                errors.append(FieldError(field: "to", message: "must differ from `from`"))
            }
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        self.from = from
        self.to = to
        self.status = status
    }

    /// A path on this site: starts with one slash, no `..` segment, no spaces, query, fragment or quotes.
    public static func isSitePath(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix("//") && path.count <= 2048
            && !path.split(separator: "/").contains("..")
            && !path.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" || $0 == "\"" || $0 == "\\" || $0 == ";" })
    }

    static func isWebURL(_ url: String) -> Bool {
        (url.hasPrefix("https://") || url.hasPrefix("http://")) && url.count <= 2048
            && !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == ";" })
    }
}
