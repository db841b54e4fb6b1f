import AgoraDomain
import AgoraTemplates

/// One of a provider's background lists as the provider page shows it (`Layouts/partials/background.mustache`):
/// its heading and its entries, each with where and when; a certificate's link followed by no crawler.
struct BackgroundView: TemplateFields {
    let kind: BackgroundKind
    let entries: [BackgroundEntry]

    /// The lists a provider filled in, in the page's order.
    static func sections(of provider: ProviderProfile) -> [BackgroundView] {
        BackgroundKind.allCases.compactMap { kind in
            guard let entries = provider.background[kind], !entries.isEmpty else { return nil }
            return BackgroundView(kind: kind, entries: entries)
        }
    }

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "key": .text(kind.rawValue)
        case "heading": .text(kind.heading)
        case "entries": .objects(entries.map { EntryView(kind: kind, entry: $0) })
        default: nil
        }
    }

    struct EntryView: TemplateFields {
        let kind: BackgroundKind
        let entry: BackgroundEntry

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "title": .text(entry.title)
            case "organisation": .optional(entry.organisation.isEmpty ? nil : entry.organisation)
            case "period": .optional(entry.start == nil ? nil : entry.period(of: kind))
            case "paragraphs": .texts(entry.description.components(separatedBy: "\n\n").map(PageMeta.collapsingWhitespace).filter { !$0.isEmpty })
            case "link": .optional(entry.link)
            default: nil
            }
        }
    }
}
