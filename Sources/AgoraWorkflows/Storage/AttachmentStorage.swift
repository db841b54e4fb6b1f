import Foundation

/// Where attachments' bytes live: `orders/` under the storage directory, each file under a random name that says
/// nothing of its order or its original name; uploads are written to `incoming/` first and renamed in when whole,
/// so a file in `orders/` is always complete. The service writes here; `StorageSweepJob` removes what interrupted
/// requests and crashes leave behind.
public struct AttachmentStorage: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public var incoming: URL { root.appendingPathComponent("incoming", isDirectory: true) }
    public var stored: URL { root.appendingPathComponent("orders", isDirectory: true) }

    /// A new, empty file in `incoming/` to receive an upload.
    public func makeIncoming() throws -> URL {
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        let url = incoming.appendingPathComponent(Self.randomName())
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return url
    }

    /// Moves a whole upload into `orders/` under a fresh random name, and returns the name.
    public func keep(_ upload: URL) throws -> String {
        try FileManager.default.createDirectory(at: stored, withIntermediateDirectories: true)
        let name = Self.randomName()
        try FileManager.default.moveItem(at: upload, to: stored.appendingPathComponent(name))
        return name
    }

    public func path(of storageName: String) -> String {
        stored.appendingPathComponent(storageName).path
    }

    /// Deletes a file; one already gone is not an error.
    public func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    public func remove(storageName: String) {
        remove(stored.appendingPathComponent(storageName))
    }

    /// 128 random bits in hexadecimal.
    public static func randomName() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// The files of a folder with their modification times; none when the folder does not exist yet.
    public func files(in folder: URL) -> [(name: String, modified: Date)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            guard attributes?[.type] as? FileAttributeType == .typeRegular, let modified = attributes?[.modificationDate] as? Date else { return nil }
            return (name, modified)
        }
    }
}
