import Foundation

/// `/feed.xml`, an Atom feed (RFC 4287) of the site's Markdown pages, newest first: a page enters when it is
/// published and comes back to the top when its `lastmod` (or its file) changes, so a subscriber hears of new and
/// revised guides. Pages kept out of search engines stay out of the feed. Every page's head links to it. The text is
/// its own key.
struct FeedPage: TextSitePage {
    static let path = "/feed.xml"
    /// Entries in the feed: the newest pages only, as feed readers poll the whole file.
    static let entryLimit = 20

    let text: String

    init(content: [ContentPage], context: SiteContext) {
        let entries = content.filter { !$0.frontMatter.noindex }
            .sorted { ($0.lastModified, $0.urlPath) > ($1.lastModified, $1.urlPath) }
            .prefix(Self.entryLimit)
        let baseURL = context.baseURL
        let name = XMLText.escape(context.configuration.name)
        let home = XMLText.escape(baseURL.absolute("/"))
        // A feed without entries still needs a date: the epoch says "never updated" rather than inventing one.
        let updated = W3CDate.format(entries.first?.lastModified ?? Date(timeIntervalSince1970: 0))
        var text = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(name)</title>
            <subtitle>\(XMLText.escape(context.configuration.description))</subtitle>
            <link rel="self" type="application/atom+xml" href="\(XMLText.escape(baseURL.absolute(Self.path)))"/>
            <link rel="alternate" type="text/html" href="\(home)"/>
            <id>\(home)</id>
            <updated>\(updated)</updated>
            <author><name>\(name)</name></author>

            """
        for page in entries {
            let url = XMLText.escape(baseURL.absolute(page.urlPath))
            let matter = page.frontMatter
            text += "<entry xml:lang=\"\(XMLText.escape(matter.locale))\">"
            text += "<title>\(XMLText.escape(matter.title))</title>"
            text += "<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/><id>\(url)</id>"
            if let date = matter.date { text += "<published>\(W3CDate.format(date))</published>" }
            text += "<updated>\(W3CDate.format(page.lastModified))</updated>"
            text += "<summary>\(XMLText.escape(matter.description))</summary></entry>\n"
        }
        self.text = text + "</feed>\n"
    }

    var path: String { Self.path }
}
