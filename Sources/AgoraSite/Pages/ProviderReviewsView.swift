import AgoraDomain
import AgoraTemplates
import Foundation

/// The reviews section of a provider's page (`Layouts/partials/provider-reviews.mustache`): the displayed rating out
/// of five from how many reviews (saying so when few reviews pull it towards the marketplace's mean), a bar per star (SVG), the sub-ratings, the reviews per month up to the latest, and the
/// first published reviews with the provider's answers; the island (`provider-reviews.js`) loads the rest, with
/// filters, sorting and search, from `GET /api/users/{id}/reviews`.
struct ProviderReviewsView: TemplateFields {
    let providerID: Int64
    let statistics: ProviderStatistics
    let prior: RatingPrior
    let reputation: ProviderReputation

    /// One star's bar: how many reviews gave it, as a share of all.
    struct StarBar: TemplateFields {
        let stars: Int
        let count: Int
        let total: Int

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "stars": .number(stars)
            case "count": .number(count)
            case "percent": .number(total > 0 ? Int((Double(count) / Double(total) * 100).rounded()) : 0)
            case "label": .text("\(stars) star\(stars == 1 ? "" : "s")")
            default: nil
            }
        }
    }

    struct Aspect: TemplateFields {
        let label: String
        let mean: Double

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "label": .text(label)
            case "value": .text(RatingText.format(mean))
            case "percent": .number(Int((mean / 5 * 100).rounded()))
            default: nil
            }
        }
    }

    /// The first day of a trend's month (`YYYY-MM`).
    static func start(of month: String) -> Date? {
        try? Date("\(month)-01T00:00:00Z", strategy: .iso8601)
    }

    /// One month of the trend: a bar as tall as its share of the busiest month, and what it holds in words.
    struct TrendMonth: TemplateFields {
        let month: RatingTrend.Month
        let busiest: Int

        /// Out of the 40 units of the bar's box.
        var height: Int { busiest > 0 ? Int((Double(month.count) / Double(busiest) * 40).rounded()) : 0 }

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "label": return .text(ProviderReviewsView.start(of: month.month).map(PageDates.shortMonth.string(from:)) ?? month.month)
            case "height": return .number(height)
            case "top": return .number(40 - height)
            case "summary":
                let name = ProviderReviewsView.start(of: month.month).map(PageDates.monthAndYear.string(from:)) ?? month.month
                let mean = month.count > 0 ? ", \(RatingText.format(month.average)) on average" : ""
                return .text("\(name): \(CountText.of(month.count, "review"))\(mean)")
            default: return nil
            }
        }
    }

    struct Highlight: TemplateFields {
        let review: ReviewHighlight

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "id": .number(Int(review.id))
            case "rating": .number(review.rating)
            case "stars": .text(StarText.stars(review.rating))
            case "paragraphs": .texts(review.comment.components(separatedBy: "\n").map(PageMeta.collapsingWhitespace).filter { !$0.isEmpty })
            case "reviewer": .text(review.reviewerName)
            case "project": .text(review.projectTitle)
            case "date": .text(PageDates.day.string(from: review.publishedAt))
            case "isoDate": .text(review.publishedAt.formatted(.iso8601))
            case "response": .optional(review.response)
            default: nil
            }
        }
    }

    /// The rating shown (`ProviderStatistics.displayedRating`).
    private var displayed: Double { statistics.displayedRating(prior) ?? 0 }

    func templateValue(named name: String) -> TemplateValue? {
        let summary = reputation.summary
        switch name {
        case "providerID": return .number(Int(providerID))
        case "hasReviews": return .flag(statistics.hasRatings)
        // The stars, sub-ratings and reviews come from published reviews; a record with ratings but none of them
        // (the demo's seeded figures) shows its figure alone.
        case "hasDetail": return .flag(summary.count > 0)
        case "rating": return .text(RatingText.format(displayed))
        case "stars": return .text(StarText.stars(Int(displayed.rounded())))
        case "leansOnPrior": return .flag(statistics.hasRatings && RatingText.shown(displayed) != RatingText.shown(statistics.ratingAverage))
        case "average": return .text(RatingText.format(statistics.ratingAverage))
        case "prior": return .text(prior.description)
        case "count": return .text(CountText.of(statistics.ratingCount, "review"))
        case "bars": return .objects((1...5).reversed().map { StarBar(stars: $0, count: summary.distribution[$0 - 1], total: summary.count) })
        case "aspects":
            return .objects(SubRating.allCases.compactMap { aspect in summary.subRatings[aspect].map { Aspect(label: aspect.label, mean: $0) } })
        case "hasAspects": return .flag(!summary.subRatings.isEmpty)
        case "hasTrend": return .flag(!reputation.trend.months.isEmpty)
        case "trend":
            let busiest = reputation.trend.months.map(\.count).max() ?? 0
            return .objects(reputation.trend.months.map { TrendMonth(month: $0, busiest: busiest) })
        case "trendEnd":
            return .text(reputation.trend.months.last.flatMap { Self.start(of: $0.month) }.map(PageDates.monthAndYear.string(from:)) ?? "")
        case "highlights": return .objects(reputation.highlights.map(Highlight.init))
        case "hasMore": return .flag(summary.count > reputation.highlights.count)
        default: return nil
        }
    }
}

/// A rating as stars in text, for sighted readers (the markup gives screen readers the number): "★★★★☆".
enum StarText {
    static func stars(_ rating: Int) -> String {
        let full = max(0, min(5, rating))
        return String(repeating: "★", count: full) + String(repeating: "☆", count: 5 - full)
    }
}
