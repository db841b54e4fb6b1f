import Foundation

/// Where verification documents live: `verifications/` under the storage directory (mode 0700), each file (mode
/// 0600) under a random name, already encrypted by the service — never under `Site/` or `media/`, never served as a
/// file. Written whole to a temporary name and renamed, so a file there is always complete.
public struct DocumentStorage: Sendable {
    public let folder: URL

    public init(storageDirectory: URL) {
        folder = storageDirectory.appendingPathComponent("verifications", isDirectory: true)
    }

    /// A new random name for a file.
    public func newName() -> String { AttachmentStorage.randomName() }

    /// Writes the bytes under `name` (from `newName()`).
    public func write(_ bytes: Data, as name: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = folder.appendingPathComponent(".\(name).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        try FileManager.default.moveItem(at: temporary, to: folder.appendingPathComponent(name))
    }

    public func read(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// Deletes a file; one already gone is not an error.
    public func remove(_ name: String) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }

    /// The files with their modification times (temporary ones included, by their dotted names).
    public func files() -> [(name: String, modified: Date)] {
        AttachmentStorage(root: folder).files(in: folder)
    }
}
