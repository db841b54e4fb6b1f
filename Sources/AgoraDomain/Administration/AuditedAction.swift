/// What an administrator can do that the audit log records, one case per kind of change. Each admin route that
/// changes something names its action here.
public enum AuditedAction: String, Sendable, CaseIterable, Codable {
    case categoryCreated = "category.create"
    case categoryChanged = "category.update"
    case providerListed = "category.list-provider"
    case providerUnlisted = "category.unlist-provider"
    case orderOfferedByHand = "order.offer"
    case orderOfferWithdrawn = "order.withdraw-offer"
    case staffInvited = "staff.invite"
    case staffRemoved = "staff.remove"
    case staffRoleChanged = "staff.change-role"
    case rolePermissionsChanged = "staff.change-permissions"
    case userSuspended = "user.suspend"
    case userBanned = "user.ban"
    case suspensionLifted = "user.lift-suspension"
    case passwordResetForced = "user.force-password-reset"
    case addressVerified = "user.verify-address"
    case userEdited = "user.edit"
    case userMessaged = "user.message"
    case userViewed = "user.view-as"
    case testimonialApproved = "testimonial.approve"
    case testimonialRejected = "testimonial.reject"
    case testimonialFeatured = "testimonial.feature"
    case testimonialUnfeatured = "testimonial.unfeature"
    case settingChanged = "setting.change"
    case settingReverted = "setting.revert"
    case moderationDecided = "moderation.decide"
    case moderationEscalated = "moderation.escalate"
    case appealDecided = "moderation.decide-appeal"
    case bulkOperationStarted = "bulk.start"
    case bulkOperationUndone = "bulk.undo"
    case profileApproved = "profile.approve"
    case profileRejected = "profile.reject"
    case verificationApproved = "verification.approve"
    case verificationRejected = "verification.reject"
    case skillAdded = "skill.add"
    case skillRemoved = "skill.remove"
    case disputeResolved = "dispute.resolve"
    /// Money held for a milestone given back to the client outside a dispute.
    case paymentRefunded = "payment.refund"
    case reviewHidden = "review.hide"
    case reviewRestored = "review.restore"
    case reviewReleased = "review.release"
    case reviewClaimsDismissed = "review.dismiss"
    case reviewRemoved = "review.remove"
    /// Marketplace news sent to a segment of members.
    case announcementSent = "announcement.send"
    /// A version of an email template kept as a draft, or published for every email of its kind.
    case emailTemplateDrafted = "email-template.draft"
    case emailTemplatePublished = "email-template.publish"
}

/// The kinds of thing an audited action changes.
public enum AuditTarget: String, Sendable, CaseIterable, Codable {
    case category
    case order
    /// A staff account, by its user id.
    case staffMember = "staff-member"
    /// A staff role, by `StaffRole.number`.
    case staffRole = "staff-role"
    case testimonial
    /// Any account, by its user id.
    case user
    /// A platform setting, by `PlatformSetting.number`.
    case setting
    /// An item of the moderation queue.
    case moderationItem = "moderation-item"
    /// A bulk operation on accounts; each account it changes has its own entry too.
    case bulkOperation = "bulk-operation"
    /// A provider's verification request.
    case verification
    /// A skill of the catalogue.
    case skill
    /// A dispute over a milestone's money.
    case dispute
    /// A payment into a milestone's escrow.
    case payment
    /// A review of one party of a project by the other.
    case review
    /// Marketplace news sent to members.
    case announcement
    case emailTemplate = "email-template"
}
