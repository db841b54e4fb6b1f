import AgoraDomain
import AgoraTemplates
import Foundation

/// The actions of a provider's page, as plain links written at build time: "Request a proposal" opens the order
/// wizard with the provider invited (and the primary category chosen), and the share links — email, LinkedIn, X —
/// carry the page's address with no third-party script. Favourite and "Copy the link" are the island's
/// (`provider-actions.js`).
struct ProviderActionsView: TemplateFields {
    let requestURL: String
    let emailURL: String
    let linkedInURL: String
    let xURL: String
    let pageURL: String
    let providerID: Int64

    init(_ provider: ProviderProfile, primaryCategory: Slug?, pageURL: String) {
        var wizard = [("provider", String(provider.id)), ("name", provider.displayName)]
        if let primaryCategory { wizard.append(("category", primaryCategory.value)) }
        requestURL = PagePaths.newOrder + "?" + Self.query(wizard)
        let title = "\(provider.displayName) — \(provider.title)"
        emailURL = "mailto:?" + Self.query([("subject", title), ("body", "\(title)\n\(pageURL)")])
        linkedInURL = "https://www.linkedin.com/sharing/share-offsite/?" + Self.query([("url", pageURL)])
        xURL = "https://x.com/intent/post?" + Self.query([("url", pageURL), ("text", title)])
        self.pageURL = pageURL
        providerID = provider.id
    }

    /// `name=value&…`, each value percent-encoded (spaces as `%20`, so that `mailto:` reads them too).
    static func query(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "requestURL": .text(requestURL)
        case "emailURL": .text(emailURL)
        case "linkedInURL": .text(linkedInURL)
        case "xURL": .text(xURL)
        case "pageURL": .text(pageURL)
        case "providerID": .number(Int(providerID))
        default: nil
        }
    }
}
