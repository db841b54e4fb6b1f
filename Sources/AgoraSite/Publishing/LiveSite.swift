import Foundation

/// Writes into the live site, each file as a temporary file renamed over the old one, so a visitor always reads
/// a whole page, old or new. Files whose bytes are unchanged are left alone.
final class LiveSite: SiteOutput, Sendable {
    let root: URL

    init(_ directory: URL) {
        root = directory.standardizedFileURL
    }

    @discardableResult
    func write(_ data: some ContiguousBytes, to relativePath: String) throws -> Bool {
        let file = root.appendingPathComponent(relativePath)
        if let existing = FileManager.default.contents(atPath: file.path),
           existing.withUnsafeBytes({ old in data.withUnsafeBytes { new in old.elementsEqual(new) } }) {
            return false
        }
        try FileWriting.ensureDirectory(file.deletingLastPathComponent().path)
        // A name of its own for every write: two writes of one page at once (a targeted build whose targets share a
        // listing page) must not rename each other's temporary file away.
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).tmp-\(getpid())-\(UUID().uuidString)")
        try FileWriting.write(data, to: temporary.path)
        guard rename(temporary.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw SiteError(file: file.path, "cannot be replaced")
        }
        return true
    }

    /// Removes a file and the folders it leaves empty.
    func remove(_ relativePath: String) {
        var file = root.appendingPathComponent(relativePath)
        try? FileManager.default.removeItem(at: file)
        file.deleteLastPathComponent()
        while file.path.count > root.path.count, (try? FileManager.default.contentsOfDirectory(atPath: file.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: file)
            file.deleteLastPathComponent()
        }
    }

    func finish() throws {}

    /// Files already renamed into place are complete pages; the manifest, written last, was not updated, so the
    /// next build redoes them.
    func discard() {}
}
