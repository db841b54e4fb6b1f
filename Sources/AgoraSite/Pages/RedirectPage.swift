import AgoraDomain
import AgoraTemplates

/// The small page standing at a redirected URL for static hosts: a meta refresh and a canonical link to the target.
struct RedirectPage: SitePage {
    let templates: TemplateLibrary
    let path: String
    /// Where it sends the visitor, absolute.
    let target: String
    let key: InputKey

    init(_ redirect: Redirect, target: String, templates: TemplateLibrary, baseURL: SiteURL) {
        self.templates = templates
        path = redirect.from
        self.target = target
        key = InputKey(target, String(redirect.status.rawValue), baseURL.base)
    }

    func render(with providers: [Int64: ProviderProfile]) throws -> RenderedPage? {
        let html = try templates.render(.fields(["target": .text(target)]), template: "redirect")
        return RenderedPage(path: path, html: html, lastModified: nil, inSitemap: false, isRedirect: true)
    }
}
