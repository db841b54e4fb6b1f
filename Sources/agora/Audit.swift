import AgoraSite
import ArgumentParser
import Foundation

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the generated site as a search engine would; exits non-zero when it finds errors."
    )

    @Option(help: "Directory of the generated site.")
    var site = "Site"

    @Option(help: "Directory of the Markdown pages, for each page's target_keyword.")
    var content = "Content"

    @Option(help: "Directory of uploaded media, served at /media/ (photos the pages show).")
    var media = "Storage/media"

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        let report = try SiteAudit(
            siteDirectory: URL(fileURLWithPath: site), contentDirectory: URL(fileURLWithPath: content), mediaDirectory: URL(fileURLWithPath: media)
        ).run()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            for finding in report.findings {
                print("\(finding.severity.rawValue): \(finding.page): \(finding.check): \(finding.message)")
            }
            for density in report.keywordDensities {
                print(String(format: "keyword: %@: \"%@\" %d times in %d words (%.1f%%)", density.page, density.keyword, density.occurrences, density.words, density.percent))
            }
            print("audited \(report.pages) pages: \(report.errors.count) errors, \(report.warnings.count) warnings")
        }
        if !report.errors.isEmpty { throw ExitCode.failure }
    }
}
