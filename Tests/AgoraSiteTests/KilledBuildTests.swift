import AgoraDomain
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Builds killed part-way")
struct KilledBuildTests {
    /// The text of every page of the site, by path.
    func pages(_ directory: URL) throws -> [String: String] {
        var pages: [String: String] = [:]
        let root = directory.standardizedFileURL.path
        for case let file as URL in FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)! where file.pathExtension == "html" {
            pages[String(file.standardizedFileURL.path.dropFirst(root.count))] = try String(contentsOf: file, encoding: .utf8)
        }
        return pages
    }

    @Test("a full build killed with SIGKILL at any moment leaves the whole old site or the whole new one")
    func killedFullBuild() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let database = scratch.path + "/agora.sqlite"
        let store = try await Store.open(.sqlite(path: database), connectionWait: TestDatabase.connectionWait)
        try await Migrator(store: store).migrate()
        try await MarketplaceSeeder(store: store).seed(providers: 1500, seed: 3, now: Date())
        await store.close()
        let layouts = scratch.url.appendingPathComponent("Layouts")
        try FileManager.default.copyItem(at: SiteFixture.repository.appendingPathComponent("Layouts"), to: layouts)
        try FileManager.default.copyItem(at: SiteFixture.repository.appendingPathComponent("Content"), to: scratch.url.appendingPathComponent("Content"))
        let site = scratch.url.appendingPathComponent("Site")
        let arguments = ["build", "--database", database, "--out", site.path, "--layouts", layouts.path, "--content", scratch.path + "/Content"]
        let first = try AgoraExecutable.start(arguments)
        #expect(await first.exited() == 0)
        let old = try pages(site)
        #expect(old.count > 1500)

        let footer = layouts.appendingPathComponent("partials/footer.mustache")
        try (String(contentsOf: footer, encoding: .utf8) + "<!-- new build -->\n").write(to: footer, atomically: true, encoding: .utf8)
        var sawOld = false
        for delay in [0.05, 0.2, 0.4, 0.8, 1.2] {
            let build = try AgoraExecutable.start(arguments)
            try await Task.sleep(for: .seconds(delay))
            kill(build.processIdentifier, SIGKILL)
            _ = await build.exited()
            let now = try pages(site)
            let isOld = now == old
            let isNew = now.count == old.count && now.values.allSatisfy { $0.contains("<!-- new build -->") }
            #expect(isOld || isNew, "killed after \(delay) s: the site is a mix")
            sawOld = sawOld || isOld
            if isNew { break }
        }
        #expect(sawOld, "no kill landed during the build; the test proved nothing")
        let last = try AgoraExecutable.start(arguments)
        #expect(await last.exited() == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains(".building-") }
        #expect(leftovers == [], "the next build removes what killed builds left")
    }
}
