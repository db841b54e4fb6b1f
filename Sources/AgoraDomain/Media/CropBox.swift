import Foundation

/// The square of a photo its owner chose, in pixels of the upright image (as a browser shows it, EXIF orientation
/// applied): `left,top,size`.
public struct CropBox: Sendable, Hashable {
    public let left: Int
    public let top: Int
    public let size: Int

    public init(left: Int, top: Int, size: Int) {
        self.left = left
        self.top = top
        self.size = size
    }

    /// Reads `left,top,size` (whole, non-negative numbers); a field error for anything else.
    public init(parsing text: String) throws {
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 3, let left = numbers[0], let top = numbers[1], let size = numbers[2], left >= 0, top >= 0, size > 0 else {
            throw ValidationError(field: "crop", message: "must be three whole numbers, left,top,size in pixels of the upright image")
        }
        self.init(left: left, top: top, size: size)
    }

    /// The largest centred square of an image.
    public static func centred(width: Int, height: Int) -> CropBox {
        let size = min(width, height)
        return CropBox(left: (width - size) / 2, top: (height - size) / 2, size: size)
    }

    /// Refuses a box that leaves the image or is smaller than the smallest variant.
    public func check(width: Int, height: Int) throws {
        guard left + size <= width, top + size <= height else {
            throw ValidationError(field: "crop", message: "leaves the image, which is \(width) × \(height) pixels upright")
        }
        guard size >= ProfilePhoto.minimumSide else {
            throw ValidationError(field: "crop", message: "must be at least \(ProfilePhoto.minimumSide) pixels square")
        }
    }
}
