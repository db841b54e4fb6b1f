import AgoraDomain
import Foundation

/// Turns an uploaded image into a portfolio image's variants: the same decoding, limits, orientation, sRGB and
/// metadata stripping as `PhotoVariants`, keeping the image's proportions (`PortfolioImage.variantSizes`).
/// Blocking: callers run it off the shared cooperative threads.
public enum PortfolioImageVariants {
    /// Writes the variants into `folder` (created; it must not exist yet) and returns the largest variant's size.
    /// Nothing is left in `folder` when it throws.
    public static func write(from source: URL, as input: ImageInput, into folder: URL) throws -> (width: Int, height: Int) {
        let upright = try Picture.open(source, as: input).upright()
        let sizes = try PortfolioImage.variantSizes(width: upright.width, height: upright.height)
        try VariantWriter.write(try upright.sRGB(), sizes: sizes, into: folder)
        return sizes[0]
    }
}
