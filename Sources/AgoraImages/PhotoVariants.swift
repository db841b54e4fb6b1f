import AgoraDomain
import CVips
import Foundation

/// Turns an uploaded image into a profile photo's variants with libvips: decoded by the decoder of its sniffed
/// format only, refused from its header when it has too many pixels, turned upright by its EXIF orientation,
/// cropped to the owner's square, converted to sRGB, resized to each of `ProfilePhoto.widths` it is large enough
/// for, and written as WebP and JPEG with every piece of metadata left out (EXIF, GPS, XMP, IPTC, ICC).
/// Blocking: callers run it off the shared cooperative threads.
public enum PhotoVariants {
    public static let webpQuality: Int32 = 80
    public static let jpegQuality: Int32 = 82

    /// Writes the variants into `folder` (created; it must not exist yet) and returns the largest variant's width.
    /// A crop box is checked against the upright image (a field error when it leaves it or is too small); without
    /// one the largest centred square is used. Nothing is left in `folder` when it throws.
    public static func write(from source: URL, as input: ImageInput, crop: CropBox?, into folder: URL) throws -> Int {
        try LibVips.start()
        guard let opened = agora_vips_open(source.path, input.rawValue) else { throw ImageError.unreadable }
        defer { agora_vips_release(opened) }
        let width = Int(vips_image_get_width(opened)), height = Int(vips_image_get_height(opened))
        guard width * height <= ProfilePhoto.maximumPixels else { throw ImageError.tooManyPixels(width: width, height: height) }
        guard let upright = agora_vips_upright(opened) else { throw ImageError.unreadable }
        defer { agora_vips_release(upright) }
        let uprightWidth = Int(vips_image_get_width(upright)), uprightHeight = Int(vips_image_get_height(upright))
        guard min(uprightWidth, uprightHeight) >= ProfilePhoto.minimumSide else {
            throw ValidationError(field: "file", message: "is \(uprightWidth) × \(uprightHeight) pixels: a photo needs at least \(ProfilePhoto.minimumSide) × \(ProfilePhoto.minimumSide)")
        }
        let box = crop ?? CropBox.centred(width: uprightWidth, height: uprightHeight)
        try box.check(width: uprightWidth, height: uprightHeight)
        guard let side = ProfilePhoto.side(forCrop: box.size) else { throw ValidationError(field: "crop", message: "is too small") }
        guard let cropped = agora_vips_crop(upright, Int32(box.left), Int32(box.top), Int32(box.size), Int32(box.size)) else { throw ImageError.unreadable }
        defer { agora_vips_release(cropped) }
        guard let coloured = agora_vips_srgb(cropped) else { throw ImageError.unreadable }
        defer { agora_vips_release(coloured) }

        // The file is decoded once, into the largest variant; the smaller ones are made from it.
        guard let scaled = agora_vips_square(coloured, Int32(side)) else { throw ImageError.unreadable }
        defer { agora_vips_release(scaled) }
        guard let largest = agora_vips_in_memory(scaled) else { throw ImageError.unreadable }
        defer { agora_vips_release(largest) }
        agora_vips_forget_metadata(largest)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw ImageError.notWritten(error.localizedDescription)
        }
        do {
            for variantWidth in ProfilePhoto.widths.reversed() where variantWidth <= side {
                guard let variant = variantWidth == side ? largest : agora_vips_square(largest, Int32(variantWidth)) else { throw ImageError.unreadable }
                defer { if variant != largest { agora_vips_release(variant) } }
                let name = folder.appendingPathComponent(String(variantWidth)).path
                try writeWebP(variant, to: name + "." + ImageFormat.webp.fileExtension)
                guard agora_vips_save_jpeg(variant, name + "." + ImageFormat.jpeg.fileExtension, jpegQuality) == 0 else { throw ImageError.unreadable }
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        return side
    }

    private static func writeWebP(_ image: UnsafeMutablePointer<VipsImage>, to path: String) throws {
        var length = 0
        guard let buffer = agora_vips_webp_bytes(image, webpQuality, &length) else { throw ImageError.unreadable }
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
