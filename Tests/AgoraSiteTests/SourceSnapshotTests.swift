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

    /// Whether a wake-up came within `seconds` (the tests set the quiet interval far beyond that, so only a file
    /// event can cause one).
    func nextWakeUp(_ events: DirectoryEvents, within seconds: Int = 10) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                var wakeUps = events.wakeUps.makeAsyncIterator()
                return await wakeUps.next() != nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    @Test("inotify wakes the watcher on a save, in a folder made after it started too, and not when nothing happens")
    func inotifyWakeUps() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let content = scratch.url.appendingPathComponent("Content")
        try scratch.write("a", to: "Content/page.md")
        let events = try #require(DirectoryEvents(watching: [content], quietMilliseconds: 600_000))
        defer { events.stop() }
        try scratch.write("a, saved", to: "Content/page.md")
        #expect(await nextWakeUp(events))
        try FileManager.default.createDirectory(at: content.appendingPathComponent("new"), withIntermediateDirectories: false)
        #expect(await nextWakeUp(events))
        try scratch.write("b", to: "Content/new/page.md")
        #expect(await nextWakeUp(events))
        let quiet = try #require(DirectoryEvents(watching: [content], quietMilliseconds: 600_000))
        defer { quiet.stop() }
        try scratch.write("c", to: "Elsewhere/page.md")
        #expect(await !nextWakeUp(quiet, within: 1))
    }
}
