import AgoraDomain
import AgoraImages
import AgoraTestSupport
import Foundation
import Testing

@Suite("Photo variants")
struct PhotoVariantsTests {
    static func fixture(_ name: String) -> URL {
        TestImages.url(name)
    }

    /// A fresh folder path (not created) under a fresh temporary directory.
    static func target() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("photo-variants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return parent.appendingPathComponent("photo")
    }

    /// The width and height in a JPEG's frame header (baseline or progressive).
    static func jpegSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if marker == 0xC0 || marker == 0xC2 {
                return (Int(bytes[index + 7]) << 8 | Int(bytes[index + 8]), Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]))
            }
            index += 2 + length
        }
        return nil
    }

    @Test("a camera JPEG is turned upright, cropped, and written without EXIF, GPS or the photographer's name")
    func strippedAndUpright() throws {
        let original = try [UInt8](Data(contentsOf: Self.fixture("gps-rotated.jpg")))
        #expect(TestImages.contains(original, "Secret Name") && TestImages.contains(original, "Exif"))
        let folder = try Self.target()
        // 400 × 300 as stored, 300 × 400 upright: a box 200 down is inside the upright image only.
        let side = try PhotoVariants.write(from: Self.fixture("gps-rotated.jpg"), as: .jpeg, crop: CropBox(left: 50, top: 200, size: 200), into: folder)
        #expect(side == 160)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["160.jpg", "160.webp"])
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(!TestImages.contains(bytes, "Exif"), "\(name) keeps EXIF")
            #expect(!TestImages.contains(bytes, "GPS"), "\(name) keeps GPS")
            #expect(!TestImages.contains(bytes, "Secret Name"), "\(name) keeps the artist")
            #expect(!TestImages.contains(bytes, "Camera"), "\(name) keeps the camera")
        }
        let jpeg = try [UInt8](Data(contentsOf: folder.appendingPathComponent("160.jpg")))
        #expect(Self.jpegSize(jpeg)?.width == 160 && Self.jpegSize(jpeg)?.height == 160)
        let webp = try [UInt8](Data(contentsOf: folder.appendingPathComponent("160.webp")))
        #expect(Array(webp.prefix(4)) == Array("RIFF".utf8) && Array(webp[8..<12]) == Array("WEBP".utf8))
    }

    @Test("without a box the largest centred square is used; every width up to the crop is written")
    func centredSquare() throws {
        let folder = try Self.target()
        let side = try PhotoVariants.write(from: Self.fixture("photo.webp"), as: .webp, crop: nil, into: folder)
        #expect(side == 320)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["160.jpg", "160.webp", "320.jpg", "320.webp"])
        let large = try [UInt8](Data(contentsOf: folder.appendingPathComponent("320.jpg")))
        #expect(Self.jpegSize(large)?.width == 320)
    }

    @Test("a transparent PNG is flattened onto white and written as JPEG and WebP")
    func transparentPNG() throws {
        let folder = try Self.target()
        #expect(try PhotoVariants.write(from: Self.fixture("transparent.png"), as: .png, crop: nil, into: folder) == 160)
        #expect(Self.jpegSize(try [UInt8](Data(contentsOf: folder.appendingPathComponent("160.jpg"))))?.width == 160)
    }

    @Test("a box that leaves the upright image, or is smaller than the smallest variant, is a field error; nothing is written")
    func badBoxes() throws {
        for box in [CropBox(left: 200, top: 0, size: 200), CropBox(left: 0, top: 250, size: 200), CropBox(left: 0, top: 0, size: 100)] {
            let folder = try Self.target()
            #expect(throws: ValidationError.self) {
                try PhotoVariants.write(from: Self.fixture("gps-rotated.jpg"), as: .jpeg, crop: box, into: folder)
            }
            #expect(!FileManager.default.fileExists(atPath: folder.path))
        }
    }

    @Test("an image with more pixels than allowed is refused from its header, before it is decoded")
    func decompressionBomb() throws {
        let folder = try Self.target()
        #expect(throws: ImageError.tooManyPixels(width: 60000, height: 60000)) {
            try PhotoVariants.write(from: Self.fixture("bomb.png"), as: .png, crop: nil, into: folder)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("a truncated JPEG, a JPEG with HTML after its magic bytes, and a PNG read as JPEG are unreadable; nothing is written")
    func damagedFiles() throws {
        let whole = try Data(contentsOf: Self.fixture("gps-rotated.jpg"))
        let directory = try Self.target().deletingLastPathComponent()
        let truncated = directory.appendingPathComponent("truncated.jpg")
        try whole.prefix(whole.count * 2 / 3).write(to: truncated)
        let polyglot = directory.appendingPathComponent("polyglot.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + Array("<html><script>alert(1)</script></html>".utf8)).write(to: polyglot)
        for (file, input) in [(truncated, ImageInput.jpeg), (polyglot, .jpeg), (Self.fixture("transparent.png"), .jpeg)] {
            let folder = try Self.target()
            #expect(throws: ImageError.unreadable) {
                try PhotoVariants.write(from: file, as: input, crop: nil, into: folder)
            }
            #expect(!FileManager.default.fileExists(atPath: folder.path))
        }
    }

    @Test("only JPEG, PNG and WebP are recognised: SVG, GIF, PDF and text are not")
    func sniffing() throws {
        #expect(ImageInput(sniffing: try [UInt8](Data(contentsOf: Self.fixture("gps-rotated.jpg")))) == .jpeg)
        #expect(ImageInput(sniffing: try [UInt8](Data(contentsOf: Self.fixture("transparent.png")))) == .png)
        #expect(ImageInput(sniffing: try [UInt8](Data(contentsOf: Self.fixture("photo.webp")))) == .webp)
        for refused in ["<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "GIF89a....", "%PDF-1.7", "just text"] {
            #expect(ImageInput(sniffing: Array(refused.utf8)) == nil, "\(refused) was recognised")
        }
    }

    @Test("a portfolio image keeps its proportions: the standard widths it reaches, or its own width when narrower")
    func portfolioImages() throws {
        let wide = try Self.target()
        #expect(try PortfolioImageVariants.write(from: Self.fixture("wide.png"), as: .png, into: wide) == (960, 480))
        #expect(try FileManager.default.contentsOfDirectory(atPath: wide.path).sorted() == ["480.jpg", "480.webp", "960.jpg", "960.webp"])
        let small = try [UInt8](Data(contentsOf: wide.appendingPathComponent("480.jpg")))
        #expect(Self.jpegSize(small)?.width == 480 && Self.jpegSize(small)?.height == 240)

        let upright = try Self.target()
        #expect(try PortfolioImageVariants.write(from: Self.fixture("gps-rotated.jpg"), as: .jpeg, into: upright) == (300, 400), "upright, and narrower than 480")
        let bytes = try [UInt8](Data(contentsOf: upright.appendingPathComponent("300.webp")))
        #expect(!TestImages.contains(bytes, "GPS") && !TestImages.contains(bytes, "Exif"))

        let panorama = try Self.target()
        #expect(throws: ValidationError.self) { try PortfolioImageVariants.write(from: Self.fixture("panorama.png"), as: .png, into: panorama) }
        #expect(!FileManager.default.fileExists(atPath: panorama.path))
    }
}
