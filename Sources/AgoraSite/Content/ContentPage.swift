import Foundation

/// A Markdown file from `Content/`, parsed and rendered, with the URL it is published at.
public struct ContentPage: Sendable {
    /// The file, relative to the project, for messages: `Content/legal/terms.md`.
    public let sourcePath: String
    /// Site-relative URL with slashes at both ends: `/legal/terms/`.
    public let urlPath: String
    public let frontMatter: FrontMatter
    public let bodyHTML: String
    /// `lastmod` from the front matter, else the file's modification time.
    public let lastModified: Date
    /// A fingerprint of the file's text, so an unchanged file is not rendered again.
    public let sourceKey: String
}
