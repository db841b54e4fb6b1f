/// What moderation makes of new or changed content before it is stored: the filters' findings on its text, whether
/// its kind waits for approval, and the score that hides it — all from the platform settings in force. The store
/// adds the findings only it can make (duplicates, posting rates) in the same transaction as the content.
public struct ContentIntake: Sendable, Hashable {
    public let subject: ModerationSubject
    public let text: String
    public let findings: [ContentScreen.Finding]
    public let waitsForApproval: Bool
    /// `moderation.hide-threshold`, in points.
    public let threshold: Int

    public init(_ subject: ModerationSubject, text: String, settings: PlatformSettings) {
        self.subject = subject
        self.text = text
        findings = ContentScreen(blockedWords: settings.list(.moderationBlockedWords)).screen(text)
        waitsForApproval = settings.list(.moderationPreApproval).contains(subject.rawValue)
        threshold = settings.number(.moderationHideThreshold)
    }
}
