import AgoraSite
import ArgumentParser
import Foundation

/// Where the generator reads and writes, shared by `build` and `serve`.
struct SiteOptions: ParsableArguments {
    @Option(help: "Directory the site is written to and served from.")
    var out = "Site"

    @Option(help: "Directory of the Markdown pages.")
    var content = "Content"

    @Option(help: "Directory of the templates and assets.")
    var layouts = "Layouts"

    @Option(name: .customLong("base-url"), help: "Public URL of the site, for canonical links and the sitemap (default: $AGORA_BASE_URL, else http://127.0.0.1:8080).")
    var baseURL: String?

    @Option(help: "production, or staging: robots.txt disallows everything and every page is noindex.")
    var environment = BuildEnvironment.production

    var siteDirectory: URL { URL(fileURLWithPath: out) }

    func buildOptions() throws -> SiteBuildOptions {
        var options = SiteBuildOptions(
            outputDirectory: siteDirectory,
            contentDirectory: URL(fileURLWithPath: content),
            layoutsDirectory: URL(fileURLWithPath: layouts),
            baseURL: try SiteURL(baseURL ?? Environment.value("AGORA_BASE_URL") ?? "http://127.0.0.1:8080")
        )
        options.environment = environment
        return options
    }
}

extension BuildEnvironment: ExpressibleByArgument {}
