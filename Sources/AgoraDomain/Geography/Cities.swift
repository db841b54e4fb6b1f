import Foundation

/// The cities a profile's location is chosen from: every place of 15,000 people or more in the countries Agora
/// knows, from GeoNames (CC BY 4.0), one per name and country (the most populous), kept in `cities.tsv` beside
/// this file. A city found here gives a profile its coordinates; one typed that is not here is kept as written,
/// without them (searches by distance do not find it).
public enum Cities {
    /// The most suggestions one request gets.
    public static let maximumSuggestions = 10

    /// The city of this name (in any case, with or without accents) in the country, if the list has it.
    public static func find(name: String, countryCode: String) -> City? {
        index[key(name, countryCode.uppercased())]
    }

    /// Cities whose name starts with `prefix` (folded like `find`), in the country when one is given, the most
    /// populous first.
    public static func suggestions(prefix: String, countryCode: String?, limit: Int = maximumSuggestions) -> [City] {
        let folded = fold(prefix.trimmingCharacters(in: .whitespaces))
        guard !folded.isEmpty else { return [] }
        let country = countryCode?.uppercased()
        var found: [City] = []
        for (city, name) in zip(all, foldedNames) where name.hasPrefix(folded) && (country == nil || city.countryCode == country) {
            found.append(city)
            if found.count == limit { break }
        }
        return found
    }

    /// Every city, the most populous first.
    public static let all: [City] = {
        guard let file = Bundle.module.url(forResource: "cities", withExtension: "tsv"),
              let text = try? String(contentsOf: file, encoding: .utf8)
        else { fatalError("cities.tsv is missing from AgoraDomain's resources") }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 5, let latitude = Double(fields[2]), let longitude = Double(fields[3]), let population = Int(fields[4]) else {
                return nil
            }
            return City(name: String(fields[0]), countryCode: String(fields[1]), latitude: latitude, longitude: longitude, population: population)
        }
    }()

    private static let foldedNames: [String] = all.map { fold($0.name) }

    private static let index: [String: City] = Dictionary(all.map { (key($0.name, $0.countryCode), $0) }, uniquingKeysWith: { first, _ in first })

    private static func key(_ name: String, _ countryCode: String) -> String {
        fold(name.trimmingCharacters(in: .whitespaces)) + "\t" + countryCode
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }
}
