/// A QR code symbol (ISO/IEC 18004, model 2) holding bytes in byte mode: the smallest version that fits at the
/// chosen error correction level, and the mask with the lowest penalty. Made by the service so that a secret it
/// encodes (an authenticator's enrolment link) never leaves it for a third-party image service.
public struct QRCode: Sendable {
    /// The symbol's version, 1 to 40: the side is `17 + 4 × version` modules.
    public let version: Int
    public let errorCorrection: QRErrorCorrection
    /// The mask pattern (0–7) applied to the data modules.
    public private(set) var mask = 0
    /// Modules by row then column; true is dark.
    public private(set) var modules: [[Bool]]
    private var isFunction: [[Bool]]

    /// The number of modules on each side.
    public var size: Int { modules.count }

    /// Why bytes could not become a symbol.
    public enum EncodingError: Error, Equatable {
        /// More bytes than version 40 holds at the level.
        case tooLong(bytes: Int, maximum: Int)
    }

    /// The symbol for the UTF-8 bytes of a text.
    public init(text: String, errorCorrection: QRErrorCorrection = .medium) throws {
        try self.init(bytes: Array(text.utf8), errorCorrection: errorCorrection)
    }

    public init(bytes: [UInt8], errorCorrection: QRErrorCorrection = .medium) throws {
        guard let version = (1...40).first(where: { Self.byteCapacity(version: $0, errorCorrection: errorCorrection) >= bytes.count }) else {
            throw EncodingError.tooLong(bytes: bytes.count, maximum: Self.byteCapacity(version: 40, errorCorrection: errorCorrection))
        }
        self.version = version
        self.errorCorrection = errorCorrection
        let size = 17 + 4 * version
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
        drawFunctionPatterns()
        let codewords = Self.interleaved(
            Self.dataCodewords(bytes, version: version, errorCorrection: errorCorrection),
            version: version, errorCorrection: errorCorrection
        )
        drawCodewords(codewords)
        var best = (mask: 0, penalty: Int.max)
        for mask in 0..<8 {
            applyMask(mask)
            drawFormatBits(mask: mask)
            let penalty = QRPenalty.score(modules)
            if penalty < best.penalty { best = (mask, penalty) }
            applyMask(mask)
        }
        self.mask = best.mask
        applyMask(best.mask)
        drawFormatBits(mask: best.mask)
    }

    /// Whether the module at a column and row is dark.
    public subscript(x: Int, y: Int) -> Bool { modules[y][x] }

    // MARK: Capacity and codewords

    /// Modules left for data and error correction once the function patterns are drawn.
    static func rawDataModules(version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewordCount(version: Int, errorCorrection: QRErrorCorrection) -> Int {
        rawDataModules(version: version) / 8
            - errorCorrection.codewordsPerBlock[version] * errorCorrection.blocks[version]
    }

    /// Bits of the byte-mode character count, by version.
    static func countBits(version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// The most bytes a version holds in byte mode at the level.
    public static func byteCapacity(version: Int, errorCorrection: QRErrorCorrection) -> Int {
        let bits = dataCodewordCount(version: version, errorCorrection: errorCorrection) * 8 - 4 - countBits(version: version)
        return min(bits / 8, (1 << countBits(version: version)) - 1)
    }

    /// Mode, count, the bytes, the terminator and the padding, as codewords.
    static func dataCodewords(_ bytes: [UInt8], version: Int, errorCorrection: QRErrorCorrection) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: countBits(version: version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        let capacity = dataCodewordCount(version: version, errorCorrection: errorCorrection) * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count * 8 < capacity {
            codewords.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        return codewords
    }

    /// The data split into blocks, each followed by its error correction, read out column by column.
    static func interleaved(_ data: [UInt8], version: Int, errorCorrection: QRErrorCorrection) -> [UInt8] {
        let blockCount = errorCorrection.blocks[version]
        let eccLength = errorCorrection.codewordsPerBlock[version]
        let rawCodewords = rawDataModules(version: version) / 8
        let shortBlocks = blockCount - rawCodewords % blockCount
        let shortBlockLength = rawCodewords / blockCount
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var blocks: [[UInt8]] = []
        var offset = 0
        for index in 0..<blockCount {
            let length = shortBlockLength - eccLength + (index < shortBlocks ? 0 : 1)
            let slice = data[offset..<(offset + length)]
            offset += length
            var block = Array(slice)
            // Short blocks get a placeholder so that every block has the same length; it is skipped when reading out.
            if index < shortBlocks { block.append(0) }
            block += ReedSolomon.remainder(of: slice, divisor: divisor)
            blocks.append(block)
        }
        var result: [UInt8] = []
        for column in 0..<blocks[0].count {
            for (index, block) in blocks.enumerated() where column != shortBlockLength - eccLength || index >= shortBlocks {
                result.append(block[column])
            }
        }
        return result
    }

    // MARK: Drawing

    private mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    private mutating func drawFunctionPatterns() {
        for index in 0..<size {
            setFunction(6, index, index % 2 == 0)
            setFunction(index, 6, index % 2 == 0)
        }
        drawFinder(3, 3)
        drawFinder(size - 4, 3)
        drawFinder(3, size - 4)
        let positions = alignmentPositions
        let last = positions.count - 1
        for (i, x) in positions.enumerated() {
            for (j, y) in positions.enumerated() where !((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) {
                drawAlignment(x, y)
            }
        }
        drawFormatBits(mask: 0)
        drawVersion()
    }

    private mutating func drawFinder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let distance = max(abs(dx), abs(dy))
                let (column, row) = (x + dx, y + dy)
                if (0..<size).contains(column), (0..<size).contains(row) {
                    setFunction(column, row, distance != 2 && distance != 4)
                }
            }
        }
    }

    private mutating func drawAlignment(_ x: Int, _ y: Int) {
        for dy in -2...2 {
            for dx in -2...2 { setFunction(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// The centres of the alignment patterns along each axis.
    private var alignmentPositions: [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        return [6] + (1..<count).map { size - 7 - (count - 1 - $0) * step }
    }

    private mutating func drawFormatBits(mask: Int) {
        let data = errorCorrection.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 != 0 }
        for index in 0...5 { setFunction(8, index, bit(index)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for index in 9..<15 { setFunction(14 - index, 8, bit(index)) }
        for index in 0..<8 { setFunction(size - 1 - index, 8, bit(index)) }
        for index in 8..<15 { setFunction(8, size - 15 + index, bit(index)) }
        setFunction(8, size - 8, true)
    }

    private mutating func drawVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for index in 0..<18 {
            let dark = (bits >> index) & 1 != 0
            let a = size - 11 + index % 3
            let b = index / 3
            setFunction(a, b, dark)
            setFunction(b, a, dark)
        }
    }

    /// Places the codewords in the zigzag of two-module columns, right to left, skipping the function patterns.
    private mutating func drawCodewords(_ codewords: [UInt8]) {
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for offset in 0..<2 {
                    let x = right - offset
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x], bitIndex < codewords.count * 8 {
                        modules[y][x] = (codewords[bitIndex >> 3] >> (7 - (bitIndex & 7))) & 1 != 0
                        bitIndex += 1
                    }
                }
            }
            right -= 2
        }
    }

    /// Inverts the data modules the mask pattern selects; applying it twice undoes it.
    private mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] {
                let invert = switch mask {
                case 0: (x + y) % 2 == 0
                case 1: y % 2 == 0
                case 2: x % 3 == 0
                case 3: (x + y) % 3 == 0
                case 4: (x / 3 + y / 2) % 2 == 0
                case 5: x * y % 2 + x * y % 3 == 0
                case 6: (x * y % 2 + x * y % 3) % 2 == 0
                default: ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { modules[y][x].toggle() }
            }
        }
    }
}

/// Bits appended most significant first, read back as bytes.
struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 != 0) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<min(start + 8, bits.count)].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }
}
