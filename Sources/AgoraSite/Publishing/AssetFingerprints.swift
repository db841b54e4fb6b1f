import AgoraPublishedSite
import Foundation

/// Content-hashed names for the stylesheets and scripts of `Layouts/assets/` (`site.css` → `site.3f2a9c1d0b.css`),
/// so they can be cached for a year: a changed file gets a new name, and every page refers to the new name
/// (templates write `{{site.stylesheet}}`).
struct AssetFingerprints: Sendable {
    /// Site path of the original → site path of the fingerprinted copy.
    let renamed: [String: String]
    private let files: [(source: URL, name: String)]

    init(assetsDirectory: URL) throws {
        var renamed: [String: String] = [:]
        var files: [(URL, String)] = []
        let root = assetsDirectory.standardizedFileURL.path
        if let enumerator = FileManager.default.enumerator(at: assetsDirectory, includingPropertiesForKeys: nil) {
            for case let file as URL in enumerator where FingerprintedAssets.extensions.contains(file.pathExtension) {
                let relative = String(file.standardizedFileURL.path.dropFirst(root.count))
                let fingerprint = InputKey(String(decoding: try Data(contentsOf: file), as: UTF8.self)).description
                let name = FingerprintedAssets.name(of: relative, digest: fingerprint)
                renamed["/assets" + relative] = "/assets" + name
                files.append((file, name))
            }
        }
        self.renamed = renamed
        self.files = files.sorted { $0.1 < $1.1 }
    }

    /// The URL pages use for an asset: its fingerprinted copy when it has one.
    func url(of sitePath: String) -> String { renamed[sitePath] ?? sitePath }

    /// Writes the fingerprinted copies beside the originals.
    func write(to output: any SiteOutput) throws {
        for (source, name) in files {
            try output.write(try Data(contentsOf: source), to: "assets" + name)
        }
    }
}
