import Foundation

/// Where the service may send a browser back to after signing in (`next`): a path on this site, nothing else. The
/// islands apply the same rule (`Agora.auth.nextPath` in `agora.js`).
enum SameSiteRedirect {
    static let maximumLength = 500

    /// The path when it stays on this site; nil otherwise. Browsers drop tabs and newlines from URLs and read a
    /// backslash as a slash, so `/\t/evil.example` and `/\evil.example` are other origins in disguise: any control
    /// character or backslash refuses the target outright, before it is parsed against a stand-in origin and kept
    /// only if the origin did not change.
    static func path(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), next.utf8.count <= maximumLength,
              !next.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" })
        else { return nil }
        let origin = URL(string: "https://agora.invalid")!
        guard let resolved = URL(string: next, relativeTo: origin)?.absoluteURL,
              resolved.scheme == origin.scheme, resolved.host == origin.host, resolved.port == nil, resolved.user == nil
        else { return nil }
        return next
    }
}
