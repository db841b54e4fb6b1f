import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A running project between Ada (client) and Paula (provider) for meetings, and the helpers its tests share. The
/// harness starts on Monday 21 September 2026; Europe changes its clocks on 25 October and New York on 1 November.
struct MeetingFixture {
    let project: ProjectFixture

    var market: OrderMarketplace { project.market }
    var harness: AuthHarness { project.harness }
    var projectID: Int64 { project.projectID }

    static func running(in market: OrderMarketplace) async throws -> MeetingFixture {
        MeetingFixture(project: try await ProjectFixture.accepted(in: market))
    }

    /// A weekly meeting at 10:00 in Berlin on four Mondays from 19 October — two before and two after the change of
    /// the clocks — with Gina as a guest, unless `json` says otherwise.
    static let weekly = #"""
        {"title": "Weekly sync", "agenda": "1. Progress\n2. Next steps", "starts_at": "2026-10-19T08:00:00Z", "time_zone": "Europe/Berlin",
         "duration_minutes": 45, "recurrence": "FREQ=WEEKLY;COUNT=4", "guests": ["gina@example.com", "paula@example.com"]}
        """#

    /// Ada schedules; `fields` replaces the default body (without `project_id`, which is added).
    func schedule(_ fields: String = weekly, as member: SignIn? = nil, project: Int64? = nil) async throws -> TestResponse {
        let body = fields.replacingOccurrences(of: "{", with: "{\"project_id\": \(project ?? projectID), ", options: [], range: fields.range(of: "{"))
        return try await harness.send(.post, "/api/meetings", json: body, bearer: (member ?? market.ada).accessToken)
    }

    /// Schedules and answers the meeting's id.
    func scheduled(_ fields: String = weekly) async throws -> (id: Int64, body: [String: Any]) {
        let response = try await schedule(fields)
        try #require(response.status == .created, "\(response.text)")
        let body = try response.json()
        return (try #require((body["id"] as? NSNumber)?.int64Value), body)
    }

    func meeting(_ id: Int64, as member: SignIn) async throws -> TestResponse {
        try await harness.send(.get, "/api/meetings/\(id)", bearer: member.accessToken)
    }

    func change(_ id: Int64, _ json: String, as member: SignIn? = nil) async throws -> TestResponse {
        try await harness.send(.patch, "/api/meetings/\(id)", json: json, bearer: (member ?? market.ada).accessToken)
    }

    func cancel(_ id: Int64, _ query: String = "", as member: SignIn? = nil) async throws -> TestResponse {
        try await harness.send(.delete, "/api/meetings/\(id)\(query)", bearer: (member ?? market.ada).accessToken)
    }

    /// The newest email to `address` about meetings that carries a calendar object.
    func invitation(to address: String) async throws -> OutboxEmail {
        try #require(try await harness.emails(to: address).first { $0.calendar != nil })
    }

    /// The token of a guest's link, as their invitation carries it.
    func guestToken(_ address: String) async throws -> String {
        let text = try await invitation(to: address).textBody
        let start = try #require(text.range(of: "#token="))
        return String(text[start.upperBound...].prefix { !$0.isWhitespace })
    }

    /// The starts of the occurrences a meeting body lists.
    static func starts(_ body: [String: Any]) -> [String] {
        (body["occurrences"] as? [[String: Any]] ?? []).compactMap { $0["starts_at"] as? String }
    }

    func job() -> MeetingReminderJob {
        MeetingReminderJob(store: harness.store, announcer: MeetingAnnouncer(email: harness.composer, clock: harness.clock), clock: harness.clock)
    }
}
