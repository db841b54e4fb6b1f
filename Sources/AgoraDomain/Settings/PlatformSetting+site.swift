extension PlatformSetting {
    /// The setting as the public pages quote it, for those Markdown pages may name as `{{key}}` (`{{fees.client-service-fee}}`
    /// reads "3 %"); nil for the others. Changing one of these queues the site's pages again.
    public func siteText(in settings: PlatformSettings) -> String? {
        switch self {
        case .feesClientServiceFee:
            return settings.fees(inCategory: nil).clientFee.description
        case .feesCommissionTiers:
            let tiers = settings.fees(inCategory: nil).tiers
            guard tiers.count > 1 else { return tiers.first.map { $0.rate.description } }
            return tiers.enumerated().map { index, tier in
                guard let bound = tier.upToMajor else { return "\(tier.rate) beyond" }
                return index == 0 ? "\(tier.rate) of the first \(GroupedDigits.format(magnitude: UInt64(bound)))"
                    : "\(tier.rate) up to \(GroupedDigits.format(magnitude: UInt64(bound)))"
            }.joined(separator: ", ")
        case .paymentsSecurityHoldDays, .projectsReviewWindowDays:
            let days = settings.number(self)
            return days == 1 ? "1 day" : "\(days) days"
        default:
            return nil
        }
    }

    /// Whether public pages may quote the setting (`siteText(in:)`).
    public var isQuotedOnSite: Bool { siteText(in: PlatformSettings()) != nil }
}
