/// Images kept as variants of several widths in WebP and JPEG under a random key
/// (`/media/{folder}/{key}/{width}.{format}`): a profile photo, a portfolio image. A key changes with every upload, so
/// a variant never changes under its address and may be cached for good.
public protocol MediaVariants: Sendable {
    /// The site path of the folder of every such image, with slashes at both ends.
    static var folder: String { get }
    var key: String { get }
    /// The widths of the variants, smallest first.
    var widths: [Int] { get }
}

extension MediaVariants {
    public func url(width: Int, format: ImageFormat) -> String {
        "\(Self.folder)\(key)/\(width).\(format.fileExtension)"
    }

    /// `srcset` of every variant in one format.
    public func sourceSet(_ format: ImageFormat) -> String {
        widths.map { "\(url(width: $0, format: format)) \($0)w" }.joined(separator: ", ")
    }

    /// The variant `<img src>` falls back to: the smallest one at least `cssWidth` × 2 wide, else the largest.
    public func fallbackURL(cssWidth: Int) -> String {
        url(width: widths.first { $0 >= cssWidth * 2 } ?? widths.last ?? 0, format: .jpeg)
    }

    /// The largest JPEG: for OpenGraph, structured data, the sitemap and a lightbox, whose readers may not take WebP.
    public var largestURL: String { url(width: widths.last ?? 0, format: .jpeg) }

    /// Every file of the image, as names inside its folder.
    public var fileNames: [String] {
        widths.flatMap { width in ImageFormat.allCases.map { "\(width).\($0.fileExtension)" } }
    }

    /// Whether a key is one the service makes (32 lower-case hexadecimal digits).
    static func isWellFormed(key: String) -> Bool {
        key.count == 32 && key.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
