import AgoraDomain

/// Why an image could not be made into variants, in words for the person who sent it.
public enum ImageError: Error, Sendable, Equatable {
    /// Too many pixels to decode safely (from the header alone).
    case tooManyPixels(width: Int, height: Int)
    /// The decoder refused the data: damaged, truncated, or not what its first bytes claimed.
    case unreadable
    /// Writing a variant failed (the disk, not the image).
    case notWritten(String)

    public var detail: String {
        switch self {
        case .tooManyPixels(let width, let height):
            "The image is \(width) × \(height) pixels; photos may have at most \(ImageUploadLimits.maximumPixels / 1_000_000) million pixels."
        case .unreadable:
            "The image could not be read: it is damaged, cut short, or not the format its first bytes claim."
        case .notWritten(let reason):
            "The photo could not be stored: \(reason)."
        }
    }
}
