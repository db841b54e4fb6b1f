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
        // The categories that count for the chosen one, as flags indexed by id (ids are small and dense).
        var counts: [Bool] = []
        if let category {
            counts = [Bool](repeating: false, count: Int(tree.all.map(\.id).max() ?? 0) + 1)
            for candidate in tree.all where tree.countingCategories(of: candidate.id).contains(category) {
                counts[Int(candidate.id)] = true
            }
        }
        let categoryLists = snapshot.categoryLists
        let skillLists = snapshot.skillLists
        let languageLists = snapshot.languageLists
        let priced = query.minimumRate != nil || query.maximumRate != nil

        var matches: [ProviderSearch.Match] = []
        func consider(_ position: Int) {
            let entry = snapshot.entries[position]
            guard entry.alive else { return }
            if category != nil {
                var found = false
                for index in entry.categories.range {
                    let listed = Int(categoryLists[index])
                    if listed < counts.count, counts[listed] { found = true; break }
                }
                if !found { return }
            }
            if let country {
                guard entry.country == country else { return }
                if let city, entry.city != city { return }
            }
            if remoteOnly, !entry.remote { return }
            var proximity: Double?
            if let centre, let latitudes {
                guard let latitude = entry.latitude, latitudes.contains(latitude), let vector = entry.vector else { return }
                let dot = vector.x * centre.x + vector.y * centre.y + vector.z * centre.z
                guard dot >= minimumDot else { return }
                proximity = dot
            }
            var rate: Double?
            if let minor = entry.rateMinor, entry.rateCurrency >= 0 {
                rate = (Double(minor) * factors[Int(entry.rateCurrency)]).rounded()
            }
            if priced {
                guard let rate else { return }
                if let low = query.minimumRate, rate < Double(low) { return }
                if let high = query.maximumRate, rate > Double(high) { return }
            }
            if !wantedSkills.isEmpty {
                var has = 0
                for index in entry.skills.range where wantedSkills.contains(skillLists[index]) { has += 1 }
                switch query.skillMatch {
                case .all: if has < wantedSkills.count { return }
                case .any: if has == 0 { return }
                }
            }
            switch query.availability {
            case .now?:
                if entry.availability == .unavailable { return }
            case .on(let day)?:
                if entry.availability == .unavailable, !(entry.availableFrom.map { $0 <= day } ?? false) { return }
            case nil:
                break
            }
            if let minimum = query.minimumRating, !(snapshot.shownRating(of: entry).map { $0 >= minimum } ?? false) { return }
            if let minimum = query.minimumReviews, entry.ratingCount < minimum { return }
            if !wantedLanguages.isEmpty, !entry.languages.range.contains(where: { wantedLanguages.contains(languageLists[$0]) }) { return }
            if query.verifiedOnly, !entry.verified { return }
            if let joined = query.joinedAfter, entry.createdAt <= joined { return }
            matches.append(ProviderSearch.Match(id: entry.id, position: position, rate: rate, proximity: proximity))
        }
        if category != nil {
            // Only the providers listed in the counting categories, each once, in snapshot order.
            var listed: [Int32] = []
            for candidate in tree.all where Int(candidate.id) < counts.count && counts[Int(candidate.id)] {
                listed += snapshot.categoryMembers[candidate.id] ?? []
            }
            listed.sort()
            var previous: Int32 = -1
            for position in listed where position != previous {
                previous = position
                consider(Int(position))
            }
        } else {
            for position in snapshot.entries.indices { consider(position) }
        }
        return matches
    }
}
