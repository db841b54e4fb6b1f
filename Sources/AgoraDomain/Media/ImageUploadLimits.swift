/// What any uploaded image (a photo, a portfolio image) may be.
public enum ImageUploadLimits {
    /// Files larger than this are refused before they are decoded.
    public static let maximumBytes: Int64 = 15 * 1_048_576
    /// Images with more pixels than this are refused from their header alone (decompression bombs).
    public static let maximumPixels = 50_000_000
}
