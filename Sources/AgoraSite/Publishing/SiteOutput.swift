import Foundation

/// Where a build writes: a staging directory swapped in at the end (full builds), or the live site itself,
/// one file at a time (incremental builds). Writes of different files may run at the same time.
protocol SiteOutput: AnyObject, Sendable {
    /// The directory files are written into.
    var root: URL { get }
    /// Writes a file unless it already holds exactly these bytes; returns whether it wrote.
    @discardableResult
    func write(_ bytes: some ContiguousBytes, to relativePath: String) throws -> Bool
    func remove(_ relativePath: String)
    /// Makes the build visible.
    func finish() throws
    /// Throws away what a failed build wrote, where that is possible.
    func discard()
}

extension SiteOutput {
    /// Whether the file is there: a bare `access(2)`, because a rebuild asks it for every page it keeps.
    func fileExists(_ relativePath: String) -> Bool {
        access(root.path + "/" + relativePath, F_OK) == 0
    }

    /// Copies a directory (the assets) file by file, writing only the files that differ.
    func copyDirectory(_ source: URL, to relativePath: String) throws {
        guard let enumerator = FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        for case let file as URL in enumerator where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(file.standardizedFileURL.path.dropFirst(source.standardizedFileURL.path.count))
            try write(try Data(contentsOf: file), to: relativePath + relative)
        }
    }
}

/// Where pages live on disk.
enum SitePaths {
    /// The file of a page: `/providers/ada/` is `providers/ada/index.html`, `/404.html` is `404.html`.
    static func file(ofPage urlPath: String) -> String {
        urlPath.hasSuffix("/") ? String(urlPath.dropFirst()) + "index.html" : String(urlPath.dropFirst())
    }
}
