import AgoraSite
import ArgumentParser
import Foundation

/// What the generator reads and for where it builds, shared by `build` and `serve --watch`.
struct SourceOptions: ParsableArguments {
    @Option(help: "Directory of the Markdown pages.")
    var content = "Content"

    @Option(help: "Directory of the templates and assets.")
    var layouts = "Layouts"

    @Option(name: .customLong("base-url"), help: "Public URL of the site, for canonical links and the sitemap (default: $AGORA_BASE_URL, else http://127.0.0.1:8080).")
    var baseURL: String?

    @Option(help: "production, or staging: robots.txt disallows everything and every page is noindex.")
    var environment = BuildEnvironment.production

    func buildOptions(output: String) throws -> SiteBuildOptions {
        var options = SiteBuildOptions(
            outputDirectory: URL(fileURLWithPath: output),
            contentDirectory: URL(fileURLWithPath: content),
            layoutsDirectory: URL(fileURLWithPath: layouts),
            baseURL: try SiteURL(baseURL ?? Environment.value("AGORA_BASE_URL") ?? "http://127.0.0.1:8080")
        )
        options.environment = environment
        return options
    }
}

extension BuildEnvironment: ExpressibleByArgument {}
