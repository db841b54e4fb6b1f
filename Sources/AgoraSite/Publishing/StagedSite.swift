import CAtomicRename
import Foundation

/// A new site written into a directory beside the live one and swapped in whole when complete, so visitors and
/// crawlers see the old site or the new one, never a mix. If the build fails, the staging directory is removed
/// and the live site is left exactly as it was.
final class StagedSite: SiteOutput, Sendable {
    let liveDirectory: URL
    let root: URL
    private let rootPath: String

    init(replacing liveDirectory: URL) throws {
        let liveDirectory = liveDirectory.standardizedFileURL
        self.liveDirectory = liveDirectory
        let parent = liveDirectory.deletingLastPathComponent()
        root = parent.appendingPathComponent("\(Self.prefix(of: liveDirectory))\(getpid())-\(UUID().uuidString.prefix(8))")
        rootPath = root.path
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
        } catch {
            throw SiteError(file: liveDirectory.path, "cannot create the output directory: \(error.localizedDescription)")
        }
    }

    private static func prefix(of liveDirectory: URL) -> String { ".\(liveDirectory.lastPathComponent).building-" }

    /// Removes the staging directories of builds that were killed (their process is gone). Every build does it,
    /// whether it stages a new site or not.
    static func removeAbandoned(beside liveDirectory: URL) {
        let liveDirectory = liveDirectory.standardizedFileURL
        let parent = liveDirectory.deletingLastPathComponent()
        let prefix = prefix(of: liveDirectory)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }

    @discardableResult
    func write(_ bytes: some ContiguousBytes, to relativePath: String) throws -> Bool {
        // Paths as strings: building URLs for a hundred thousand files costs more than writing them.
        let file = rootPath + "/" + relativePath
        if let slash = file.lastIndex(of: "/") { try FileWriting.ensureDirectory(String(file[..<slash])) }
        try FileWriting.write(bytes, to: file)
        return true
    }

    func remove(_ relativePath: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(relativePath))
    }

    /// Makes the new site live. With an existing site the two directories are exchanged in one atomic rename,
    /// then the old one is removed.
    func finish() throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: liveDirectory.path) else {
            try fileManager.moveItem(at: root, to: liveDirectory)
            return
        }
        if agora_exchange_paths(root.path, liveDirectory.path) != 0 {
            // File systems without an atomic exchange: the live path is missing for the instant between renames.
            let retired = root.appendingPathExtension("old")
            try fileManager.moveItem(at: liveDirectory, to: retired)
            try fileManager.moveItem(at: root, to: liveDirectory)
            try? fileManager.removeItem(at: retired)
            return
        }
        try? fileManager.removeItem(at: root)
    }

    func discard() {
        try? FileManager.default.removeItem(at: root)
    }
}
