import Foundation
import Testing

/// Every module a source file imports is declared as a dependency of its target in `Package.swift`, so that nothing
/// arrives through another package by chance (and disappears when that package changes).
@Suite("Declared dependencies")
struct DeclaredDependencyTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Modules of the toolchain and the system, which no package provides.
    static let system: Set<String> = [
        "Foundation", "FoundationNetworking", "FoundationEssentials", "FoundationXML", "Glibc", "Dispatch", "Synchronization", "Testing", "XCTest",
    ]

    /// Modules with no product of their own, and the declared product that brings them: the generator's manifest uses
    /// the C interface of the SQLite that SQLiteNIO builds, so that the process holds one SQLite.
    static let providedBy: [String: String] = ["VaporCSQLite": "SQLiteNIO"]

    /// A target of `Package.swift`: its name, folder and the names its `dependencies:` list declares.
    struct Target {
        let name: String
        let folder: String
        let dependencies: Set<String>
    }

    /// Reads the targets from the manifest's text: each `.target(`, `.executableTarget(` or `.testTarget(` with its
    /// `name:`, optional `path:` and the target and product names of its `dependencies: [...]`.
    static func targets(in manifest: String) throws -> [Target] {
        let start = try Regex(#"\.(target|executableTarget|testTarget)\(\s*name:\s*"([^"]+)""#)
        let matches = manifest.matches(of: start)
        return try matches.enumerated().map { index, match in
            let end = index + 1 < matches.count ? matches[index + 1].range.lowerBound : manifest.endIndex
            let block = String(manifest[match.range.lowerBound..<end])
            let name = String(match.output[2].substring ?? "")
            let kind = String(match.output[1].substring ?? "")
            let path = try Regex(#"path:\s*"([^"]+)""#).firstMatch(in: block).flatMap { $0.output[1].substring.map(String.init) }
            var dependencies: Set<String> = []
            if let list = try Regex(#"dependencies:\s*\[([^\]]*)\]"#).firstMatch(in: block)?.output[1].substring {
                for quoted in list.matches(of: try Regex(#"(package:\s*)?"([^"]+)""#)) where quoted.output[1].substring == nil {
                    dependencies.insert(String(quoted.output[2].substring ?? ""))
                }
            }
            return Target(name: name, folder: path ?? (kind == "testTarget" ? "Tests/" : "Sources/") + name, dependencies: dependencies)
        }
    }

    @Test("the manifest is read: every module of Sources/ is a target, with its dependencies")
    func manifestIsRead() throws {
        let targets = try Self.targets(in: String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8))
        let byName = Dictionary(uniqueKeysWithValues: targets.map { ($0.name, $0) })
        #expect(byName["AgoraStore"]?.dependencies.isSuperset(of: ["AgoraDomain", "SQLKit"]) == true)
        #expect(byName["AgoraTestSupport"]?.folder == "Tests/AgoraTestSupport")
        #expect(byName["AgoraDomainTests"]?.folder == "Tests/AgoraDomainTests")
        for module in ModuleDependencyTests.modules where !module.hasPrefix("C") {
            #expect(byName[module] != nil, "\(module) is not read from Package.swift")
        }
        for target in targets {
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(target.folder).path), "\(target.folder) is missing")
        }
    }

    @Test("every import of every target is declared in Package.swift")
    func everyImportIsDeclared() throws {
        let targets = try Self.targets(in: String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8))
        var undeclared: [String] = []
        for target in targets {
            let folder = Self.root.appendingPathComponent(target.folder)
            let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
            for file in files.sorted() {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for module in ModuleDependencyTests.imports(in: text).sorted() where module != target.name && !Self.system.contains(module) {
                    guard !target.dependencies.contains(Self.providedBy[module] ?? module) else { continue }
                    undeclared.append("\(target.folder)/\(file) imports \(module)")
                }
            }
        }
        #expect(undeclared == [])
    }
}
