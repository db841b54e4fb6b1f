import AgoraDomain
import Foundation

/// Applies every filter of a search but its words to the snapshot: category (with its subcategories), place,
/// rate in the search's currency, skills, availability, record, languages, verification, joining date.
struct SearchFilter {
    let query: ProviderSearchQuery
    let snapshot: SearchSnapshot
    let tree: CategoryTree
    let category: Int64?

    func matches() -> [ProviderSearch.Match] {
        let factors = SearchSnapshot.currencies.map { code in
            (try? CurrencyCode(code)).map { ExchangeRates.minorUnitFactor(from: $0, to: query.currency) } ?? 0
        }
        var circle: GeoCircle?
        var country: Int32?
        var city: Int32?
        var remoteOnly = false
        switch query.place {
        case .near(let within)?: circle = within
        case .area(let code, let name)?:
            guard let number = snapshot.countries.number(of: code) else { return [] }
            country = number
            if let name {
                guard let known = snapshot.cities.number(of: name.lowercased()) else { return [] }
                city = known
            }
        case .remote?: remoteOnly = true
        case nil: break
        }
        let centre = circle?.centre.unitVector
        let minimumDot = circle?.minimumDotProduct ?? -2
        let latitudes = circle?.latitudeRange
        let skills = query.skills.map { snapshot.skills.number(of: $0) }
        if query.skillMatch == .all, skills.contains(where: { $0 == nil }) { return [] }
        let wantedSkills = Set(skills.compactMap { $0 })
        if !query.skills.isEmpty, wantedSkills.isEmpty { return [] }
        let wantedLanguages = Set(query.languages.compactMap { snapshot.languages.number(of: $0) })
        if !query.languages.isEmpty, wantedLanguages.isEmpty { return [] }
        var counting: [Int64: [Int64]] = [:]

        var matches: [ProviderSearch.Match] = []
        for position in snapshot.entries.indices {
            let entry = snapshot.entries[position]
            guard entry.alive else { continue }
            if let category {
                let found = snapshot.categories(of: entry).contains { listed in
                    let chain = counting[listed] ?? tree.countingCategories(of: listed)
                    counting[listed] = chain
                    return chain.contains(category)
                }
                if !found { continue }
            }
            if let country {
                guard entry.country == country else { continue }
                if let city, entry.city != city { continue }
            }
            if remoteOnly, !entry.remote { continue }
            var proximity: Double?
            if let centre, let latitudes {
                guard let latitude = entry.latitude, latitudes.contains(latitude), let vector = entry.vector else { continue }
                let dot = vector.x * centre.x + vector.y * centre.y + vector.z * centre.z
                guard dot >= minimumDot else { continue }
                proximity = dot
            }
            var rate: Double?
            if let minor = entry.rateMinor, entry.rateCurrency >= 0 {
                rate = (Double(minor) * factors[Int(entry.rateCurrency)]).rounded()
            }
            if query.minimumRate != nil || query.maximumRate != nil {
                guard let rate else { continue }
                if let low = query.minimumRate, rate < Double(low) { continue }
                if let high = query.maximumRate, rate > Double(high) { continue }
            }
            if !wantedSkills.isEmpty {
                let has = snapshot.skills(of: entry).filter(wantedSkills.contains)
                switch query.skillMatch {
                case .all: if Set(has).count < wantedSkills.count { continue }
                case .any: if has.isEmpty { continue }
                }
            }
            switch query.availability {
            case .now?:
                if entry.availability == .unavailable { continue }
            case .on(let day)?:
                if entry.availability == .unavailable, !(entry.availableFrom.map { $0 <= day } ?? false) { continue }
            case nil:
                break
            }
            if let minimum = query.minimumRating, !(entry.ratingCount > 0 && entry.ratingAverage >= minimum) { continue }
            if let minimum = query.minimumReviews, entry.ratingCount < minimum { continue }
            if !wantedLanguages.isEmpty, !snapshot.languages(of: entry).contains(where: wantedLanguages.contains) { continue }
            if query.verifiedOnly, !entry.verified { continue }
            if let joined = query.joinedAfter, entry.createdAt <= joined { continue }
            matches.append(ProviderSearch.Match(id: entry.id, position: position, rate: rate, proximity: proximity))
        }
        return matches
    }
}
