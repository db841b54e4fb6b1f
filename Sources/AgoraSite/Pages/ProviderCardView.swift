import AgoraDomain
import AgoraTemplates

/// A provider card as templates read it (`Layouts/partials/provider-card.mustache`); what it holds and how each
/// fact is written is the domain's `ProviderCard`.
struct ProviderCardView: Sendable, TemplateFields {
    let card: ProviderCard

    init(_ provider: ProviderProfile, prior: RatingPrior) {
        card = ProviderCard(provider, prior: prior)
    }

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "name": .text(card.name)
        case "initials": .text(card.initials)
        case "url": .text(card.url)
        case "title": .text(card.title)
        case "location": .optional(card.location)
        case "rate": .optional(card.rate)
        case "rating": .optional(card.rating)
        case "ratingCount": .number(card.ratingCount)
        case "skills": .texts(card.skills)
        case "availability": .text(card.availability)
        case "isAvailable": .flag(card.isAvailable)
        case "badges": .objects(card.badges.map(BadgeView.init))
        case "hasBadges": .flag(!card.badges.isEmpty)
        case "photo": .optional(card.photo.map { PhotoView($0, cssWidth: ProfilePhoto.cardWidth, lazy: true) })
        default: nil
        }
    }
}

/// A badge as templates read it: its label, and what it means for the `title`.
struct BadgeView: TemplateFields {
    let badge: ProviderBadge

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "label": .text(badge.label)
        case "meaning": .text(badge.meaning)
        case "key": .text(badge.rawValue)
        default: nil
        }
    }
}
