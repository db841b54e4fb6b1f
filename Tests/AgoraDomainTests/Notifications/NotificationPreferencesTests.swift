import AgoraDomain
import Foundation
import Testing

@Suite("Notification kinds and preferences")
struct NotificationPreferencesTests {
    static func instant(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test("every kind has a category, channels and a template; only security notices are critical")
    func catalogue() {
        for kind in NotificationKind.allCases {
            #expect(!kind.channels.isEmpty && !kind.emailTemplate.isEmpty, "\(kind)")
            #expect(kind.channels.isSuperset(of: kind.category.defaultChannels), "\(kind): its category's defaults are channels it may use")
            #expect(kind.isCritical == (kind.category == .accountSecurity))
        }
        #expect(NotificationCategory.allCases.filter(\.isCritical) == [.accountSecurity])
        #expect(NotificationCategory.marketplaceNews.defaultChannels == [.inApp], "news by email is asked for, never assumed")
        #expect(NotificationCategory.allCases.allSatisfy { !$0.defaultChannels.contains(.digest) })
    }

    @Test("preferences decide each channel; a digest needs a frequency; security categories ignore the choice")
    func allows() throws {
        let chosen = try NotificationPreferences.read(
            channels: ["orders": ["in_app"], "reviews": ["email", "digest"]], quietHours: nil, timeZone: "Europe/Paris", digest: "daily"
        )
        #expect(chosen.allows(.orderOffered, on: .inApp) && !chosen.allows(.orderOffered, on: .email))
        #expect(!chosen.allows(.reviewPublished, on: .inApp) && chosen.allows(.reviewPublished, on: .email) && chosen.allows(.reviewPublished, on: .digest))
        #expect(chosen.allows(.paymentReleased, on: .email), "a category left out keeps its defaults")
        let noDigest = try NotificationPreferences.read(channels: ["reviews": ["digest"]], quietHours: nil, timeZone: "UTC", digest: "off")
        #expect(!noDigest.allows(.reviewPublished, on: .digest))
        #expect(NotificationPreferences.standard.allows(.proposalReceived, on: .email) && !NotificationPreferences.standard.allows(.proposalReceived, on: .digest))
        #expect(chosen.channels(of: .accountSecurity) == [.inApp, .email])
    }

    @Test("every bad field is named at once, and security notices cannot be turned off")
    func invalid() {
        do {
            _ = try NotificationPreferences.read(
                channels: ["orders": ["pigeon"], "gossip": ["email"], "account_security": ["in_app"]],
                quietHours: (start: "25:00", end: "7:00"), timeZone: "Mars/Olympus", digest: "hourly"
            )
            Issue.record("accepted")
        } catch let invalid as ValidationError {
            #expect(Set(invalid.errors.map(\.field)) == [
                "channels.orders", "channels.gossip", "channels.account_security", "quiet_hours.start", "quiet_hours.end", "time_zone", "digest",
            ])
        } catch {
            Issue.record("\(error)")
        }
        #expect(throws: ValidationError.self) {
            try NotificationPreferences.read(channels: [:], quietHours: (start: "22:00", end: "22:00"), timeZone: "UTC", digest: "off")
        }
        #expect(throws: ValidationError.self) { try NotificationPreferences.read(channels: [:], quietHours: nil, timeZone: nil, digest: "off") }
    }

    @Test("quiet hours hold optional email until they end in the person's zone, across midnight and changes of the clocks")
    func quietHours() throws {
        let night = try NotificationPreferences.read(
            channels: [:], quietHours: (start: "22:00", end: "07:00"), timeZone: "Europe/Berlin", digest: "off"
        )
        // 23:30 in Berlin (UTC+1 in winter): held until 07:00 the next morning, 06:00 UTC.
        #expect(night.emailTime(for: .proposalReceived, at: Self.instant("2026-12-07T22:30:00Z")) == Self.instant("2026-12-08T06:00:00Z"))
        // 05:00 in Berlin: held until 07:00 the same morning.
        #expect(night.emailTime(for: .proposalReceived, at: Self.instant("2026-12-08T04:00:00Z")) == Self.instant("2026-12-08T06:00:00Z"))
        // Noon: at once.
        let noon = Self.instant("2026-12-08T11:00:00Z")
        #expect(night.emailTime(for: .proposalReceived, at: noon) == noon)
        // The night the clocks go forward (29 March 2026, 02:00 → 03:00): 07:00 is then UTC+2, 05:00 UTC.
        #expect(night.emailTime(for: .proposalReceived, at: Self.instant("2026-03-28T23:00:00Z")) == Self.instant("2026-03-29T05:00:00Z"))
        // And back (25 October 2026): 07:00 is UTC+1 again, 06:00 UTC.
        #expect(night.emailTime(for: .proposalReceived, at: Self.instant("2026-10-24T23:00:00Z")) == Self.instant("2026-10-25T06:00:00Z"))
        // A quiet stretch inside one day, in New York (UTC−5 in winter): 13:00–14:00.
        let lunch = try NotificationPreferences.read(channels: [:], quietHours: (start: "13:00", end: "14:00"), timeZone: "America/New_York", digest: "off")
        #expect(lunch.emailTime(for: .orderOffered, at: Self.instant("2026-12-08T18:15:00Z")) == Self.instant("2026-12-08T19:00:00Z"))
        #expect(lunch.emailTime(for: .orderOffered, at: Self.instant("2026-12-08T19:00:00Z")) == Self.instant("2026-12-08T19:00:00Z"), "the end itself is not quiet")
    }

    @Test("quiet hours end at the first minute after a jump of the clocks when their end falls inside it")
    func skippedEnd() throws {
        // Quiet until 02:30 in Berlin; on 29 March 2026 02:30 does not exist: the email leaves at 03:00 (01:00 UTC).
        let hours = try NotificationPreferences.read(channels: [:], quietHours: (start: "23:00", end: "02:30"), timeZone: "Europe/Berlin", digest: "off")
        let release = hours.emailTime(for: .orderOffered, at: Self.instant("2026-03-28T23:30:00Z"))
        #expect(release == Self.instant("2026-03-29T01:00:00Z"), "\(release)")
    }
}
