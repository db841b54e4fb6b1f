import AgoraDomain
import AgoraWorkflows
import Foundation
import Hummingbird
import Logging
import NIOPosix

/// Serves files from the generated site and nothing else: hidden files, backslashes and NUL bytes are refused,
/// and a path that resolves (through symbolic links) outside the site directory is answered as missing.
/// `..` in any spelling is refused by `FileMiddleware` itself before the provider is asked.
struct SiteFileProvider: FileProvider {
    typealias FileAttributes = LocalFileSystem.FileAttributes
    typealias FileIdentifier = String

    let root: String
    let files: LocalFileSystem

    init(root: String, logger: Logger) {
        self.root = root
        files = LocalFileSystem(rootFolder: root, threadPool: .singleton, logger: logger)
    }

    func getFileIdentifier(_ path: String) -> String? {
        guard !path.contains("\\"), !path.contains("\0") else { return nil }
        let segments = path.split(separator: "/")
        guard !segments.contains(where: { $0.hasPrefix(".") }) else { return nil }
        return files.getFileIdentifier(path)
    }

    func getAttributes(id path: String) async throws -> FileAttributes? {
        guard let resolvedRoot = Self.resolve(root), let resolved = Self.resolve(path),
              resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/")
        else { return nil }
        return try await files.getAttributes(id: path)
    }

    func loadFile(id path: String, context: some RequestContext) async throws -> ResponseBody {
        try await files.loadFile(id: path, context: context)
    }

    func loadFile(id path: String, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        try await files.loadFile(id: path, range: range, context: context)
    }

    /// The canonical absolute path, with every symbolic link followed; nil when the file does not exist.
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

enum SiteFileMiddleware {
    static func make<Context: RequestContext>(siteDirectory: URL, logger: Logger) -> FileMiddleware<Context, SiteFileProvider> {
        FileMiddleware(
            fileProvider: SiteFileProvider(root: siteDirectory.path, logger: logger),
            searchForIndexHtml: true
        )
        .withAdditionalMediaType(MediaType(type: .application, subType: "xml"), mappedToFileExtension: "xml")
    }

    /// Uploaded media (`Storage/media/`) at `/media/`, with the same refusals as the site's files.
    static func media<Context: RequestContext>(_ media: MediaStorage, logger: Logger) -> FileMiddleware<Context, SiteFileProvider> {
        FileMiddleware(fileProvider: SiteFileProvider(root: media.root.path, logger: logger), urlBasePath: String(PagePaths.media.dropLast()))
            .withAdditionalMediaType(MediaType(type: .image, subType: "webp"), mappedToFileExtension: "webp")
    }
}
