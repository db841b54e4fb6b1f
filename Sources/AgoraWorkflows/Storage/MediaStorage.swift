import AgoraDomain
import Foundation

/// Where public media live: `media/` under the storage directory, served at `/media/` (by `agora serve`, or by the
/// web server or CDN in front of the site). Each kind of image (`MediaVariants`: photos, portfolio images) has its
/// folder, as its site path says. An image's variants are written straight into `{kind}/{key}/` under a new random
/// key that no page names until its row is committed, so a half-written folder is never shown; `StorageSweepJob`
/// removes folders no row names (a crash between the files and the row).
public struct MediaStorage: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// `media/` under a storage directory.
    public init(storageDirectory: URL) {
        self.init(root: storageDirectory.appendingPathComponent("media", isDirectory: true))
    }

    /// The folder of one kind of image: its site path under `/media/`.
    public func folder(of kind: any MediaVariants.Type) -> URL {
        root.appendingPathComponent(String(kind.folder.dropFirst(PagePaths.media.count)), isDirectory: true)
    }

    /// The folder of one image's variants.
    public func folder(of kind: any MediaVariants.Type, key: String) -> URL {
        folder(of: kind).appendingPathComponent(key, isDirectory: true)
    }

    /// A new random key with its kind's folder ready to receive it.
    public func newKey(for kind: any MediaVariants.Type) throws -> String {
        try FileManager.default.createDirectory(at: folder(of: kind), withIntermediateDirectories: true)
        return AttachmentStorage.randomName()
    }

    /// Deletes an image's variants; one already gone is not an error.
    public func remove(_ kind: any MediaVariants.Type, key: String) {
        try? FileManager.default.removeItem(at: folder(of: kind, key: key))
    }

    /// The image folders of one kind with their modification times.
    public func folders(of kind: any MediaVariants.Type) -> [(key: String, modified: Date)] {
        let parent = folder(of: kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        return names.compactMap { name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: parent.appendingPathComponent(name).path)
            guard attributes?[.type] as? FileAttributeType == .typeDirectory, let modified = attributes?[.modificationDate] as? Date else { return nil }
            return (name, modified)
        }
    }
}
