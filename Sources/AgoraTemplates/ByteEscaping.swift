/// Copies UTF-8 bytes, writing some single bytes as longer sequences: HTML escaping for templates, and the
/// escaping that keeps JSON inside a `<script>` element. Runs without a replacement are copied whole.
public enum ByteEscaping {
    @inlinable
    public static func append(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8], replacing: (UInt8) -> StaticString?) {
        var runStart = 0
        for index in 0..<bytes.count {
            guard let replacement = replacing(bytes[index]) else { continue }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
