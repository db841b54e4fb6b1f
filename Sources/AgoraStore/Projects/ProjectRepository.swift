import AgoraDomain
import Foundation
import SQLKit

/// Projects as their members read them. Anyone else finds nothing: every read is scoped to a member.
public struct ProjectRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The project with its milestones, when `userID` is one of its members.
    public func details(_ id: Int64, for userID: Int64) async throws -> ProjectDetails? {
        try await Self.details(id, for: userID, on: store.sql)
    }

    static func details(_ id: Int64, for userID: Int64, on db: any SQLDatabase) async throws -> ProjectDetails? {
        let rows = try await db.raw("""
            SELECT \(projectColumns), o.reference_number FROM projects p JOIN orders o ON o.id = p.order_id
            WHERE p.id = \(bind: id) AND (p.client_id = \(bind: userID) OR p.provider_id = \(bind: userID))
            """).all()
        return try await details(of: rows.map(project(from:)), rows: rows, for: userID, withSubmissions: true, on: db).first
    }

    /// The projects of rows of `projectColumns` and `reference_number` as `userID` sees them, with their milestones
    /// (and their submissions and files, when asked), read a query each for them all; projects `userID` is no member
    /// of are left out. A file waiting for its delivery is shown to its uploader only.
    static func details(
        of projects: [Project], rows: [any SQLRow], for userID: Int64, withSubmissions: Bool, on db: any SQLDatabase
    ) async throws -> [ProjectDetails] {
        let milestones = try await milestones(of: projects.map(\.id), on: db)
        let names = try await counterpartNames(of: projects, for: userID, on: db)
        let milestoneIDs = milestones.values.flatMap { $0.map(\.id) }
        let submissions = withSubmissions ? try await submissions(of: milestoneIDs, on: db) : [:]
        let files = withSubmissions ? try await ProjectFileRepository.files(of: milestoneIDs, on: db) : [:]
        let weeks = try await TimesheetRepository.weekTotals(of: projects.filter { $0.billing != .fixed }.map(\.id), on: db)
        return try zip(projects, rows).compactMap { project, row in
            guard let role = project.role(of: userID) else { return nil }
            return ProjectDetails(
                project: project, role: role, orderReference: try row.decode(column: "reference_number", as: String.self),
                counterpartName: names[project.id] ?? "", milestones: milestones[project.id] ?? [], submissions: submissions,
                files: files.mapValues { $0.filter { $0.revision != nil || $0.uploaderID == userID } }, weeks: weeks[project.id] ?? []
            )
        }
    }

    /// The id of the project an order became, when `userID` is one of its members.
    public func projectID(ofOrder orderID: Int64, for userID: Int64) async throws -> Int64? {
        try await store.sql.raw("""
            SELECT id FROM projects WHERE order_id = \(bind: orderID) AND (client_id = \(bind: userID) OR provider_id = \(bind: userID))
            """).first()?.decode(column: "id", as: Int64.self)
    }

    /// A page of the member's projects, as the query asks, with the cursor of the next page (nil on the last).
    public func list(for userID: Int64, _ query: ProjectListQuery) async throws -> (projects: [ProjectDetails], next: ProjectListQuery.Cursor?) {
        var conditions: [SQLQueryString] = []
        switch query.role {
        case .client: conditions.append("p.client_id = \(bind: userID)")
        case .provider: conditions.append("p.provider_id = \(bind: userID)")
        case nil: conditions.append("(p.client_id = \(bind: userID) OR p.provider_id = \(bind: userID))")
        }
        if !query.statuses.isEmpty { conditions.append("p.status IN (\(states: query.statuses))") }
        if let text = query.text { conditions.append("LOWER(p.title) LIKE \(bind: LikePattern.containing(text.lowercased())) ESCAPE '\\'") }
        let (column, descending): (String, Bool) = switch query.sort {
        case .activity: ("p.last_activity_at", true)
        case .deadline: ("p.deadline", false)
        case .created: ("p.created_at", true)
        }
        if let after = query.after {
            let comparison = descending ? "<" : ">"
            conditions.append("""
                (\(unsafeRaw: column) \(unsafeRaw: comparison) \(bind: after.value)
                 OR (\(unsafeRaw: column) = \(bind: after.value) AND p.id \(unsafeRaw: comparison) \(bind: after.id)))
                """)
        }
        let direction = descending ? "DESC" : "ASC"
        let rows = try await store.sql.raw("""
            SELECT \(Self.projectColumns), o.reference_number FROM projects p JOIN orders o ON o.id = p.order_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), p.id \(unsafeRaw: direction) LIMIT \(bind: query.limit + 1)
            """).all()
        let page = Array(rows.prefix(query.limit))
        let projects = try page.map(Self.project(from:))
        let details = try await Self.details(of: projects, rows: page, for: userID, withSubmissions: false, on: store.sql)
        let next = rows.count > query.limit ? projects.last.map { project in
            let value = switch query.sort {
            case .activity: project.lastActivityAt
            case .deadline: project.deadline
            case .created: project.createdAt
            }
            return ProjectListQuery.Cursor(value: value, id: project.id)
        } : nil
        return (details, next)
    }

    /// The member's overview: how many projects in each status, the open milestones due within `soon` seconds,
    /// the milestones waiting for their step, and the latest activity across their projects.
    public func dashboard(for userID: Int64, now: Date, soon: TimeInterval, activityLimit: Int) async throws -> ProjectDashboard {
        let rows = try await store.sql.raw("""
            SELECT \(Self.projectColumns), o.reference_number FROM projects p JOIN orders o ON o.id = p.order_id
            WHERE p.client_id = \(bind: userID) OR p.provider_id = \(bind: userID)
            ORDER BY p.last_activity_at DESC, p.id DESC
            """).all()
        let projects = try rows.map(Self.project(from:))
        var counts = Dictionary(uniqueKeysWithValues: ProjectStatus.allCases.map { ($0, 0) })
        for project in projects { counts[project.status, default: 0] += 1 }
        let working = zip(projects, rows).filter { $0.0.status.isWorking }
        let details = try await Self.details(of: working.map(\.0), rows: working.map(\.1), for: userID, withSubmissions: false, on: store.sql)
        let dueSoon = details.flatMap { project in
            project.milestones.filter { $0.status.isOpen && ($0.dueAt.map { $0 <= now.addingTimeInterval(soon) } ?? false) }.map { (project, $0) }
        }.sorted { ($0.1.dueAt ?? now) < ($1.1.dueAt ?? now) }
        let awaiting = details.flatMap { project in project.awaitingMe.map { (project, $0) } }
        let activity = try await ProjectActivityLog.entries(of: projects.map(\.id), before: nil, limit: activityLimit, on: store.sql)
        return ProjectDashboard(
            counts: counts, dueSoon: dueSoon.map { ProjectDashboard.Item(project: $0.0, milestone: $0.1) },
            awaitingMe: awaiting.map { ProjectDashboard.Item(project: $0.0, milestone: $0.1) },
            recentActivity: activity, projects: Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
        )
    }

    /// The name each project's other member shows: a provider's public name, a client's first name and initial.
    static func counterpartNames(of projects: [Project], for userID: Int64, on db: any SQLDatabase) async throws -> [Int64: String] {
        let others = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0.clientID == userID ? $0.providerID : $0.clientID) })
        guard !others.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try await db.raw("SELECT id, first_name, last_name FROM users WHERE id IN (\(binds: Set(others.values).sorted()))").all() {
            let first = try row.decode(column: "first_name", as: String.self)
            let last = try row.decode(column: "last_name", as: String.self)
            names[try row.decode(column: "id", as: Int64.self)] = ClientIdentity.publicName(firstName: first, lastName: last)
        }
        return others.mapValues { names[$0] ?? "" }
    }
}

/// A member's overview of their projects (`ProjectRepository.dashboard`).
public struct ProjectDashboard: Sendable, Hashable {
    /// A milestone, with the project it belongs to.
    public struct Item: Sendable, Hashable {
        public let project: ProjectDetails
        public let milestone: Milestone
    }

    public let counts: [ProjectStatus: Int]
    public let dueSoon: [Item]
    public let awaitingMe: [Item]
    public let recentActivity: [ProjectActivity]
    /// Every project of the member, by id: what the activity entries name.
    public let projects: [Int64: Project]
}
