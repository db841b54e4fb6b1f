import AgoraDomain

/// The formats an uploaded image may be in, recognised from its first bytes; each is decoded by its own decoder
/// only. GIF, SVG, HEIC, TIFF and the rest are refused before libvips sees them.
public enum ImageInput: Int32, Sendable, CaseIterable {
    case jpeg = 0
    case png = 1
    case webp = 2

    public static let described = "JPEG, PNG or WebP"

    /// The format of a file from its first bytes, nil for anything else.
    public init?(sniffing head: [UInt8]) {
        switch AttachmentType.sniff(head, complete: false) {
        case .jpeg: self = .jpeg
        case .png: self = .png
        case .webp: self = .webp
        default: return nil
        }
    }
}
