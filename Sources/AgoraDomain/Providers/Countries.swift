/// English names of the countries the marketplace knows, by ISO 3166-1 alpha-2 code.
public enum Countries {
    public static func name(of code: String) -> String {
        names[code.uppercased()] ?? code.uppercased()
    }

    public static let names: [String: String] = [
        "AR": "Argentina", "AT": "Austria", "AU": "Australia", "BE": "Belgium", "BR": "Brazil", "CA": "Canada",
        "CH": "Switzerland", "CZ": "Czechia", "DE": "Germany", "DK": "Denmark", "ES": "Spain", "FI": "Finland",
        "FR": "France", "GB": "United Kingdom", "GR": "Greece", "IE": "Ireland", "IN": "India", "IT": "Italy",
        "JP": "Japan", "MX": "Mexico", "NL": "Netherlands", "NO": "Norway", "NZ": "New Zealand", "PL": "Poland",
        "PT": "Portugal", "RO": "Romania", "SE": "Sweden", "US": "United States", "ZA": "South Africa",
    ]
}
