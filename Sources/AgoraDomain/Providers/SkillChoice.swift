import Foundation

/// How a provider's skills meet the catalogue: each skill the catalogue has is written as the catalogue spells it,
/// and at most `maximumFreeSkills` may be the provider's own words — enough for a niche, few enough that search
/// facets and routing keep working on shared names.
public enum SkillChoice {
    public static let maximumFreeSkills = 5

    /// The key a skill is matched by: any case, with or without accents, spaces at the ends ignored.
    public static func key(_ skill: String) -> String {
        skill.trimmingCharacters(in: .whitespaces).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }

    /// `skills` spelled as the catalogue does (`catalogue` maps `key` to a catalogue name), without duplicates;
    /// throws a `skills` field error naming the free ones when there are more than allowed.
    public static func resolve(_ skills: [String], catalogue: [String: String]) throws -> [String] {
        var resolved: [String] = []
        var seen: Set<String> = []
        var free: [String] = []
        for skill in skills {
            let name = catalogue[key(skill)] ?? skill
            guard seen.insert(key(name)).inserted else { continue }
            if catalogue[key(skill)] == nil { free.append(skill) }
            resolved.append(name)
        }
        guard free.count <= maximumFreeSkills else {
            throw ValidationError([FieldError(
                field: "skills",
                message: "may have at most \(maximumFreeSkills) skills outside the list of skills; these are not in it: \(free.joined(separator: ", "))"
            )])
        }
        return resolved
    }
}
