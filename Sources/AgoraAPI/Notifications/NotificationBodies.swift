import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// One notification as the API shows it to its owner.
struct NotificationBody: ResponseEncodable {
    let id: Int64
    let type: String
    let category: String
    let title: String
    let message: String
    let link: String?
    let read: Bool
    let archived: Bool
    let createdAt: Date
    /// The run it stands for, if it gathers a burst (a newer notification of the same group replaces it), and how
    /// many events it counts.
    let group: String?
    let count: Int
    /// What it is about when the bell offers more than `view`, and what the bell offers.
    let subject: Subject?
    let actions: [String]

    struct Subject: Encodable {
        let type: String
        let id: Int64
    }

    init(_ notification: AgoraStore.Notification) {
        subject = notification.subject.map { Subject(type: $0.type, id: $0.id) }
        actions = notification.actions.map(\.rawValue)
        id = notification.id
        type = notification.kind.rawValue
        category = notification.kind.category.rawValue
        title = notification.title
        message = notification.message
        link = notification.link
        read = notification.readAt != nil
        archived = notification.archivedAt != nil
        createdAt = notification.createdAt
        group = notification.burstKey
        count = notification.burstCount
    }
}

/// A page of notifications, the inbox's unread count, and where the next page starts (absent on the last).
struct NotificationListBody: ResponseEncodable {
    let notifications: [NotificationBody]
    let unread: Int
    let nextBefore: Int64?
}

/// `POST /api/notifications/read`: exactly one of `ids`, `up_to` (every one up to that id) or `all: true`.
struct NotificationReadInput: RequestBody {
    static let fields: Set<String> = ["ids", "up_to", "all"]
    let selection: NotificationRepository.Selection?

    init(reading body: inout JSONObjectBody) {
        let ids = body.identifiers("ids", maximumCount: 100)
        let upTo = body.contains("up_to") ? body.integer("up_to") : nil
        let all = body.bool("all")
        let given = [ids != nil, body.contains("up_to"), all].filter { $0 }.count
        if given != 1 {
            body.reject(given == 0 ? "ids" : "all", "give exactly one of ids, up_to or all: true")
            selection = nil
        } else if let ids {
            selection = .ids(ids)
        } else if all {
            selection = .all
        } else if let upTo, upTo > 0 {
            selection = .upTo(Int64(upTo))
        } else {
            // A value of the wrong type was named by `integer`; a number below 1, or null, is named here.
            if upTo != nil || body.value("up_to") == .null { body.reject("up_to", "must be the id of the newest notification read") }
            selection = nil
        }
    }
}

/// A person's notification preferences, as read and written.
struct NotificationPreferencesBody: ResponseEncodable {
    struct Category: Encodable {
        let category: String
        let label: String
        let channels: [String]
        /// Security notices: their channels cannot be turned off.
        let critical: Bool
    }

    struct Quiet: Encodable {
        let start: String
        let end: String
    }

    let categories: [Category]
    let quietHours: Quiet?
    let timeZone: String
    let digest: String
    /// False once the address unsubscribed from every optional email (a one-click link, or this page).
    let optionalMail: Bool

    /// The categories a person can choose for: those some kind of notification belongs to, and the critical ones
    /// (shown locked on); a category nothing is sent in yet is not offered.
    static let offered = NotificationCategory.allCases.filter { category in
        category.isCritical || NotificationKind.allCases.contains { $0.category == category }
    }

    init(_ preferences: NotificationPreferences, optionalMail: Bool) {
        self.optionalMail = optionalMail
        categories = Self.offered.map { category in
            Category(
                category: category.rawValue, label: category.label,
                channels: channelNames(preferences.channels(of: category)),
                critical: category.isCritical
            )
        }
        quietHours = preferences.quietHours.map { Quiet(start: QuietHours.text($0.start), end: QuietHours.text($0.end)) }
        timeZone = preferences.timeZone
        digest = preferences.digest.rawValue
    }
}

/// `PUT /api/notification-preferences`: `channels` (category → channels; categories left out keep their defaults),
/// `quiet_hours` (`{"start": "22:00", "end": "07:00"}`, or null for none), `time_zone`, `digest` and, when given,
/// `optional_mail` (false stops every optional email to the address; true takes it again).
struct NotificationPreferencesInput: RequestBody {
    static let fields: Set<String> = ["channels", "quiet_hours", "time_zone", "digest", "optional_mail"]
    let preferences: NotificationPreferences?
    let optionalMail: Bool?

    init(reading body: inout JSONObjectBody) {
        var channels: [String: [String]] = [:]
        switch body.value("channels") {
        case .object(let object)?:
            for (name, value) in object {
                guard case .array(let items) = value else {
                    body.reject("channels.\(name)", "must be a list of channels")
                    continue
                }
                channels[name] = items.map { item in
                    if case .string(let text) = item { text } else { "" }
                }
            }
        case nil, .null?: break
        case let other?: body.reject("channels", "must be an object of categories, not \(other.typeName)")
        }
        var quiet: (start: String?, end: String?)?
        switch body.value("quiet_hours") {
        case .object(let object)?:
            func text(_ name: String) -> String? { if case .string(let value)? = object[name] { value } else { nil } }
            quiet = (text("start"), text("end"))
        case nil, .null?: quiet = nil
        case let other?: body.reject("quiet_hours", "must be an object with start and end, or null, not \(other.typeName)")
        }
        let zone = body.string("time_zone", maximumLength: 64)
        let digest = body.string("digest", maximumLength: 16)
        optionalMail = body.optionalBool("optional_mail")
        guard body.errors.isEmpty else {
            preferences = nil
            return
        }
        do {
            preferences = try NotificationPreferences.read(channels: channels, quietHours: quiet, timeZone: zone, digest: digest)
        } catch let invalid as ValidationError {
            for error in invalid.errors { body.reject(error.field, error.message) }
            preferences = nil
        } catch {
            preferences = nil
        }
    }
}

/// Every notification kind with its category, channels, whether it is critical and its email template.
struct NotificationKindsBody: ResponseEncodable {
    struct Kind: Encodable {
        let kind: String
        let category: String
        let channels: [String]
        let critical: Bool
        let emailTemplate: String
    }

    struct Category: Encodable {
        let category: String
        let label: String
        let critical: Bool
        let defaultChannels: [String]
    }

    let kinds: [Kind]
    let categories: [Category]
    let channels: [String]

    init() {
        kinds = NotificationKind.allCases.map { kind in
            Kind(
                kind: kind.rawValue, category: kind.category.rawValue,
                channels: channelNames(kind.channels), critical: kind.isCritical,
                emailTemplate: kind.emailTemplate
            )
        }
        categories = NotificationCategory.allCases.map { category in
            Category(
                category: category.rawValue, label: category.label, critical: category.isCritical,
                defaultChannels: channelNames(category.defaultChannels)
            )
        }
        channels = NotificationChannel.allCases.map(\.rawValue)
    }
}

/// Channels by their API names, always in the same order.
private func channelNames(_ channels: Set<NotificationChannel>) -> [String] {
    NotificationChannel.allCases.filter(channels.contains).map(\.rawValue)
}
