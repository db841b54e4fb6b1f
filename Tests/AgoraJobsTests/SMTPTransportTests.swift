import AgoraDomain
@testable import AgoraJobs
@testable import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("SMTP delivery to a real server on loopback", .serialized)
struct SMTPTransportTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    func queue(_ store: Store, id: String) async throws {
        try await EmailOutbox(store: store).enqueue(NewOutboxEmail(
            messageID: "<\(id)@agora.test>", recipient: "ada@example.com", subject: "Confirm your address",
            template: "verification", textBody: "Hello Ada,\n.a line that starts with a dot\nhttps://agora.test/verify-email/?token=abc",
            htmlBody: "<p>Hello Ada</p>"
        ), now: Self.start)
    }

    func transport(_ server: SMTPServer, url: String? = nil) throws -> SMTPMailTransport {
        try SMTPMailTransport(settings: .init(url: url ?? server.url), trustRoots: server.certificate, timeout: .seconds(10))
    }

    @Test("a message goes through STARTTLS and AUTH and arrives whole, dots and all")
    func delivers() async throws {
        let server = try await SMTPServer()
        try await TestDatabase.sqlite.withStore { store async throws in
            try await queue(store, id: "one")
            let worker = EmailWorker(store: store, transport: try transport(server), sender: "Agora <no-reply@agora.test>", clock: FixedClock(Self.start))
            #expect(try await worker.drainOnce() == 1)
            let sent = try await EmailOutbox(store: store).find(messageID: "<one@agora.test>")
            #expect(sent?.status == .sent, "\(sent?.lastError ?? "")")
        }
        let messages = server.messages()
        #expect(messages.count == 1)
        let text = QuotedPrintable.decode(try #require(messages.first))
        #expect(text.contains("Subject: Confirm your address"))
        #expect(text.contains("Message-ID: <one@agora.test>"))
        #expect(text.contains("\r\n.a line that starts with a dot\r\n"))
    }

    @Test("a relay that is down and comes back gets the message once; nothing is lost")
    func downThenUp() async throws {
        let server = try await SMTPServer(start: false)
        try await TestDatabase.sqlite.withStore { store async throws in
            try await queue(store, id: "patient")
            let clock = ManualClock(Self.start)
            let worker = EmailWorker(store: store, transport: try transport(server), sender: "no-reply@agora.test", clock: clock)
            #expect(try await worker.drainOnce() == 1)
            let waiting = try #require(try await EmailOutbox(store: store).find(messageID: "<patient@agora.test>"))
            #expect(waiting.status == .pending)
            #expect(waiting.lastError != nil)
            try await server.start()
            #expect(try await worker.drainOnce() == 0)
            clock.advance(by: 30)
            #expect(try await worker.drainOnce() == 1)
            clock.advance(by: 3_600)
            #expect(try await worker.drainOnce() == 0)
            #expect(try await EmailOutbox(store: store).find(messageID: "<patient@agora.test>")?.status == .sent)
        }
        #expect(server.messages().count == 1)
    }

    @Test("a wrong password is an error that names the step, never the password, and the message waits")
    func wrongPassword() async throws {
        let server = try await SMTPServer()
        let wrong = "smtp://agora:not-the-password@localhost:\(server.port)"
        let error = await #expect(throws: SMTPError.self) {
            try await transport(server, url: wrong).deliver(MIMEMessage(
                from: "a@agora.test",
                email: OutboxEmail(id: 1, messageID: "<x@agora.test>", recipient: "ada@example.com", subject: "S", template: "t",
                                   textBody: "b", htmlBody: "<p>b</p>", headers: [:], unsubscribeScope: nil, status: .sending, attempts: 1,
                                   lastError: nil, createdAt: Self.start, sentAt: nil),
                date: Self.start
            ))
        }
        #expect(error?.description.contains("AUTH PLAIN") == true)
        #expect(error?.description.contains("not-the-password") == false)
        #expect(server.messages().isEmpty)
    }

    @Test("a relay without STARTTLS gets nothing when TLS is required, and plain mail only when it is not")
    func requiresTLS() async throws {
        let server = try await SMTPServer(plain: true)
        let message = MIMEMessage(
            from: "a@agora.test",
            email: OutboxEmail(id: 1, messageID: "<plain@agora.test>", recipient: "ada@example.com", subject: "S", template: "t",
                               textBody: "b", htmlBody: "<p>b</p>", headers: [:], unsubscribeScope: nil, status: .sending, attempts: 1,
                               lastError: nil, createdAt: Self.start, sentAt: nil),
            date: Self.start
        )
        var settings = try SMTPMailTransport.Settings(url: server.url)
        settings.requiresTLS = true
        let refused = await #expect(throws: SMTPError.self) {
            try await SMTPMailTransport(settings: settings, timeout: .seconds(10)).deliver(message)
        }
        #expect(refused?.description == SMTPError.tlsRequired.description)
        #expect(server.messages().isEmpty)
        settings.requiresTLS = false
        try await SMTPMailTransport(settings: settings, timeout: .seconds(10)).deliver(message)
        #expect(server.messages().count == 1)
    }

    @Test("SMTP URLs are read with their defaults, and other schemes are refused")
    func settings() throws {
        let plain = try SMTPMailTransport.Settings(url: "smtp://user%40corp:p%3Ass@mail.example")
        #expect(plain.port == 587)
        #expect(!plain.implicitTLS)
        #expect(plain.username == "user@corp")
        #expect(plain.password == "p:ss")
        let implicit = try SMTPMailTransport.Settings(url: "smtps://mail.example")
        #expect(implicit.port == 465 && implicit.implicitTLS && implicit.username == nil)
        #expect(throws: MailSettingsError.self) { try SMTPMailTransport.Settings(url: "http://mail.example") }
    }
}
