import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

@Suite("Watching sources")
struct SourceSnapshotTests {
    @Test("saved, added and removed files are seen; hidden and swap files are not")
    func changes() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let kept = try scratch.write("a", to: "Content/kept.md")
        let edited = try scratch.write("b", to: "Content/edited.md")
        let removed = try scratch.write("c", to: "Content/removed.md")
        let before = SourceSnapshot(of: [scratch.url.appendingPathComponent("Content")])
        #expect(SourceSnapshot(of: [scratch.url.appendingPathComponent("Content")]).changes(since: before) == [])
        try "b, longer".write(toFile: edited, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: removed)
        let added = try scratch.write("d", to: "Content/sub/added.md")
        try scratch.write("x", to: "Content/.hidden.md")
        try scratch.write("x", to: "Content/kept.md~")
        let after = SourceSnapshot(of: [scratch.url.appendingPathComponent("Content")])
        let resolved = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        #expect(after.changes(since: before) == [added, edited, removed].map(resolved).sorted())
        #expect(after.contains(resolved(kept)))
        #expect(!after.contains(resolved(removed)))
    }
}
