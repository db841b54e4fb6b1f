import Foundation

/// The files below some directories with their size and modification time: two snapshots tell which files were
/// saved, added or removed in between.
public struct SourceSnapshot: Sendable, Equatable {
    struct Stamp: Sendable, Equatable {
        let modified: Date
        let size: Int
    }

    private var files: [String: Stamp] = [:]

    /// Reads every regular file below the directories (hidden files and editors' swap files are skipped).
    public init(of directories: [URL]) {
        for directory in directories {
            guard let enumerator = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey], options: [.skipsHiddenFiles]
            ) else { continue }
            for case let file as URL in enumerator where !file.lastPathComponent.hasSuffix("~") {
                guard let values = try? file.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]),
                      values.isRegularFile == true
                else { continue }
                files[file.standardizedFileURL.path] = Stamp(modified: values.contentModificationDate ?? .distantPast, size: values.fileSize ?? 0)
            }
        }
    }

    /// The paths added, removed or changed since `earlier`, sorted.
    public func changes(since earlier: SourceSnapshot) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }

    /// Whether a path is still there.
    public func contains(_ path: String) -> Bool { files[path] != nil }
}
