import Foundation

/// The public address of the site (`--base-url` / `AGORA_BASE_URL`): every canonical URL, sitemap entry and
/// robots line is built from it.
public struct SiteURL: Sendable, Equatable, CustomStringConvertible {
    /// Scheme, host and optional port and path prefix, without a trailing slash: `https://agora.example`.
    public let base: String

    public init(_ raw: String) throws {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil, components.user == nil
        else {
            throw SiteError(file: nil, "invalid base URL \"\(raw)\": expected http(s)://host[:port][/path], without query or fragment")
        }
        var text = trimmed
        while text.hasSuffix("/") { text.removeLast() }
        base = text
    }

    /// The absolute URL of a site-relative path such as `/providers/ada/`.
    public func absolute(_ path: String) -> String {
        base + (path.hasPrefix("/") ? path : "/" + path)
    }

    public var description: String { base }
}
