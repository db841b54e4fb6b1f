import AgoraFuzzing
import Foundation
import Testing

/// Every input kept in `Fuzz/` — the seeds each target starts from (`Corpus/`) and the inputs that once broke a
/// parser (`Regressions/`, where `make fuzz` saves what crashes) — runs through its target on every test run, so
/// that a fixed crash stays fixed. A crash here stops the test process: the run fails.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func inputs(_ kind: String, of target: FuzzTarget) -> [URL] {
        let folder = root.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("every target has seeds to start from", arguments: FuzzTarget.allCases)
    func seeded(target: FuzzTarget) {
        #expect(Self.inputs("Corpus", of: target).count >= 3)
    }

    @Test("every kept input runs through its target", arguments: FuzzTarget.allCases)
    func replay(target: FuzzTarget) throws {
        for input in Self.inputs("Corpus", of: target) + Self.inputs("Regressions", of: target) {
            target.run(Array(try Data(contentsOf: input)))
        }
    }
}
