/// The names of content-hashed copies of stylesheets and scripts (`/assets/site.css` → `/assets/site.3f2a9c1d0b.css`):
/// the generator names the copies, `agora serve` lets browsers keep them for a year. A changed file gets a new name.
public enum FingerprintedAssets {
    /// The kinds of file that get a fingerprinted copy.
    public static let extensions: Set<String> = ["css", "js"]
    /// Hexadecimal digits of the content hash in the name.
    public static let hashLength = 10

    /// The copy's name for a file (`site.css`, or a path) and the hex digest of its content.
    public static func name(of file: String, digest: String) -> String {
        let dot = file.lastIndex(of: ".") ?? file.endIndex
        return file[..<dot] + "." + digest.prefix(hashLength) + file[dot...]
    }

    /// Whether a site path names a fingerprinted copy, which never changes and may be cached for good.
    public static func isFingerprinted(_ path: String) -> Bool {
        guard path.hasPrefix("/assets/") else { return false }
        let fileName = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let parts = fileName.split(separator: ".")
        guard parts.count >= 3, let kind = parts.last, extensions.contains(String(kind)) else { return false }
        let hash = parts[parts.count - 2]
        return hash.count == hashLength && hash.allSatisfy(\.isHexDigit)
    }
}
