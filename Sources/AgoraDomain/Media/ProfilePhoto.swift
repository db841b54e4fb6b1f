import Foundation

/// A provider's photo as the public sees it: square variants of one crop, each width in WebP and JPEG, kept under
/// a random key (`/media/photos/{key}/{width}.{format}`) that changes with every upload, so a variant never
/// changes under its address and may be cached for good.
public struct ProfilePhoto: Sendable, Hashable, Codable {
    /// The widths written, smallest first; a crop smaller than a width is not enlarged to it.
    public static let widths = [160, 320, 640]
    /// The smallest crop accepted: the smallest variant.
    public static let minimumSide = 160
    /// Files larger than this are refused before they are decoded.
    public static let maximumBytes: Int64 = 15 * 1_048_576
    /// Images with more pixels than this are refused from their header alone (decompression bombs).
    public static let maximumPixels = 50_000_000
    /// The widths a card and a profile page show the photo at, in CSS pixels.
    public static let cardWidth = 56
    public static let pageWidth = 120

    public let key: String
    /// The width (and height) of the largest variant.
    public let side: Int

    public init(key: String, side: Int) throws {
        guard key.count == 32, key.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw ValidationError(field: "photo", message: "has a malformed key")
        }
        guard Self.widths.contains(side) else { throw ValidationError(field: "photo", message: "has no variant \(side) pixels wide") }
        self.key = key
        self.side = side
    }

    /// The widths of the variants this photo has.
    public var widths: [Int] { Self.widths.filter { $0 <= side } }

    /// The largest variant width a crop of `cropSide` pixels makes (nil when it is too small for any).
    public static func side(forCrop cropSide: Int) -> Int? {
        widths.last { $0 <= cropSide }
    }

    public static let folder = PagePaths.media + "photos/"

    public func url(width: Int, format: ImageFormat) -> String {
        "\(Self.folder)\(key)/\(width).\(format.fileExtension)"
    }

    /// The variant `<img src>` falls back to: the smallest one at least `cssWidth` × 2 wide, else the largest.
    public func fallbackURL(cssWidth: Int) -> String {
        url(width: widths.first { $0 >= cssWidth * 2 } ?? side, format: .jpeg)
    }

    /// `srcset` of every variant in one format.
    public func sourceSet(_ format: ImageFormat) -> String {
        widths.map { "\(url(width: $0, format: format)) \($0)w" }.joined(separator: ", ")
    }

    /// The largest JPEG: for OpenGraph, structured data and the sitemap, whose readers may not take WebP.
    public var shareURL: String { url(width: side, format: .jpeg) }

    /// Every file of the photo, as names inside its folder.
    public var fileNames: [String] {
        widths.flatMap { width in ImageFormat.allCases.map { "\(width).\($0.fileExtension)" } }
    }
}

/// The formats variants are written in.
public enum ImageFormat: String, Sendable, CaseIterable, Codable {
    case webp
    case jpeg

    public var fileExtension: String {
        switch self {
        case .webp: "webp"
        case .jpeg: "jpg"
        }
    }

    public var mediaType: String {
        switch self {
        case .webp: "image/webp"
        case .jpeg: "image/jpeg"
        }
    }

    /// The format of a variant's file name.
    public init?(fileExtension: String) {
        guard let format = Self.allCases.first(where: { $0.fileExtension == fileExtension }) else { return nil }
        self = format
    }
}
