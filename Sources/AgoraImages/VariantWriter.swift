import AgoraDomain
import Foundation

/// Writes a picture's variants into a new folder: the largest computed once into memory (the file is decoded once,
/// its metadata dropped), the smaller ones made from it, each as `{width}.webp` and `{width}.jpg`. Nothing is left in
/// the folder when it throws.
enum VariantWriter {
    static let webpQuality: Int32 = 80
    static let jpegQuality: Int32 = 82

    /// `sizes` are (width, height) pairs, largest first.
    static func write(_ picture: Picture, sizes: [(width: Int, height: Int)], into folder: URL) throws {
        guard let first = sizes.first else { return }
        let largest = try picture.resized(width: first.width, height: first.height).inMemoryWithoutMetadata()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw ImageError.notWritten(error.localizedDescription)
        }
        do {
            for (index, size) in sizes.enumerated() {
                let variant = index == 0 ? largest : try largest.resized(width: size.width, height: size.height)
                let name = folder.appendingPathComponent(String(size.width)).path
                try variant.writeWebP(to: name + "." + ImageFormat.webp.fileExtension, quality: webpQuality)
                try variant.writeJPEG(to: name + "." + ImageFormat.jpeg.fileExtension, quality: jpegQuality)
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }
}
