/// An image of a portfolio item: variants that keep its proportions (`MediaVariants`, under `/media/portfolio/`),
/// 480, 960 and 1600 pixels wide as far as the original reaches; one narrower than 480 is kept at its own width.
public struct PortfolioImage: MediaVariants, Hashable, Codable {
    public static let standardWidths = [480, 960, 1600]
    /// Neither side may be shorter.
    public static let minimumSide = 200
    /// The longer side may be at most this many times the shorter.
    public static let maximumAspectRatio = 4.0
    /// The width a gallery shows an image at, in CSS pixels (the lightbox shows the largest).
    public static let galleryWidth = 320
    public static let folder = PagePaths.media + "portfolio/"

    public let key: String
    /// The size of the largest variant.
    public let width: Int
    public let height: Int

    public init(key: String, width: Int, height: Int) throws {
        guard Self.isWellFormed(key: key) else { throw ValidationError(field: "file", message: "has a malformed key") }
        guard width > 0, height > 0 else { throw ValidationError(field: "file", message: "has no size") }
        self.key = key
        self.width = width
        self.height = height
    }

    /// The variant widths of an image `width` pixels wide, smallest first.
    public static func variantWidths(forWidth width: Int) -> [Int] {
        let standard = standardWidths.filter { $0 <= width }
        return standard.isEmpty ? [width] : standard
    }

    public var widths: [Int] { Self.variantWidths(forWidth: width) }

    /// The height of the variant `variantWidth` pixels wide.
    public func height(ofWidth variantWidth: Int) -> Int {
        Self.height(of: (width, height), atWidth: variantWidth)
    }

    static func height(of size: (width: Int, height: Int), atWidth variantWidth: Int) -> Int {
        max(1, Int((Double(size.height) * Double(variantWidth) / Double(size.width)).rounded()))
    }

    /// The sizes of the variants of an upright image `width` × `height`, largest first; a field error naming `file`
    /// when it is too small or too long and thin.
    public static func variantSizes(width: Int, height: Int) throws -> [(width: Int, height: Int)] {
        guard min(width, height) >= minimumSide else {
            throw ValidationError(field: "file", message: "is \(width) × \(height) pixels: an image needs at least \(minimumSide) on each side")
        }
        guard Double(max(width, height)) / Double(min(width, height)) <= maximumAspectRatio else {
            throw ValidationError(field: "file", message: "is \(width) × \(height) pixels: its long side may be at most \(Int(maximumAspectRatio)) times its short side")
        }
        return variantWidths(forWidth: width).reversed().map { ($0, Self.height(of: (width, height), atWidth: $0)) }
    }
}
