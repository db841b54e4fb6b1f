import AgoraDomain
import AgoraStore
import AgoraTemplates

extension EmailComposer {
    /// The digest of a person's unread notifications (`total` of them, `notifications` the newest): grouped by
    /// category in the categories' order, then by the page they are about — a project, an order — each page once,
    /// with its newest notification's title and how many more it has. Optional mail, with its one-click unsubscribe.
    public func digest(
        _ notifications: [AgoraStore.Notification], total: Int, frequency: DigestFrequency, to person: Recipient
    ) throws -> NewOutboxEmail {
        var groups: [TemplateValue] = []
        for category in NotificationCategory.allCases {
            var threads: [(link: String, title: String, count: Int)] = []
            for notification in notifications where notification.kind.category == category {
                let link = notification.link ?? PagePaths.notifications
                if let index = threads.firstIndex(where: { $0.link == link }) {
                    threads[index].count += 1
                } else {
                    threads.append((link, notification.title, 1))
                }
            }
            guard !threads.isEmpty else { continue }
            groups.append(.fields([
                "label": .text(category.label),
                "threads": .list(threads.map { thread in
                    .fields([
                        "title": .text(thread.title), "link": .text(baseURL + thread.link),
                        "more": thread.count > 1 ? .number(thread.count - 1) : .flag(false),
                    ] as [String: TemplateValue])
                }),
            ] as [String: TemplateValue]))
        }
        let shown = notifications.count < total ? "the \(notifications.count) newest of \(total)" : "\(total)"
        return try compose("notification-digest", to: person.email, fields: [
            "first_name": .text(person.firstName),
            "headline": .text("Your \(frequency.rawValue) digest: \(total) unread notification\(total == 1 ? "" : "s")"),
            "intro": .text("Here is what you have not read yet since your last digest (\(shown)), by what it is about."),
            "groups": .list(groups),
            "period": .text(frequency.rawValue),
            "notifications_link": .text(baseURL + PagePaths.notifications),
            "settings_link": .text(baseURL + PagePaths.notificationPreferences),
        ], kind: .optional(.digest))
    }
}
