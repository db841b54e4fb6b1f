import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/audit-log` (`audit.read`): the audit log searched by actor, action, target and days, newest first a
/// page at a time, or the same search as CSV (`audit-log/export.csv`) for a spreadsheet.
struct AuditLogRoutes: Sendable {
    let store: Store

    static let defaultLimit = 50
    static let maximumLimit = 200
    /// The most rows one export holds; a narrower search gets the rest.
    static let maximumExport = 10_000

    struct EntryBody: Encodable {
        let id: Int64
        let actorId: Int64
        let actorRole: String
        let action: String
        let target: String
        let targetId: Int64
        let before: [String: String]
        let after: [String: String]
        let reason: String
        let ipAddress: String
        let userAgent: String
        let requestId: String
        let createdAt: Date

        init(id: Int64, _ entry: AuditEntry) {
            self.id = id
            actorId = entry.actorID
            actorRole = entry.actorRole
            action = entry.action.rawValue
            target = entry.target.rawValue
            targetId = entry.targetID
            before = Self.fields(entry.before)
            after = Self.fields(entry.after)
            reason = entry.reason
            ipAddress = entry.ipAddress
            userAgent = entry.userAgent
            requestId = entry.requestID
            createdAt = entry.createdAt
        }

        static func fields(_ json: String) -> [String: String] {
            (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]) ?? [:]
        }
    }

    struct PageBody: ResponseEncodable {
        let entries: [EntryBody]
        let nextBefore: Int64?
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let log = AdminArea.auditLog.group(on: admin, store: store)
        log.get(use: search)
        log.get("export.csv", use: export)
    }

    @Sendable func search(_ request: Request, context: AgoraRequestContext) async throws -> PageBody {
        let (query, before, limit) = try Self.read(request, limits: true)
        let found = try await AuditLog(store: store).search(query, before: before, limit: limit + 1)
        let page = found.prefix(limit)
        return PageBody(entries: page.map { EntryBody(id: $0.id, $0.entry) }, nextBefore: found.count > limit ? page.last?.id : nil)
    }

    @Sendable func export(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let (query, before, _) = try Self.read(request, limits: false)
        let found = try await AuditLog(store: store).search(query, before: before, limit: Self.maximumExport)
        var text = AuditLogCSV.header
        for (id, entry) in found { text += AuditLogCSV.row(id: id, entry) }
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"audit-log.csv\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The search's parameters; each bad one is named in a 400.
    static func read(_ request: Request, limits: Bool) throws -> (AuditLogQuery, before: Int64?, limit: Int) {
        var query = AuditLogQuery()
        var before: Int64?
        var limit = defaultLimit
        var reader = AdminQuery()
        for (name, value) in try QueryParameters.pairs(of: request) {
            switch name {
            case "actor": query.actorID = reader.positiveID(value, name)
            case "target_id": query.targetID = reader.positiveID(value, name)
            case "before": before = reader.positiveID(value, name)
            case "action": query.action = reader.oneOf(value, name, as: AuditedAction.self)
            case "target": query.target = reader.oneOf(value, name, as: AuditTarget.self)
            case "from": query.from = reader.day(value, name)
            case "to": query.until = reader.day(value, name)?.addingTimeInterval(86_400)
            case "limit" where limits: limit = reader.limit(value, name, maximum: maximumLimit) ?? limit
            default: reader.unknown(name)
            }
        }
        try reader.check()
        return (query, before, limit)
    }
}

/// The audit log as CSV (`CSVText`): a header line, then one line per entry.
enum AuditLogCSV {
    static let header = "id,created_at,actor_id,actor_role,action,target,target_id,before,after,reason,ip_address,user_agent,request_id\r\n"

    static func row(id: Int64, _ entry: AuditEntry) -> String {
        let time = ISO8601DateFormatter().string(from: entry.createdAt)
        return CSVText.line([
            String(id), time, String(entry.actorID), entry.actorRole, entry.action.rawValue, entry.target.rawValue,
            String(entry.targetID), entry.before, entry.after, entry.reason, entry.ipAddress, entry.userAgent, entry.requestID,
        ])
    }
}
