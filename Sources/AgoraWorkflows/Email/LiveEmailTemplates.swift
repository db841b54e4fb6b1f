import AgoraDomain
import AgoraStore
import Logging
import Synchronization

/// The published email templates in force in this process: read at start, again at once after a publication made
/// here, and when another instance announces one (`LiveStateWatcher`). It installs them into `templates`, which every
/// composer sharing it then writes with; a message with no published version keeps its file.
public final class LiveEmailTemplates: LiveState {
    let store: Store
    public let templates: EmailTemplates
    let logger: Logger
    private let revision = Mutex(-1)

    public init(store: Store, templates: EmailTemplates, logger: Logger = Logger(label: "agora.email-templates")) {
        self.store = store
        self.templates = templates
        self.logger = logger
    }

    /// The templates with the published versions in place; in a database not migrated yet the files hold (with a
    /// warning) until the watcher can read them.
    public static func read(from store: Store, into templates: EmailTemplates, logger: Logger = Logger(label: "agora.email-templates")) async -> LiveEmailTemplates {
        let live = LiveEmailTemplates(store: store, templates: templates, logger: logger)
        do {
            try await live.refresh()
        } catch {
            logger.warning("the published email templates cannot be read yet, the files hold: \(error)")
        }
        return live
    }

    public var channel: String { EmailTemplateRepository.channel }

    public func refresh() async throws {
        let repository = EmailTemplateRepository(store: store)
        let current = try await repository.revision()
        let published = try await repository.published()
        let dropped = templates.install(published.mapValues(\.content))
        if !dropped.isEmpty {
            logger.error("published email templates no longer compile beside the files; the files hold", metadata: ["templates": "\(dropped)"])
        }
        revision.withLock { $0 = current }
    }

    public func refreshIfChanged() async throws {
        let current = try await EmailTemplateRepository(store: store).revision()
        guard current != revision.withLock({ $0 }) else { return }
        try await refresh()
    }
}
