import AgoraDomain
import Testing

@Suite("Moderation rules")
struct ModerationRulesTests {
    let screen = ContentScreen(blockedWords: ["scam", "wire transfer"])

    func kinds(_ text: String) -> Set<FlagKind> {
        Set(screen.screen(text).map(\.kind))
    }

    @Test("contact details that take a deal off the platform are found, plainly written or disguised", arguments: [
        "Write to me at ana.lima@example.com and we settle it there",
        "mail ana (at) example (dot) com",
        "Call +44 20 7946 0958 tonight",
        "my number is 06.12.34.56.78",
        "find me @ana_designs on there",
        "let's talk on WhatsApp instead",
    ])
    func contactDetails(text: String) {
        #expect(kinds(text).contains(.contactDetails), "\(text)")
    }

    @Test("ordinary text is left alone: prices, dates, counts, an address-like word, one link", arguments: [
        "Budget 2,500 EUR, delivery by 2026-12-20, 3 rounds of changes.",
        "I have 12 years of experience and finished 340 projects.",
        "See my portfolio: https://example.com/work",
        "The scammer's tale is a novel I illustrated.",
        "Email marketing campaigns for a bakery",
    ])
    func ordinaryText(text: String) {
        #expect(kinds(text).isEmpty, "\(text): \(screen.screen(text))")
    }

    @Test("blocked words and phrases match whole, in any case; several links or a shortened one are link spam")
    func wordsAndLinks() throws {
        #expect(kinds("This is a SCAM.").contains(.blockedWords))
        #expect(kinds("Pay by Wire Transfer only").contains(.blockedWords))
        #expect(screen.screen("scam and wire transfer").first?.detail == "scam, wire transfer")
        #expect(kinds("https://a.example https://b.example www.c.example").contains(.linkSpam))
        #expect(kinds("details: https://bit.ly/3xYz").contains(.linkSpam))
        #expect(!kinds("https://a.example and https://b.example").contains(.linkSpam))
    }

    @Test("a fingerprint ignores case, spaces and punctuation, and short texts have none")
    func fingerprints() {
        let one = ContentScreen.fingerprintText("I will build your booking site in two weeks, guaranteed!")
        let two = ContentScreen.fingerprintText("i will build your BOOKING site in two weeks guaranteed")
        #expect(one != nil && one == two)
        #expect(ContentScreen.fingerprintText("Hello, I can help.") == nil)
    }

    @Test("a report weighs by its reporter's record: 2 points new, more when upheld, less when dismissed")
    func reportWeights() {
        #expect(ModerationScore.reportWeight(upheld: 0, dismissed: 0) == 200)
        #expect(ModerationScore.reportWeight(upheld: 8, dismissed: 0) > 350)
        #expect(ModerationScore.reportWeight(upheld: 0, dismissed: 8) < 50)
        #expect(ModerationScore.holds(score: 500, threshold: 5))
        #expect(!ModerationScore.holds(score: 499, threshold: 5))
    }

    @Test("an item moves only along the queue's legal steps")
    func transitions() throws {
        #expect(try ModerationStatus.pending.moving(to: .decided) == .decided)
        #expect(try ModerationStatus.escalated.moving(to: .decided) == .decided)
        #expect(try ModerationStatus.decided.moving(to: .appealed) == .appealed)
        #expect(try ModerationStatus.appealed.moving(to: .closed) == .closed)
        #expect(throws: StatusTransitionError.self) { try ModerationStatus.closed.moving(to: .appealed) }
        #expect(throws: StatusTransitionError.self) { try ModerationStatus.pending.moving(to: .appealed) }
        #expect(throws: StatusTransitionError.self) { try ModerationStatus.escalated.moving(to: .escalated) }
        #expect(ModerationDecision.allCases.filter(\.showsContent) == [.approve, .edit, .warn])
    }

    @Test("settings drive the intake: blocked words from the list, pre-approval by kind, the threshold")
    func intake() throws {
        let settings = PlatformSettings(stored: [
            .moderationBlockedWords: .list(["crypto"]), .moderationPreApproval: .list(["proposal"]), .moderationHideThreshold: .number(7),
        ])
        let proposal = ContentIntake(.proposal, text: "Paid in crypto only", settings: settings)
        #expect(proposal.findings.map(\.kind) == [.blockedWords])
        #expect(proposal.waitsForApproval && proposal.threshold == 7)
        #expect(!ContentIntake(.order, text: "A quiet order", settings: settings).waitsForApproval)
        #expect(throws: ValidationError.self) { try SettingKind.choices(["order", "proposal"]).check(.list(["review"])) }
    }
}
