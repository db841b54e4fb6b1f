import AgoraWorkflows
import HTTPTypes
import Hummingbird

/// The browser hardening every response carries, site and API alike: a Content-Security-Policy that runs scripts
/// from this origin only (no inline script, no `eval`; islands read their data from `<script type="application/json">`),
/// no plugins, no `<base>`, no framing; `nosniff`; a referrer policy that keeps paths (and the tokens some hold) on
/// this site; no camera, microphone, location or payment APIs; and HSTS when the public URL is https. A hosted CAPTCHA
/// and the payment processor's checkout script (Stripe.js), when configured, are the other origins the pages may load
/// from.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let headers: HTTPFields

    init(publicBaseURL: String, captcha: CaptchaMode, checkout: CheckoutScript? = nil) {
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy(captcha: captcha, checkout: checkout)
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "strict-origin-when-cross-origin"
        headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        if publicBaseURL.lowercased().hasPrefix("https://") {
            headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        }
        self.headers = headers
    }

    /// Images may be `data:` URLs (small inline icons in the stylesheet) and `blob:` URLs (a photo previewed in the
    /// cropper before it is sent, made by the page itself); everything else is this origin's, plus
    /// the CAPTCHA's origins for its script, frame, styles and requests, and the checkout script's for its script,
    /// frames and requests.
    static func contentSecurityPolicy(captcha: CaptchaMode, checkout: CheckoutScript? = nil) -> String {
        let widget = if case .hosted(let hosted) = captcha { hosted.service.widgetOrigins } else { [String]() }
        let active = widget + (checkout?.origins ?? [])
        func list(_ origins: [String]) -> String { origins.isEmpty ? "" : " " + origins.joined(separator: " ") }
        return [
            "default-src 'self'",
            "script-src 'self'" + list(active),
            "style-src 'self'" + list(widget),
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'" + list(active),
            "frame-src " + (active.isEmpty ? "'none'" : active.joined(separator: " ")),
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in headers where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}
