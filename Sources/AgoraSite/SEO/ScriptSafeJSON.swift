import AgoraTemplates
import Foundation

/// JSON that may stand inside a `<script>` element: besides the `\/` that JSONEncoder writes for `/`, `<`, `>`
/// and `&` are written as `\u003c`, `\u003e` and `\u0026`, so no text in it can close the element or open a
/// comment.
enum ScriptSafeJSON {
    /// One encoder for every page: its settings never change after this, and encoding does not touch its state.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func encode(_ value: some Encodable) -> String? {
        guard let data = try? encoder.encode(value) else { return nil }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(data.count + 32)
        data.withUnsafeBytes { bytes in
            ByteEscaping.append(bytes, to: &escaped) { byte in
                switch byte {
                case UInt8(ascii: "<"): "\\u003c"
                case UInt8(ascii: ">"): "\\u003e"
                case UInt8(ascii: "&"): "\\u0026"
                default: nil
                }
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
