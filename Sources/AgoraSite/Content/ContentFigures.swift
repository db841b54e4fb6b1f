import Foundation
import AgoraDomain
import AgoraStore
import AgoraTemplates

/// The platform's figures a Markdown page may quote by a setting's key in double braces (`{{fees.client-service-fee}}`
/// reads "3 %"), so that the terms and the guides say what the settings say (`PlatformSetting.siteText(in:)`). Changing
/// such a setting queues the site again; pages that quote a figure carry it in their key.
struct ContentFigures: Sendable {
    /// Setting key → the text pages show.
    let texts: [String: String]
    let key: InputKey

    init(settings: PlatformSettings) {
        var texts: [String: String] = [:]
        var key = InputKey()
        for setting in PlatformSetting.allCases {
            guard let text = setting.siteText(in: settings) else { continue }
            texts[setting.rawValue] = text
            key.combine(setting.rawValue)
            key.combine(text)
        }
        self.texts = texts
        self.key = key
    }

    /// The figures as the settings stand now.
    static func read(from store: Store) async throws -> ContentFigures {
        ContentFigures(settings: PlatformSettings(stored: try await PlatformSettingsRepository(store: store).current().mapValues(\.value)))
    }

    /// `html` with each `{{key}}` replaced by its figure, escaped, and whether it quoted any; an unknown key is an
    /// error naming the page's file.
    func fill(_ html: String, file: String) throws -> (html: String, quotes: Bool) {
        guard html.contains("{{") else { return (html, false) }
        var result = ""
        var rest = Substring(html)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let text = texts[name] else {
                throw SiteError(file: file, "quotes {{\(name)}}, which is not a figure pages may quote: \(texts.keys.sorted().joined(separator: ", "))")
            }
            result += HTMLText.escaped(text)
            rest = rest[close.upperBound...]
        }
        return (result + rest, true)
    }
}
