/// Who may see an order: the one rule every order, attachment and proposal route asks.
///
/// - its client, always;
/// - an administrator, always;
/// - a provider it was offered to, or who has proposed on it, always (their history stays readable);
/// - any other provider while it is open and public;
/// - nobody else (other clients, and providers for a draft or a private order), who are told it does not exist;
/// - while moderation holds it, only its client and administrators.
public enum OrderAccess {
    public struct Viewer: Sendable, Hashable {
        public let userID: Int64
        public let role: UserType

        public init(userID: Int64, role: UserType) {
            self.userID = userID
            self.role = role
        }
    }

    /// What the viewer's relation to the order is, as far as the rule needs it.
    public struct Relation: Sendable, Hashable {
        public let clientID: Int64
        public let status: OrderStatus
        public let visibility: OrderVisibility
        /// The viewer was offered the order (and the offer was not withdrawn).
        public let offered: Bool
        /// The viewer has a proposal on it, in any status.
        public let proposed: Bool
        /// Moderation holds it: only its client and staff see it until a moderator decides.
        public let held: Bool

        public init(clientID: Int64, status: OrderStatus, visibility: OrderVisibility, offered: Bool, proposed: Bool, held: Bool = false) {
            self.clientID = clientID
            self.status = status
            self.visibility = visibility
            self.offered = offered
            self.proposed = proposed
            self.held = held
        }
    }

    public static func canView(_ relation: Relation, viewer: Viewer) -> Bool {
        if viewer.userID == relation.clientID || viewer.role == .admin { return true }
        guard viewer.role == .provider, !relation.held else { return false }
        if relation.offered || relation.proposed { return relation.status != .draft }
        return relation.status == .open && relation.visibility == .public
    }

    /// Whether the viewer may send a proposal now: a provider who may see the open order and is not its client.
    public static func canPropose(_ relation: Relation, viewer: Viewer) -> Bool {
        viewer.role == .provider && viewer.userID != relation.clientID && relation.status == .open && !relation.held
            && (relation.offered || relation.visibility == .public)
    }
}
