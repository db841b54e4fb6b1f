import AsyncHTTPClient
import Foundation
import NIOCore

/// The `siteverify` call that hCaptcha and Cloudflare Turnstile share: a form with the secret, the widget's token and
/// the person's IP; `{"success": true, …}` back.
enum SiteVerify {
    static func formBody(secret: String, response: String, remoteIP: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return "secret=\(encode(secret))&response=\(encode(response))&remoteip=\(encode(remoteIP))"
    }

    /// Whether the service's answer says the token is good; anything unreadable is a no.
    static func accepted(_ body: Data) -> Bool {
        struct Answer: Decodable { let success: Bool }
        return (try? JSONDecoder().decode(Answer.self, from: body))?.success ?? false
    }

    /// Asks the service. A service that cannot be reached is a 503 for the person to retry, never a pass.
    static func accepts(_ token: String, with captcha: HostedCaptcha, remoteIP: String) async throws -> Bool {
        var request = HTTPClientRequest(url: captcha.verifyURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: formBody(secret: captcha.secret, response: token, remoteIP: remoteIP)))
        let unavailable = Problem(
            status: .serviceUnavailable, detail: "The CAPTCHA check is unavailable right now. Try again in a moment.",
            type: .captchaUnavailable, retryAfter: 30
        )
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 64 * 1024)
            guard response.status == .ok else { throw unavailable }
            return accepted(Data(buffer: body))
        } catch let problem as Problem {
            throw problem
        } catch {
            throw unavailable
        }
    }
}
