/// The countries the marketplace knows, with names, dial codes and national number lengths: the one table that
/// phone validation, the register page's dial-code picker and the provider pages all read.
///
/// Lengths follow each country's national numbering plan as published to the ITU (E.164); where a plan mixes
/// landline and mobile lengths, the range covers both.
public enum Countries {
    public static func country(code: String) -> Country? {
        byCode[code.uppercased()]
    }

    public static func name(of code: String) -> String {
        country(code: code)?.name ?? code.uppercased()
    }

    /// Every known country, sorted by English name.
    public static let all: [Country] = table
        .map { Country(code: $0.0, name: $0.1, dialCode: $0.2, nationalNumberLengths: $0.3) }
        .sorted { $0.name < $1.name }

    private static let byCode: [String: Country] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    private static let table: [(String, String, String, ClosedRange<Int>)] = [
        ("AE", "United Arab Emirates", "971", 8...9), ("AR", "Argentina", "54", 10...10),
        ("AT", "Austria", "43", 7...13), ("AU", "Australia", "61", 9...9), ("BD", "Bangladesh", "880", 10...10),
        ("BE", "Belgium", "32", 8...9), ("BG", "Bulgaria", "359", 7...9), ("BR", "Brazil", "55", 10...11),
        ("CA", "Canada", "1", 10...10), ("CH", "Switzerland", "41", 9...9), ("CL", "Chile", "56", 9...9),
        ("CN", "China", "86", 10...11), ("CO", "Colombia", "57", 10...10), ("CR", "Costa Rica", "506", 8...8),
        ("CY", "Cyprus", "357", 8...8), ("CZ", "Czechia", "420", 9...9), ("DE", "Germany", "49", 6...13),
        ("DK", "Denmark", "45", 8...8), ("EC", "Ecuador", "593", 8...9), ("EE", "Estonia", "372", 7...8),
        ("EG", "Egypt", "20", 9...10), ("ES", "Spain", "34", 9...9), ("FI", "Finland", "358", 5...12),
        ("FR", "France", "33", 9...9), ("GB", "United Kingdom", "44", 9...10), ("GR", "Greece", "30", 10...10),
        ("HK", "Hong Kong", "852", 8...8), ("HR", "Croatia", "385", 8...9), ("HU", "Hungary", "36", 8...9),
        ("ID", "Indonesia", "62", 9...12), ("IE", "Ireland", "353", 7...9), ("IL", "Israel", "972", 8...9),
        ("IN", "India", "91", 10...10), ("IS", "Iceland", "354", 7...7), ("IT", "Italy", "39", 6...11),
        ("JP", "Japan", "81", 9...10), ("KE", "Kenya", "254", 9...9), ("KR", "South Korea", "82", 9...10),
        ("KZ", "Kazakhstan", "7", 10...10), ("LK", "Sri Lanka", "94", 9...9), ("LT", "Lithuania", "370", 8...8),
        ("LU", "Luxembourg", "352", 4...11), ("LV", "Latvia", "371", 8...8), ("MA", "Morocco", "212", 9...9),
        ("MT", "Malta", "356", 8...8), ("MX", "Mexico", "52", 10...10), ("MY", "Malaysia", "60", 9...10),
        ("NG", "Nigeria", "234", 8...10), ("NL", "Netherlands", "31", 9...9), ("NO", "Norway", "47", 8...8),
        ("NZ", "New Zealand", "64", 8...10), ("PE", "Peru", "51", 8...9), ("PH", "Philippines", "63", 10...10),
        ("PK", "Pakistan", "92", 10...10), ("PL", "Poland", "48", 9...9), ("PR", "Puerto Rico", "1", 10...10),
        ("PT", "Portugal", "351", 9...9), ("RO", "Romania", "40", 9...9), ("RU", "Russia", "7", 10...10),
        ("SA", "Saudi Arabia", "966", 9...9), ("SE", "Sweden", "46", 6...9), ("SG", "Singapore", "65", 8...8),
        ("SI", "Slovenia", "386", 8...8), ("SK", "Slovakia", "421", 9...9), ("TH", "Thailand", "66", 8...9),
        ("TR", "Türkiye", "90", 10...10), ("TW", "Taiwan", "886", 8...9), ("UA", "Ukraine", "380", 9...9),
        ("US", "United States", "1", 10...10), ("UY", "Uruguay", "598", 8...8), ("VE", "Venezuela", "58", 10...10),
        ("VN", "Vietnam", "84", 9...10), ("ZA", "South Africa", "27", 9...9),
    ]
}
