import AgoraJobs
import AgoraTestSupport
import Foundation
import Testing

/// The real `agora serve`, driven over HTTP like the islands drive it, with the email worker writing `.eml` files.
@Suite("Accounts end to end against agora serve", .serialized)
struct AccountsEndToEndTests {
    static let password = "Violet-Harbour-Lantern-7"
    static let productionKey = "a-production-signing-key-of-at-least-32-bytes"

    /// Waits for the worker to write the next `.eml` to the address and returns its decoded text.
    func nextEmail(in service: RunningService, to address: String, after seen: Set<String>) async throws -> (String, String) {
        let mail = service.storage.appendingPathComponent("mail")
        for _ in 0..<100 {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: mail.path)) ?? []).filter { $0.hasSuffix(".eml") }.sorted()
            for file in files where !seen.contains(file) {
                let text = QuotedPrintable.decode(try String(contentsOf: mail.appendingPathComponent(file), encoding: .utf8))
                if text.contains("To: \(address)") { return (file, text) }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSetupError("no email to \(address) arrived: \(service.log())")
    }

    func cookie(_ headers: [String: String]) -> String? {
        guard let header = headers["set-cookie"], header.hasPrefix("agora_refresh=") else { return nil }
        return String(header.dropFirst("agora_refresh=".count).prefix { $0 != ";" })
    }

    func accessToken(_ body: Data) -> String? {
        (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["access_token"] as? String
    }

    @Test("register → the .eml → verify → login → refresh → a replayed token ends the session → logout refuses the token")
    func accountLifecycle() async throws {
        let service = try await RunningService(environment: ["AGORA_REFRESH_GRACE_SECONDS": "0"])
        defer { service.stop() }
        let (registered, _, _) = try await service.request("POST", "/api/auth/register", json: """
            {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "password": "\(Self.password)",
             "phone": "+44 20 7946 0958", "country": "GB", "user_type": "provider",
             "accepted_terms_version": "2026-11-01", "accepted_privacy_version": "2026-11-01"}
            """)
        #expect(registered == 202)
        let (firstFile, verification) = try await nextEmail(in: service, to: "ada@example.com", after: [])
        #expect(verification.contains("Subject: Confirm your email address for Agora"))
        let token = try #require(verification.range(of: "verify-email/?token=").map {
            String(verification[$0.upperBound...].prefix(43))
        })

        let (verified, verifiedHeaders, verifiedBody) = try await service.request("GET", "/api/auth/verify-email/\(token)")
        #expect(verified == 200)
        let verifiedAccess = try #require(accessToken(verifiedBody))
        #expect(cookie(verifiedHeaders) != nil)
        let (_, welcome) = try await nextEmail(in: service, to: "ada@example.com", after: [firstFile])
        #expect(welcome.contains("Subject: Welcome to Agora"))

        let (login, loginHeaders, loginBody) = try await service.request("POST", "/api/auth/login", json: """
            {"email": "ada@example.com", "password": "\(Self.password)"}
            """)
        #expect(login == 200)
        let access = try #require(accessToken(loginBody))
        let refreshToken = try #require(cookie(loginHeaders))
        #expect(loginHeaders["set-cookie"]?.contains("HttpOnly") == true)
        #expect(loginHeaders["set-cookie"]?.contains("Secure") == false)

        let (refreshed, refreshedHeaders, refreshedBody) = try await service.request(
            "POST", "/api/auth/refresh", headers: ["Cookie": "agora_refresh=\(refreshToken)"]
        )
        #expect(refreshed == 200)
        let newAccess = try #require(accessToken(refreshedBody))
        let newRefresh = try #require(cookie(refreshedHeaders))
        #expect(newRefresh != refreshToken)

        let (replayed, _, replayedBody) = try await service.request("POST", "/api/auth/refresh", headers: ["Cookie": "agora_refresh=\(refreshToken)"])
        #expect(replayed == 401)
        #expect(String(decoding: replayedBody, as: UTF8.self).contains("refresh-token-reused"))
        #expect(try await service.request("POST", "/api/auth/refresh", headers: ["Cookie": "agora_refresh=\(newRefresh)"]).0 == 401)
        #expect(try await service.request("GET", "/api/auth/me", headers: ["Authorization": "Bearer \(newAccess)"]).0 == 401)

        #expect(try await service.request("GET", "/api/auth/me", headers: ["Authorization": "Bearer \(access)"]).0 == 401)
        let bearer = ["Authorization": "Bearer \(verifiedAccess)"]
        #expect(try await service.request("GET", "/api/auth/me", headers: bearer).0 == 200)
        #expect(try await service.request("POST", "/api/auth/logout", headers: bearer).0 == 204)
        #expect(try await service.request("GET", "/api/auth/me", headers: bearer).0 == 401)

        let newPassword = "Quartz-Meadow-Kettle-42"
        // Taken before the request: the worker may write the reset email before the answer is read.
        let beforeReset = seenFiles(service)
        let (forgot, _, _) = try await service.request("POST", "/api/auth/forgot-password", json: #"{"email": "ada@example.com"}"#)
        #expect(forgot == 202)
        let (_, resetMail) = try await nextEmail(in: service, to: "ada@example.com", after: beforeReset)
        let resetToken = try #require(resetMail.range(of: "reset-password/?token=").map { String(resetMail[$0.upperBound...].prefix(43)) })
        let (reset, _, _) = try await service.request("POST", "/api/auth/reset-password", json: #"{"token": "\#(resetToken)", "password": "\#(newPassword)"}"#)
        #expect(reset == 204)

        let log = service.log()
        for secret in [token, refreshToken, newRefresh, verifiedAccess, access, newAccess, resetToken, Self.password, newPassword, "$2b$"] {
            #expect(!log.contains(secret), "a secret reached the log")
        }
        #expect(log.contains("/api/auth/verify-email/{token}"))
    }

    /// The `.eml` files written so far.
    func seenFiles(_ service: RunningService) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: service.storage.appendingPathComponent("mail").path)) ?? [])
    }

    @Test("with AGORA_LOG_FORMAT=json every line of the log is one JSON object, whatever a client puts in a path")
    func jsonLog() async throws {
        let service = try await RunningService(environment: ["AGORA_LOG_FORMAT": "json"])
        defer { service.stop() }
        #expect(try await service.request("GET", "/no-such-page%0A2026-12-05T00:00:00Z%20info%20forged/").0 == 404)
        let callback = try await service.request("GET", "/api/auth/google/callback?error=%0Aforged").0
        let login = try await service.request("POST", "/api/auth/login", json: #"{"email": "x@example.com", "password": "wrong-horse-battery"}"#).0
        // The callback redirects to the sign-in page, which this service has not built: the redirect is followed to a 404.
        #expect(callback == 404 && login == 401, "\(callback) \(login)")
        let lines = service.log().split(separator: "\n")
        #expect(lines.count >= 4)
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            #expect(object?["message"] != nil, "not one JSON object: \(line)")
        }
        #expect(!service.log().contains("wrong-horse-battery"))
    }

    @Test("cookies are Secure when the public URL is https, even when a proxy forwards Host: 127.0.0.1")
    func secureCookiesFollowThePublicURL() async throws {
        let service = try await RunningService(environment: ["AGORA_BASE_URL": "https://agora.example"])
        defer { service.stop() }
        let (status, headers, _) = try await service.request("POST", "/api/auth/refresh", headers: ["Cookie": "agora_refresh=stale"])
        #expect(status == 401)
        let cookie = try #require(headers["set-cookie"])
        #expect(cookie.hasPrefix("agora_refresh=;") && cookie.contains("Secure") && cookie.contains("HttpOnly"))
    }

    @Test("limits count the client a trusted proxy names, and a header from anyone else changes nothing")
    func trustedProxies() async throws {
        let limit = 10
        func exhaust(_ service: RunningService, as forwarded: (Int) -> String) async throws -> [Int] {
            var statuses: [Int] = []
            for number in 0...limit {
                let (status, _, _) = try await service.request(
                    "GET", "/api/auth/email-available?email=a\(number)@example.com", headers: ["X-Forwarded-For": forwarded(number)]
                )
                statuses.append(status)
            }
            return statuses
        }
        let unlimited = try await RunningService(environment: ["AGORA_RATE_LIMITS": "off"])
        defer { unlimited.stop() }
        #expect(try await exhaust(unlimited) { _ in "198.51.100.1" }.allSatisfy { $0 == 200 }, "AGORA_RATE_LIMITS=off counts nothing")
        let direct = try await RunningService()
        defer { direct.stop() }
        let spoofed = try await exhaust(direct) { "198.51.100.\($0)" }
        #expect(spoofed.last == 429, "without trusted proxies, a forged X-Forwarded-For is not a new client")
        let proxied = try await RunningService(environment: ["AGORA_TRUSTED_PROXIES": "127.0.0.1"])
        defer { proxied.stop() }
        #expect(try await exhaust(proxied) { _ in "198.51.100.1" }.last == 429)
        let (other, _, _) = try await proxied.request("GET", "/api/auth/email-available?email=b@example.com", headers: ["X-Forwarded-For": "198.51.100.2"])
        #expect(other == 200, "another client behind the trusted proxy has its own limit")
        let (spoofedBehind, _, _) = try await proxied.request(
            "GET", "/api/auth/email-available?email=c@example.com", headers: ["X-Forwarded-For": "203.0.113.50, 198.51.100.1"]
        )
        #expect(spoofedBehind == 429, "what the client wrote left of the proxy's hop is not believed")
    }

    @Test("the service refuses to start with settings that are unsafe in production")
    func unsafeSettings() async throws {
        for (environment, message) in [
            (["AGORA_ENVIRONMENT": "production", "AGORA_BCRYPT_COST": "10", "AGORA_BASE_URL": "http://agora.example"], "AGORA_BASE_URL must be an https URL"),
            (["AGORA_ENVIRONMENT": "production", "AGORA_BCRYPT_COST": "10", "AGORA_BASE_URL": "https://agora.example", "AGORA_CAPTCHA": "proof-of-work"], "AGORA_JWT_SECRET is required"),
            (["AGORA_ENVIRONMENT": "production", "AGORA_BCRYPT_COST": "10", "AGORA_CAPTCHA": "off", "AGORA_BASE_URL": "https://agora.example", "AGORA_JWT_SECRET": Self.productionKey, "AGORA_DOCUMENT_KEY": Self.productionKey, "AGORA_MESSAGE_KEYS": Self.productionKey], "AGORA_CAPTCHA=off is refused"),
            (["AGORA_ENVIRONMENT": "production", "AGORA_BCRYPT_COST": "4", "AGORA_BASE_URL": "https://agora.example", "AGORA_JWT_SECRET": Self.productionKey, "AGORA_DOCUMENT_KEY": Self.productionKey, "AGORA_MESSAGE_KEYS": Self.productionKey], "AGORA_BCRYPT_COST below 10"),
            (["AGORA_ENVIRONMENT": "production", "AGORA_BCRYPT_COST": "10", "AGORA_BASE_URL": "https://agora.example", "AGORA_CAPTCHA": "proof-of-work", "AGORA_JWT_SECRET": Self.productionKey, "AGORA_DOCUMENT_KEY": Self.productionKey, "AGORA_MESSAGE_KEYS": Self.productionKey], "AGORA_MAIL_TRANSPORT=file is refused"),
            (["AGORA_JWT_PREVIOUS_SECRET": "short"], "AGORA_JWT_PREVIOUS_SECRET must be at least 32 characters"),
            (["AGORA_SMTP_URL": "smtp://localhost:1", "AGORA_SMTP_REQUIRE_TLS": "maybe"], "AGORA_SMTP_REQUIRE_TLS must be on or off"),
            (["AGORA_LOG_FORMAT": "xml"], "AGORA_LOG_FORMAT must be text or json, not xml"),
            (["AGORA_RATE_LIMITS": "sometimes"], "AGORA_RATE_LIMITS must be on or off, not sometimes"),
            (["AGORA_ENVIRONMENT": "production", "AGORA_BCRYPT_COST": "10", "AGORA_BASE_URL": "https://agora.example", "AGORA_JWT_SECRET": Self.productionKey, "AGORA_DOCUMENT_KEY": Self.productionKey, "AGORA_MESSAGE_KEYS": Self.productionKey, "AGORA_CAPTCHA": "proof-of-work", "AGORA_RATE_LIMITS": "off"], "AGORA_RATE_LIMITS=off is refused"),
            (["AGORA_IDLE_TIMEOUT": "0"], "AGORA_IDLE_TIMEOUT must be a number of seconds from 1 to 3600, not 0"),
            (["AGORA_TRUSTED_PROXIES": "10.0.0.0/8, proxy.local"], "AGORA_TRUSTED_PROXIES must list addresses or CIDR ranges separated by commas; not one: proxy.local"),
            (["AGORA_JWT_SECRET": "short"], "AGORA_JWT_SECRET must be at least 32 characters"),
            (["AGORA_DOCUMENT_KEY": "short"], "AGORA_DOCUMENT_KEY must be at least 32 characters"),
            (["AGORA_MESSAGE_KEYS": Self.productionKey + ",short"], "AGORA_MESSAGE_KEYS must hold secrets of at least 32 characters each"),
            (["AGORA_ENVIRONMENT": "production", "AGORA_BCRYPT_COST": "10", "AGORA_BASE_URL": "https://agora.example", "AGORA_CAPTCHA": "proof-of-work", "AGORA_JWT_SECRET": Self.productionKey, "AGORA_DOCUMENT_KEY": Self.productionKey], "AGORA_MESSAGE_KEYS is required"),
            (["AGORA_ENVIRONMENT": "production", "AGORA_BCRYPT_COST": "10", "AGORA_BASE_URL": "https://agora.example", "AGORA_CAPTCHA": "proof-of-work", "AGORA_JWT_SECRET": Self.productionKey], "AGORA_DOCUMENT_KEY is required"),
        ] {
            let error = await #expect(throws: TestSetupError.self) { _ = try await RunningService(environment: environment) }
            #expect(error?.description.contains(message) == true, "\(environment)")
        }
    }
}

