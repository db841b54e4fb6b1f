import AgoraDomain

/// The `_redirects` file a build publishes at the root of the site (Netlify and Cloudflare Pages format: one
/// `from to status` line per redirect). The generator writes it and `agora serve` answers from it, both through
/// this one definition of its name and lines.
public enum PublishedRedirects {
    public static let fileName = "_redirects"

    /// The file's text; a redirect without a target (410) points at `notFoundPath`, as those hosts expect.
    public static func text(of redirects: [Redirect], notFoundPath: String) -> String {
        redirects.map { "\($0.from) \($0.to ?? notFoundPath) \($0.status.rawValue)\n" }.joined()
    }

    /// Reads the file, skipping lines it does not understand.
    public static func parse(_ text: String) -> [Redirect] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 3, let code = Int(parts[2]), let status = Redirect.Status(rawValue: code) else { return nil }
            return try? Redirect(from: parts[0], to: status == .gone ? nil : parts[1], status: status)
        }
    }
}
