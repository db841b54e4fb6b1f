import Foundation

/// A provider's photo as the public sees it: square variants of one crop (`MediaVariants`, under `/media/photos/`).
public struct ProfilePhoto: MediaVariants, Hashable, Codable {
    /// The widths written, smallest first; a crop smaller than a width is not enlarged to it.
    public static let widths = [160, 320, 640]
    /// The smallest crop accepted: the smallest variant.
    public static let minimumSide = 160
    /// The widths a card and a profile page show the photo at, in CSS pixels.
    public static let cardWidth = 56
    public static let pageWidth = 120

    public let key: String
    /// The width (and height) of the largest variant.
    public let side: Int

    public init(key: String, side: Int) throws {
        guard Self.isWellFormed(key: key) else {
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

    /// The largest JPEG: for OpenGraph, structured data and the sitemap.
    public var shareURL: String { largestURL }
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
