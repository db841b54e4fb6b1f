import Foundation
import Testing

/// The direction of dependencies between the project's modules (docs/architecture.md), read from the import lines
/// of every source file, so that it cannot drift back: the API never imports the generator or the workers, the
/// workers and the generator never import the API, and the layers below know nothing of those above.
@Suite("Module dependencies")
struct ModuleDependencyTests {
    /// Each module of `Sources/` and the project's modules it may import. Anything else it imports comes from a
    /// package or the system.
    static let allowed: [String: Set<String>] = [
        "AgoraDomain": [],
        "AgoraTemplates": [],
        "AgoraQRCode": [],
        "AgoraMarkdown": ["CCmarkGFM"],
        "AgoraImages": ["AgoraDomain", "CVips"],
        "AgoraPublishedSite": ["AgoraDomain"],
        "AgoraStore": ["AgoraDomain"],
        "AgoraWorkflows": ["AgoraDomain", "AgoraStore", "AgoraTemplates", "AgoraMarkdown"],
        "AgoraSite": ["AgoraDomain", "AgoraStore", "AgoraTemplates", "AgoraMarkdown", "AgoraPublishedSite", "CLibXML2", "CAtomicRename"],
        "AgoraJobs": ["AgoraDomain", "AgoraStore", "AgoraWorkflows", "AgoraSite"],
        "AgoraAPI": ["AgoraDomain", "AgoraStore", "AgoraWorkflows", "AgoraMarkdown", "AgoraImages", "AgoraPublishedSite", "AgoraQRCode"],
        "agora": ["AgoraDomain", "AgoraStore", "AgoraWorkflows", "AgoraSite", "AgoraJobs", "AgoraAPI"],
        "AgoraFuzzing": ["AgoraDomain", "AgoraTemplates", "AgoraSite", "AgoraAPI"],
        "agora-fuzz": ["AgoraFuzzing", "CFuzzerDriver"],
        "agora-bench-ledger": ["AgoraDomain", "AgoraStore"],
        "CFuzzerDriver": [],
        "CCmarkGFM": [],
        "CLibXML2": [],
        "CVips": [],
        "CAtomicRename": [],
    ]

    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    static var modules: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Kinds an import may name before its path (`import struct AgoraSite.SiteBuild`).
    static let importKinds: Set<Substring> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]

    /// The modules a source text imports: lines that start with `import`, or with attributes and then `import`
    /// (`@testable import X`, `@preconcurrency import X`), optionally naming a kind (`import struct X.Y`).
    static func imports(in text: String) -> Set<String> {
        var found: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("@") {
            var words = line.split(separator: " ")[...]
            // Attributes, each one word with its parentheses closed (`@Test("a b")` is not an attribute of an import).
            while let first = words.first, first.hasPrefix("@"),
                  first.filter({ $0 == "(" }).count == first.filter({ $0 == ")" }).count {
                words = words.dropFirst()
            }
            guard words.first == "import" else { continue }
            words = words.dropFirst()
            if let kind = words.first, importKinds.contains(kind) { words = words.dropFirst() }
            guard let path = words.first, let module = path.split(separator: ".").first else { continue }
            found.insert(String(module))
        }
        return found
    }

    @Test("every module of Sources/ has its place in the table")
    func everyModuleIsPlaced() {
        #expect(!Self.modules.isEmpty)
        #expect(Set(Self.modules) == Set(Self.allowed.keys))
    }

    @Test("no module imports a project module it may not")
    func importsPointOneWay() throws {
        let project = Set(Self.modules)
        var violations: [String] = []
        for module in Self.modules {
            let folder = Self.sources.appendingPathComponent(module)
            let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
            for file in files.sorted() {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for imported in Self.imports(in: text).intersection(project).subtracting([module]) where !(Self.allowed[module] ?? []).contains(imported) {
                    violations.append("Sources/\(module)/\(file) imports \(imported)")
                }
            }
        }
        #expect(violations == [])
    }

    @Test("the domain imports nothing but Foundation, and the service reaches the database only through the store")
    func boundaries() throws {
        let database: Set<String> = ["SQLKit", "SQLiteKit", "SQLiteNIO", "PostgresKit", "PostgresNIO", "VaporCSQLite"]
        var found: [String] = []
        for (module, forbidden) in [("AgoraDomain", nil), ("AgoraAPI", database)] as [(String, Set<String>?)] {
            let folder = Self.sources.appendingPathComponent(module)
            let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
            #expect(!files.isEmpty)
            for file in files.sorted() {
                let imports = Self.imports(in: try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
                let refused = forbidden.map(imports.intersection) ?? imports.subtracting(["Foundation"])
                found += refused.sorted().map { "Sources/\(module)/\(file) imports \($0)" }
            }
        }
        #expect(found == [])
    }

    @Test("the allowed imports have no cycle")
    func noCycles() {
        func reaches(_ start: String, _ target: String, _ seen: inout Set<String>) -> Bool {
            for next in Self.allowed[start] ?? [] where seen.insert(next).inserted {
                if next == target || reaches(next, target, &seen) { return true }
            }
            return false
        }
        for module in Self.allowed.keys {
            var seen: Set<String> = []
            #expect(!reaches(module, module, &seen), "\(module) reaches itself")
        }
    }

    @Test("import lines are read in every form Swift allows, and only at the start of a line")
    func readsImports() {
        let text = """
            import AgoraDomain
            @testable import AgoraStore
            import struct AgoraSite.SiteBuild
            @_exported import Foundation
            @preconcurrency import AsyncKit
            // import AgoraAPI
            let note = "import AgoraJobs"
            @Test("every import of every target") func check() {}
              import Indented
            """
        #expect(Self.imports(in: text) == ["AgoraDomain", "AgoraStore", "AgoraSite", "Foundation", "AsyncKit"])
    }
}
