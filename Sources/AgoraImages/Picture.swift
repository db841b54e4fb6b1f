import AgoraDomain
import CVips
import Foundation

/// One libvips image, released when the last reference goes. Every step makes a new picture; libvips computes
/// lazily, so nothing is decoded until `inMemory()` or a write asks for pixels.
final class Picture {
    private let image: UnsafeMutablePointer<VipsImage>

    private init(_ image: UnsafeMutablePointer<VipsImage>) {
        self.image = image
    }

    deinit {
        agora_vips_release(image)
    }

    /// Opens a file with the decoder of its sniffed format only; refused from its header when it has more than
    /// `ImageUploadLimits.maximumPixels`.
    static func open(_ source: URL, as input: ImageInput) throws -> Picture {
        try LibVips.start()
        guard let opened = agora_vips_open(source.path, input.rawValue) else { throw ImageError.unreadable }
        let picture = Picture(opened)
        guard picture.width * picture.height <= ImageUploadLimits.maximumPixels else {
            throw ImageError.tooManyPixels(width: picture.width, height: picture.height)
        }
        return picture
    }

    var width: Int { Int(vips_image_get_width(image)) }
    var height: Int { Int(vips_image_get_height(image)) }

    private func next(_ made: UnsafeMutablePointer<VipsImage>?) throws -> Picture {
        guard let made else { throw ImageError.unreadable }
        return Picture(made)
    }

    /// Turned as its EXIF orientation says.
    func upright() throws -> Picture { try next(agora_vips_upright(image)) }

    func cropped(_ box: CropBox) throws -> Picture {
        try next(agora_vips_crop(image, Int32(box.left), Int32(box.top), Int32(box.size), Int32(box.size)))
    }

    /// Eight-bit sRGB without transparency.
    func sRGB() throws -> Picture { try next(agora_vips_srgb(image)) }

    func resized(width: Int, height: Int) throws -> Picture {
        try next(agora_vips_resize_to(image, Int32(width), Int32(height)))
    }

    /// Computed into memory once (decoding the file), without any of its metadata.
    func inMemoryWithoutMetadata() throws -> Picture {
        let computed = try next(agora_vips_in_memory(image))
        agora_vips_forget_metadata(computed.image)
        return computed
    }

    func writeJPEG(to path: String, quality: Int32) throws {
        guard agora_vips_save_jpeg(image, path, quality) == 0 else { throw ImageError.unreadable }
    }

    /// WebP without the metadata chunks libvips 8.14 adds even when told to strip.
    func writeWebP(to path: String, quality: Int32) throws {
        var length = 0
        guard let buffer = agora_vips_webp_bytes(image, quality, &length) else { throw ImageError.unreadable }
        defer { agora_vips_free(buffer) }
        let encoded = [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
        guard let clean = WebPMetadata.removing(from: encoded) else { throw ImageError.notWritten("the WebP encoder wrote a malformed file") }
        guard FileManager.default.createFile(atPath: path, contents: Data(clean)) else { throw ImageError.notWritten("\(path) could not be written") }
    }
}

/// libvips started once for the process.
enum LibVips {
    private static let started: Bool = agora_vips_start() == 0

    static func start() throws {
        guard started else { throw ImageError.notWritten("the image library did not start") }
    }
}
