import AgoraTestSupport
import Foundation
import Testing
@testable import AgoraQRCode

@Suite("QR codes")
struct QRCodeTests {
    /// Byte-mode capacities from the standard's table 7.
    @Test("capacities match the standard", arguments: [
        (1, QRErrorCorrection.low, 17), (1, .medium, 14), (1, .quartile, 11), (1, .high, 7),
        (10, .medium, 213), (27, .low, 1465), (40, .low, 2953), (40, .high, 1273),
    ])
    func capacity(version: Int, level: QRErrorCorrection, bytes: Int) {
        #expect(QRCode.byteCapacity(version: version, errorCorrection: level) == bytes)
    }

    /// The worked example of "HELLO WORLD" at 1-M: its data codewords give these ten error correction codewords.
    @Test func reedSolomonRemainder() {
        let data: [UInt8] = [0x20, 0x5B, 0x0B, 0x78, 0xD1, 0x72, 0xDC, 0x4D, 0x43, 0x40, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomon.remainder(of: data[...], divisor: ReedSolomon.divisor(degree: 10))
            == [0xC4, 0x23, 0x27, 0x77, 0xEB, 0xD7, 0xE7, 0xE2, 0x5D, 0x17])
    }

    @Test func smallestVersionThatFits() throws {
        #expect(try QRCode(bytes: Array(repeating: 0x41, count: 14), errorCorrection: .medium).version == 1)
        #expect(try QRCode(bytes: Array(repeating: 0x41, count: 15), errorCorrection: .medium).version == 2)
        let code = try QRCode(bytes: Array(repeating: 0x41, count: 213), errorCorrection: .medium)
        #expect(code.version == 10 && code.size == 57)
    }

    @Test func tooLongIsRefused() {
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 2954, maximum: 2953)) {
            try QRCode(bytes: Array(repeating: 0x41, count: 2954), errorCorrection: .low)
        }
    }

    @Test func svgHasOneSquarePerDarkModuleAndEscapesItsLabel() throws {
        let code = try QRCode(text: "otpauth://totp/Agora:ana@example.com?secret=JBSWY3DPEHPK3PXP")
        let svg = code.svg(label: "Scan <me> & \"go\"")
        let dark = (0..<code.size).reduce(0) { total, y in total + (0..<code.size).filter { code[$0, y] }.count }
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == dark)
        #expect(svg.contains("aria-label=\"Scan &lt;me&gt; &amp; &quot;go&quot;\""))
        #expect(svg.contains("viewBox=\"0 0 \(code.size + 8) \(code.size + 8)\""))
    }

    /// Every version at every level, filled to capacity, read back by an independent decoder (zxing-cpp): the
    /// bytes come back whole and the symbol declares the level it was made with.
    @Test func anIndependentDecoderReadsEveryVersionAndLevel() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var expected: [String: (hex: String, level: String)] = [:]
        for level in QRErrorCorrection.allCases {
            for version in 1...40 {
                let count = QRCode.byteCapacity(version: version, errorCorrection: level)
                let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:/?=&%.-".utf8)
                let bytes = (0..<count).map { alphabet[($0 * 7 + version * 13 + level.rawValue) % alphabet.count] }
                let code = try QRCode(bytes: bytes, errorCorrection: level)
                #expect(code.version == version)
                let name = "\(level)-\(version)"
                try Self.pgm(code).write(to: folder.url.appendingPathComponent("\(name).pgm"))
                expected[name] = (bytes.map { String(format: "%02x", $0) }.joined(), ["L", "M", "Q", "H"][level.rawValue])
            }
        }
        let decoded = try await Self.decode(folder: folder.path)
        #expect(decoded.count == expected.count)
        for (name, want) in expected {
            #expect(decoded[name]?.hex == want.hex, "\(name) did not read back")
            #expect(decoded[name]?.level == want.level, "\(name) declares another level")
        }
    }

    /// A greyscale image, four pixels per module, with the quiet zone.
    static func pgm(_ code: QRCode) -> Data {
        let scale = 4
        let side = (code.size + 8) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<code.size {
            for x in 0..<code.size where code[x, y] {
                for dy in 0..<scale {
                    for dx in 0..<scale { pixels[((y + 4) * scale + dy) * side + (x + 4) * scale + dx] = 0 }
                }
            }
        }
        return Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)
    }

    static func decode(folder: String) async throws -> [String: (hex: String?, level: String?)] {
        let python = RepositoryPaths.root.appendingPathComponent(".build/venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw TestSetupError("no .build/venv: run `make test`, which installs zxing-cpp there")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [RepositoryPaths.root.appendingPathComponent("Tests/Support/decode-qr.py").path, folder]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = await output.fileHandleForReading.allData()
        guard await process.exited() == 0 else { throw TestSetupError("decode-qr.py failed") }
        var result: [String: (hex: String?, level: String?)] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            result[object["name"] as? String ?? ""] = (object["bytes"] as? String, object["ec_level"] as? String)
        }
        return result
    }
}
