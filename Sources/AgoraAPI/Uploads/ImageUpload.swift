import AgoraDomain
import AgoraImages
import AgoraWorkflows
import Foundation
import Hummingbird
import NIOPosix

/// What every image upload does (a profile photo, a portfolio image): receive the file, refuse what is not JPEG,
/// PNG or WebP by its first bytes (415), and run libvips on NIO's thread pool — never on the cooperative threads —
/// turning what it refuses in the image into a field error on `file`. The caller removes `upload.url` when done.
enum ImageUpload {
    static func receive(
        _ request: Request, into uploads: AttachmentStorage, fields: Set<String>, noun: String
    ) async throws -> (upload: MultipartFileUpload, input: ImageInput) {
        let upload = try await MultipartFileUpload.receive(request, into: uploads, maximumBytes: ImageUploadLimits.maximumBytes, fields: fields)
        guard let input = ImageInput(sniffing: upload.head) else {
            uploads.remove(upload.url)
            throw Problem(
                status: .unsupportedMediaType,
                detail: "“\(upload.name.value)” is not \(noun) we accept: send \(ImageInput.described). The type is read from the file's content, not its name.",
                type: .unacceptedFileType
            )
        }
        return (upload, input)
    }

    /// Runs `make` (which writes variants) on NIO's thread pool.
    static func variants<Made: Sendable>(_ make: @escaping @Sendable () throws -> Made) async throws -> Made {
        do {
            return try await NIOThreadPool.singleton.runIfActive(make)
        } catch let refused as ImageError {
            if case .notWritten = refused { throw refused }
            throw ValidationError(field: "file", message: refused.detail)
        }
    }

    /// A square photo (a provider's or a client's): the `file` cropped to the `crop` box (`left,top,size` in pixels
    /// of the upright image; the largest centred square without one) and written as `ProfilePhoto` variants under a
    /// new key. The caller stores it, or removes its folder if storing fails.
    static func photo(_ request: Request, uploads: AttachmentStorage, media: MediaStorage) async throws -> ProfilePhoto {
        let (upload, input) = try await receive(request, into: uploads, fields: ["crop"], noun: "a photo")
        defer { uploads.remove(upload.url) }
        let crop = try upload.fields["crop"].map(CropBox.init(parsing:))
        let key = try media.newKey(for: ProfilePhoto.self)
        let folder = media.folder(of: ProfilePhoto.self, key: key)
        let side = try await variants { try PhotoVariants.write(from: upload.url, as: input, crop: crop, into: folder) }
        return try ProfilePhoto(key: key, side: side)
    }
}
