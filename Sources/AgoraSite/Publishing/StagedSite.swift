import CAtomicRename
import Foundation

/// A new site written into a directory beside the live one and swapped in whole when complete, so visitors and
/// crawlers see the old site or the new one, never a mix. If the build fails, the staging directory is removed
/// and the live site is left exactly as it was.
final class StagedSite {
    let liveDirectory: URL
    let stagingDirectory: URL
    private(set) var filesWritten = 0

    init(replacing liveDirectory: URL) throws {
        let liveDirectory = liveDirectory.standardizedFileURL
        self.liveDirectory = liveDirectory
        let parent = liveDirectory.deletingLastPathComponent()
        stagingDirectory = parent.appendingPathComponent(".\(liveDirectory.lastPathComponent).building-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: stagingDirectory, withIntermediateDirectories: false)
        } catch {
            throw SiteError(file: liveDirectory.path, "cannot create the output directory: \(error.localizedDescription)")
        }
    }

    /// Writes a page at a site-relative URL path: `/providers/ada/` becomes `providers/ada/index.html`.
    func writePage(_ html: String, at urlPath: String) throws {
        let relative = urlPath.hasSuffix("/") ? String(urlPath.dropFirst()) + "index.html" : String(urlPath.dropFirst())
        try write(html, to: relative)
    }

    /// Whether the new site already has a page or file at a site path.
    func hasPage(at urlPath: String) -> Bool {
        let relative = urlPath.hasSuffix("/") ? String(urlPath.dropFirst()) + "index.html" : String(urlPath.dropFirst())
        return FileManager.default.fileExists(atPath: stagingDirectory.appendingPathComponent(relative).path)
    }

    func write(_ text: String, to relativePath: String) throws {
        let file = stagingDirectory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8)) else {
            throw SiteError(file: file.path, "cannot be written")
        }
        filesWritten += 1
    }

    func openForWriting(_ relativePath: String) throws -> FileHandle {
        let file = stagingDirectory.appendingPathComponent(relativePath)
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw SiteError(file: file.path, "cannot be written")
        }
        filesWritten += 1
        return try FileHandle(forWritingTo: file)
    }

    /// Copies a directory (the assets) into the new site.
    func copyDirectory(_ source: URL, to relativePath: String) throws {
        guard FileManager.default.fileExists(atPath: source.path) else { return }
        try FileManager.default.copyItem(at: source, to: stagingDirectory.appendingPathComponent(relativePath))
    }

    /// Makes the new site live. With an existing site the two directories are exchanged in one atomic rename,
    /// then the old one is removed.
    func publish() throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: liveDirectory.path) else {
            try fileManager.moveItem(at: stagingDirectory, to: liveDirectory)
            return
        }
        if agora_exchange_paths(stagingDirectory.path, liveDirectory.path) != 0 {
            // File systems without an atomic exchange: the live path is missing for the instant between renames.
            let retired = stagingDirectory.appendingPathExtension("old")
            try fileManager.moveItem(at: liveDirectory, to: retired)
            try fileManager.moveItem(at: stagingDirectory, to: liveDirectory)
            try? fileManager.removeItem(at: retired)
            return
        }
        try? fileManager.removeItem(at: stagingDirectory)
    }

    func discard() {
        try? FileManager.default.removeItem(at: stagingDirectory)
    }
}
