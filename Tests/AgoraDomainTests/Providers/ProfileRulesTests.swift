import AgoraDomain
import Foundation
import Testing

@Suite("Profile rules")
struct ProfileRulesTests {
    static func complete() throws -> ProfileContent {
        var input = ProfileContent.Input()
        input.title = "Bakery websites and booking systems"
        input.bio = "I build websites for bakeries and small food shops, with online orders and menus."
        input.categories = ["web-development"]
        input.skills = ["Swift"]
        input.languages = [(code: "fr", level: "native")]
        input.hourlyRate = "45"
        input.currency = "EUR"
        return try ProfileContent(input)
    }

    @Test("the completeness weights add up to 100, and a complete profile scores what it has")
    func completeness() throws {
        #expect(ProfileCompleteness.Part.allCases.reduce(0) { $0 + $1.weight } == 100)
        let empty = ProfileCompleteness(.empty, hasPhoto: false)
        #expect(empty.score == ProfileCompleteness.Part.location.weight, "working remotely is the default")
        #expect(!empty.canBePublished)
        let complete = ProfileCompleteness(try Self.complete(), hasPhoto: false)
        #expect(complete.canBePublished, "a photo is not needed to publish")
        #expect(complete.missing == [.photo, .experience, .education, .certifications, .weeklyHours])
        #expect(complete.score == 100 - 10 - 5 - 2 - 2 - 1)
        #expect(ProfileCompleteness(try Self.complete(), hasPhoto: true).score == 100 - 5 - 2 - 2 - 1)
        var remoteOnly = try Self.complete()
        remoteOnly.remote = false
        #expect(ProfileCompleteness(remoteOnly, hasPhoto: true).missingForPublication == [.location], "a city, or working remotely")
    }

    @Test("a draft may leave fields empty; what is given is checked, each bad field named")
    func fields() throws {
        #expect(try ProfileContent(ProfileContent.Input()) == .empty)
        var input = ProfileContent.Input()
        input.title = "Line one\nline two"
        input.hourlyRate = "10.555"
        input.currency = "EUR"
        input.city = "Lyon"
        input.availableFrom = "30/01/2027"
        input.availability = "limited"
        input.skills = Array(repeating: "Swift", count: ProfileContent.maximumSkills + 1)
        input.languages = [(code: "en", level: "fluent"), (code: "EN", level: "basic")]
        do {
            _ = try ProfileContent(input)
            Issue.record("the input should have been refused")
        } catch let invalid as ValidationError {
            #expect(Set(invalid.errors.map(\.field)) == ["title", "hourly_rate", "country", "available_from", "skills", "languages[1].code"])
        }
    }

    @Test("review holds new links and what the filters find in the text the change wrote, and nothing else")
    func review() throws {
        let review = ProfileReview(screen: ContentScreen(blockedWords: ["scam"]))
        let live = try Self.complete()
        var plain = live
        plain.title = "Bakery websites, menus and bookings"
        #expect(review.reasons(from: live, to: plain).isEmpty)
        var linked = live
        linked.bio += " My work: https://example.com"
        #expect(review.reasons(from: live, to: linked) == ["links in the bio"])
        #expect(review.reasons(from: linked, to: linked).isEmpty, "a link already live does not hold the next change")
        var contact = live
        contact.experience = [BackgroundEntry(
            title: "Web developer", organisation: "", start: YearMonth(year: 2020, month: 1), end: nil,
            description: "Call me on +33 6 12 34 56 78 or write to me@mail.example, no scam.", link: nil
        )]
        #expect(Set(review.reasons(from: live, to: contact)) == ["contact-details", "blocked-words"])
    }

    @Test("a status leads to the publication its review rules ask for")
    func statuses() {
        #expect(ProfileStatus.draft.publishing == .pending)
        #expect(ProfileStatus.rejected.publishing == .pending, "a refused profile is reviewed again")
        #expect(ProfileStatus.unpublished.publishing == .published, "one that passed review comes straight back")
        #expect(ProfileStatus.published.publishing == nil && ProfileStatus.pending.publishing == nil)
        #expect(ProfileStatus.allCases.filter(\.isPublic) == [.published])
    }
}
