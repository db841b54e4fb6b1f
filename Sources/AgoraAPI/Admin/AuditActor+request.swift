import AgoraDomain
import Hummingbird

extension AuditActor {
    /// The signed-in administrator behind a request, with the request's client and id.
    init(_ request: Request, _ context: AgoraRequestContext) throws {
        let identity = try context.requireIdentity()
        let client = ClientInfo(request, context)
        self.init(
            userID: identity.userID, role: context.staffRole?.rawValue ?? identity.role.rawValue, ipAddress: client.ipAddress, userAgent: client.userAgent,
            requestID: context.id
        )
    }
}
