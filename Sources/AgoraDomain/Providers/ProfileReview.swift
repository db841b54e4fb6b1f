/// Which changes to a published profile wait for an administrator before the public sees them: a bio or title that
/// gains links, and anything the moderation filters flag (contact details that take deals off the platform, blocked
/// words). The first publication always waits (`ProfileStatus.publishing`). Everything else goes live at once.
public struct ProfileReview: Sendable {
    let screen: ContentScreen

    public init(screen: ContentScreen) {
        self.screen = screen
    }

    /// Why the change from `live` to `changed` must be reviewed (`links in the bio`, or the filter's flag such as
    /// `contact-details`); empty when it goes live at once. Only text the change wrote is screened.
    public func reasons(from live: ProfileContent, to changed: ProfileContent) -> [String] {
        var reasons: [String] = []
        for (field, before, after) in [("title", live.title, changed.title), ("bio", live.bio, changed.bio)] where before != after {
            if ContentScreen.links(in: after).count > ContentScreen.links(in: before).count { reasons.append("links in the \(field)") }
        }
        let before = Set([live.title, live.bio] + BackgroundKind.allCases.flatMap { live.background($0).map(\.screenedText) })
        let written = ([changed.title, changed.bio] + BackgroundKind.allCases.flatMap { changed.background($0).map(\.screenedText) })
            .filter { !before.contains($0) }
        for finding in written.flatMap(screen.screen) where !reasons.contains(finding.kind.rawValue) {
            reasons.append(finding.kind.rawValue)
        }
        return reasons
    }
}
