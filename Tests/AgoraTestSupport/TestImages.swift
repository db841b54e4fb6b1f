import Foundation

/// Images the tests upload (`Images/`): `gps-rotated.jpg` (400 × 300 stored, EXIF orientation 6 so 300 × 400
/// upright, red on the left and blue on the right as stored; EXIF with GPS coordinates, an artist "Secret Name" and a
/// camera make "Camera"), `transparent.png` (240 × 240 with alpha), `photo.webp` (320 × 320), `wide.png` (1000 × 500),
/// `panorama.png` (1000 × 200, too long and thin for a portfolio), and `bomb.png` (a header claiming 60,000 × 60,000
/// pixels).
public enum TestImages {
    public static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Images/\(name)", withExtension: nil)!
    }

    public static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: url(name)))
    }

    /// Whether `text` appears anywhere in the bytes.
    public static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first else { return true }
        var index = bytes.startIndex
        while let start = bytes[index...].firstIndex(of: first) {
            if start + needle.count <= bytes.count, bytes[start..<start + needle.count].elementsEqual(needle) { return true }
            index = start + 1
        }
        return false
    }
}
