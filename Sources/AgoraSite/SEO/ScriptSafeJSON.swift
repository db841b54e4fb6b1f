import Foundation

/// JSON that may stand inside a `<script>` element: besides the `\/` that JSONEncoder writes for `/`, `<`, `>`
/// and `&` are written as `\u003c`, `\u003e` and `\u0026`, so no text in it can close the element or open a
/// comment.
enum ScriptSafeJSON {
    static func encode(_ value: some Encodable, keys: JSONEncoder.KeyEncodingStrategy = .useDefaultKeys) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = keys
        guard let data = try? encoder.encode(value) else { return nil }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(data.count + 32)
        for byte in data {
            switch byte {
            case UInt8(ascii: "<"): escaped += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): escaped += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): escaped += Array("\\u0026".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
