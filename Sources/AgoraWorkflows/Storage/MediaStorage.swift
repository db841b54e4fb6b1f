import AgoraDomain
import Foundation

/// Where public media live: `media/` under the storage directory, served at `/media/` (by `agora serve`, or by the
/// web server or CDN in front of the site). A photo's variants are written straight into `photos/{key}/` under a
/// new random key that no page names until its row is committed, so a half-written folder is never shown;
/// `StorageSweepJob` removes folders no profile names (a crash between the files and the row).
public struct MediaStorage: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// `media/` under a storage directory.
    public init(storageDirectory: URL) {
        self.init(root: storageDirectory.appendingPathComponent("media", isDirectory: true))
    }

    public var photos: URL { root.appendingPathComponent("photos", isDirectory: true) }

    /// The folder of a photo's variants (its path under `/media/`).
    public func folder(ofPhoto key: String) -> URL {
        photos.appendingPathComponent(key, isDirectory: true)
    }

    /// A new random key with the photos folder ready to receive it.
    public func newPhotoKey() throws -> String {
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        return AttachmentStorage.randomName()
    }

    /// Deletes a photo's variants; one already gone is not an error.
    public func remove(photoKey key: String) {
        try? FileManager.default.removeItem(at: folder(ofPhoto: key))
    }

    /// The photo folders with their modification times.
    public func photoFolders() -> [(key: String, modified: Date)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: photos.path)) ?? []
        return names.compactMap { name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: photos.appendingPathComponent(name).path)
            guard attributes?[.type] as? FileAttributeType == .typeDirectory, let modified = attributes?[.modificationDate] as? Date else { return nil }
            return (name, modified)
        }
    }
}
