import AgoraDomain
import Foundation

/// A provider routing would offer an order to, with the score and the reason stored on the route.
public struct RoutingCandidate: Sendable, Hashable {
    public let providerID: Int64
    public let score: Double
    public let reason: String

    public init(providerID: Int64, score: Double, reason: String) {
        self.providerID = providerID
        self.score = score
        self.reason = reason
    }
}

/// Scores every public provider of the search snapshot against an order (`RoutingScore`) and keeps the best:
/// one pass over small in-memory records, so routing one order against 100,000 providers costs milliseconds.
public struct ProviderMatcher: Sendable {
    let snapshot: SearchSnapshot
    let tree: CategoryTree
    let settings: RoutingSettings

    public init(snapshot: SearchSnapshot, tree: CategoryTree, settings: RoutingSettings) {
        self.snapshot = snapshot
        self.tree = tree
        self.settings = settings
    }

    /// The `limit` best providers for `order`, best first (ties: the snapshot's order), leaving out `excluded` ids.
    public func best(for order: Order, limit: Int, excluding excluded: Set<Int64>) -> [RoutingCandidate] {
        let details = order.details
        var counts = [Bool](repeating: false, count: Int(tree.all.map(\.id).max() ?? 0) + 1)
        for category in tree.all where tree.countingCategories(of: category.id).contains(details.categoryID) {
            counts[Int(category.id)] = true
        }
        let wanted = Set(details.skills.compactMap { snapshot.skills.number(of: $0.lowercased()) })
        let budgetMaximum = Double(details.budgetMaximum.minorUnits)
        let factors = SearchSnapshot.currencies.map { code in
            (try? CurrencyCode(code)).map { ExchangeRates.minorUnitFactor(from: $0, to: details.budgetMaximum.currency) } ?? 0
        }
        var country: Int32?
        var circle: GeoCircle?
        switch details.location {
        case .country(let code):
            guard let number = snapshot.countries.number(of: code) else { return [] }
            country = number
        case .near(let within): circle = within
        case .remote: break
        }
        let centre = circle?.centre.unitVector
        let minimumDot = circle?.minimumDotProduct ?? -2
        let prior = snapshot.ratingPrior
        let weights = settings.weights

        var scored: [(position: Int, score: Double, matched: Int, factors: RoutingScore)] = []
        for position in snapshot.entries.indices {
            let entry = snapshot.entries[position]
            guard entry.alive, entry.availability != .unavailable, entry.id != order.clientID, !excluded.contains(entry.id) else { continue }
            var listed = false
            for index in entry.categories.range {
                let category = Int(snapshot.categoryLists[index])
                if category < counts.count, counts[category] { listed = true; break }
            }
            guard listed else { continue }
            var location = 1.0
            if let country, entry.country != country { continue }
            if let centre {
                guard let vector = entry.vector, vector.x * centre.x + vector.y * centre.y + vector.z * centre.z >= minimumDot else { continue }
            }
            if country == nil, centre == nil, !entry.remote { location = 0.8 }
            var matched = 0
            if !wanted.isEmpty {
                for index in entry.skills.range where wanted.contains(snapshot.skillLists[index]) { matched += 1 }
            }
            var dayCost: Double?
            if let minor = entry.rateMinor, entry.rateCurrency >= 0 {
                dayCost = Double(minor) * factors[Int(entry.rateCurrency)] * RoutingScore.hoursPerDay
            }
            let factors = RoutingScore(
                skills: RoutingScore.skills(matched: matched, wanted: details.skills.count),
                rate: RoutingScore.rate(dayCost: dayCost, budgetMaximum: budgetMaximum),
                location: location,
                availability: entry.availability == .available ? 1 : 0.5,
                rating: RoutingScore.rating(average: entry.ratingAverage, count: entry.ratingCount, prior: prior),
                responsiveness: RoutingScore.responsiveness(minutes: entry.responseMinutes)
            )
            scored.append((position, factors.value(weights), matched, factors))
        }
        return scored.partialTop(limit).map { item in
            RoutingCandidate(
                providerID: snapshot.entries[item.position].id, score: item.score,
                reason: item.factors.reason(matchedSkills: item.matched, wantedSkills: details.skills.count)
            )
        }
    }
}

private extension Array where Element == (position: Int, score: Double, matched: Int, factors: RoutingScore) {
    /// The `count` highest scores, best first, without sorting the whole array (ties: earlier position first).
    func partialTop(_ count: Int) -> [Element] {
        var top: [Element] = []
        top.reserveCapacity(count + 1)
        for element in self {
            if top.count == count, let last = top.last, element.score <= last.score { continue }
            let index = top.firstIndex { element.score > $0.score } ?? top.endIndex
            top.insert(element, at: index)
            if top.count > count { top.removeLast() }
        }
        return top
    }
}
