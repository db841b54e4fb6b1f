@testable import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

@Suite("Writing into the live site")
struct LiveSiteTests {
    @Test("the same page written many times at once ends whole, and no write fails")
    func concurrentWrites() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let site = LiveSite(scratch.url)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<64 {
                group.addTask { try site.write(Array("<p>version \(number % 2)</p>".utf8), to: "categories/web/index.html") }
            }
            try await group.waitForAll()
        }
        let page = try String(contentsOf: scratch.url.appendingPathComponent("categories/web/index.html"), encoding: .utf8)
        #expect(page == "<p>version 0</p>" || page == "<p>version 1</p>")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("categories/web").path)
        #expect(leftovers == ["index.html"], "no temporary file is left behind")
    }
}
