import AgoraDomain
import Foundation

/// Turns an uploaded image into a profile photo's variants with libvips: decoded by the decoder of its sniffed
/// format only, refused from its header when it has too many pixels, turned upright by its EXIF orientation,
/// cropped to the owner's square, converted to sRGB, resized to each of `ProfilePhoto.widths` it is large enough
/// for, and written as WebP and JPEG with every piece of metadata left out (EXIF, GPS, XMP, IPTC, ICC).
/// Blocking: callers run it off the shared cooperative threads.
public enum PhotoVariants {
    /// Writes the variants into `folder` (created; it must not exist yet) and returns the largest variant's width.
    /// A crop box is checked against the upright image (a field error when it leaves it or is too small); without
    /// one the largest centred square is used. Nothing is left in `folder` when it throws.
    public static func write(from source: URL, as input: ImageInput, crop: CropBox?, into folder: URL) throws -> Int {
        let upright = try Picture.open(source, as: input).upright()
        guard min(upright.width, upright.height) >= ProfilePhoto.minimumSide else {
            throw ValidationError(field: "file", message: "is \(upright.width) × \(upright.height) pixels: a photo needs at least \(ProfilePhoto.minimumSide) × \(ProfilePhoto.minimumSide)")
        }
        let box = crop ?? CropBox.centred(width: upright.width, height: upright.height)
        try box.check(width: upright.width, height: upright.height)
        guard let side = ProfilePhoto.side(forCrop: box.size) else { throw ValidationError(field: "crop", message: "is too small") }
        let square = try upright.cropped(box).sRGB()
        try VariantWriter.write(square, sizes: ProfilePhoto.widths.filter { $0 <= side }.reversed().map { ($0, $0) }, into: folder)
        return side
    }
}
