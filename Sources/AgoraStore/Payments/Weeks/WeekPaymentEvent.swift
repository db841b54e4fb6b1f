import AgoraDomain
import Foundation

/// Something that happened to a week's payment, for its announcements: charged into escrow (and perhaps released at
/// once, the week being approved already), or not charged, with why.
public struct WeekPaymentEvent: Sendable {
    /// `weekCharged` or `weekChargeFailed`.
    public let kind: ProjectActivityKind
    public let payment: WeekPayment
    public let project: Project
    /// The members, by side.
    public let members: [ProjectRole: Recipient]
}
