import AgoraDomain

/// Makes believable providers, the same ones for the same seed and index.
struct ProviderFactory {
    let seed: UInt64

    struct City {
        let name: String
        let region: String
        let country: String
        let latitude: Double
        let longitude: Double
        let currency: String
        let language: String
    }

    func provider(index: Int) -> NewProvider {
        var random = SeededGenerator(seed: seed, index: index)
        let top = CatalogSeed.topLevel.pick(using: &random)
        let sub = top.subcategories.pick(using: &random)
        let city = Self.cities.pick(using: &random)
        let firstName = Self.firstNames.pick(using: &random)
        let lastName = Self.lastNames.pick(using: &random)
        let slug = Slug.from(title: "\(firstName) \(lastName) \(index + 1)")!
        let years = 2 + Int(random.next() % 18)
        let skillCount = 3 + Int(random.next() % UInt64(max(1, sub.skills.count - 2)))
        var skills = sub.skills
        for position in stride(from: skills.count - 1, to: 0, by: -1) {
            skills.swapAt(position, Int(random.next() % UInt64(position + 1)))
        }
        let rateMajor = Int64(25 + 5 * (random.next() % 26))
        let currency = try! CurrencyCode(city.currency)
        let rate = Money.major(rateMajor * (Self.unitsPerEuro[currency.code] ?? 1), currency)
        let ratingCount = random.next() % 10 == 0 ? 0 : Int(1 + random.next() % 180)
        let average = ratingCount == 0 ? 0 : Double(36 + random.next() % 15) / 10
        let completed = ratingCount + Int(random.next() % 25)
        let availability: Availability = [.available, .available, .available, .limited, .unavailable].pick(using: &random)
        var languages = ["en"]
        if city.language != "en" { languages.insert(city.language, at: random.next() % 2 == 0 ? 0 : 1) }
        let title = "\(Self.seniority.pick(using: &random)) \(sub.role)"
        let spread = Self.spread(seed: seed, index: index)
        let bio = """
            I'm a \(sub.role) based in \(city.name) with \(years) years of experience. \
            \(Self.focus.pick(using: &random)) I work mostly with \(skills.prefix(3).joined(separator: ", ")), \
            and I care about \(Self.values.pick(using: &random)).
            """
        return NewProvider(
            firstName: firstName,
            lastName: lastName,
            email: try! Email("\(slug.value)@example.com"),
            phone: nil,
            slug: slug,
            title: title.prefix(1).uppercased() + title.dropFirst(),
            bio: bio,
            location: ProviderLocation(
                city: city.name, region: city.region, countryCode: city.country,
                latitude: city.latitude + spread.latitude, longitude: city.longitude + spread.longitude
            ),
            hourlyRate: rate,
            skills: Array(skills.prefix(skillCount)),
            languages: languages,
            background: Self.background(
                role: title.prefix(1).uppercased() + title.dropFirst(), years: years, city: city.name,
                education: Self.education.pick(using: &random),
                certification: random.next() % 3 == 0 ? nil : Self.certifications.pick(using: &random), month: 1 + index % 12
            ),
            availability: availability,
            photo: nil,
            categorySlugs: [Slug.from(title: sub.name)!],
            statistics: ProviderStatistics(
                ratingAverage: average,
                ratingCount: ratingCount,
                completedProjects: completed,
                completionRate: Double(85 + random.next() % 16) / 100,
                responseTimeMinutes: Int(10 + random.next() % 590)
            ),
            // Derived from what was drawn above, so that adding it left every other seeded value as it was.
            verified: ratingCount >= 20 && rateMajor % 2 == 1,
            remote: years % 4 != 0
        )
    }

    /// Where in and around the city the provider works: within about 25 km of its centre. Drawn from a generator
    /// of its own, so that adding it left every other seeded value as it was.
    static func spread(seed: UInt64, index: Int) -> (latitude: Double, longitude: Double) {
        var random = SeededGenerator(seed: seed ^ 0x6765_6F00, index: index)
        let unit = { (generator: inout SeededGenerator) in Double(generator.next() >> 11) / Double(1 << 53) * 2 - 1 }
        return (unit(&random) * 0.22, unit(&random) * 0.3)
    }

    /// Rough size of one euro in each currency, so that rates read as realistic (85 SEK an hour would not).
    static let unitsPerEuro: [String: Int64] = ["SEK": 11, "PLN": 4, "JPY": 160, "INR": 90, "BRL": 6]

    static let firstNames = [
        "Amélie", "Lucas", "Sofia", "Mateo", "Hannah", "Jonas", "Chloé", "Liam", "Aiko", "Ravi", "Priya", "Noah",
        "Elena", "Marco", "Ingrid", "Lars", "Zofia", "Piotr", "Isabel", "Diego", "Grace", "Oliver", "Fatima", "Omar",
        "Yuki", "Kenji", "Ana", "João", "Emma", "Felix", "Clara", "Hugo", "Nora", "Emil", "Maya", "Daniel", "Leah",
        "Samuel", "Alice", "Théo",
    ]

    static let lastNames = [
        "Martin", "Dubois", "Müller", "Schmidt", "Rossi", "Bianchi", "García", "López", "Silva", "Santos", "Nowak",
        "Kowalski", "Andersson", "Johansson", "Smith", "Taylor", "Brown", "Wilson", "Tanaka", "Sato", "Sharma",
        "Patel", "Novak", "Jensen", "Murphy", "O'Brien", "Fischer", "Weber", "Lefèvre", "Moreau", "Costa", "Ferreira",
        "Nielsen", "Berg", "Kim", "Chen", "Hughes", "Walker", "Clarke", "Evans",
    ]

    static let cities = [
        City(name: "Paris", region: "Île-de-France", country: "FR", latitude: 48.8566, longitude: 2.3522, currency: "EUR", language: "fr"),
        City(name: "Lyon", region: "Auvergne-Rhône-Alpes", country: "FR", latitude: 45.764, longitude: 4.8357, currency: "EUR", language: "fr"),
        City(name: "Berlin", region: "Berlin", country: "DE", latitude: 52.52, longitude: 13.405, currency: "EUR", language: "de"),
        City(name: "Munich", region: "Bavaria", country: "DE", latitude: 48.1351, longitude: 11.582, currency: "EUR", language: "de"),
        City(name: "Madrid", region: "Community of Madrid", country: "ES", latitude: 40.4168, longitude: -3.7038, currency: "EUR", language: "es"),
        City(name: "Barcelona", region: "Catalonia", country: "ES", latitude: 41.3874, longitude: 2.1686, currency: "EUR", language: "es"),
        City(name: "Milan", region: "Lombardy", country: "IT", latitude: 45.4642, longitude: 9.19, currency: "EUR", language: "it"),
        City(name: "Lisbon", region: "Lisbon", country: "PT", latitude: 38.7223, longitude: -9.1393, currency: "EUR", language: "pt"),
        City(name: "Amsterdam", region: "North Holland", country: "NL", latitude: 52.3676, longitude: 4.9041, currency: "EUR", language: "nl"),
        City(name: "Dublin", region: "Leinster", country: "IE", latitude: 53.3498, longitude: -6.2603, currency: "EUR", language: "en"),
        City(name: "London", region: "England", country: "GB", latitude: 51.5072, longitude: -0.1276, currency: "GBP", language: "en"),
        City(name: "Manchester", region: "England", country: "GB", latitude: 53.4808, longitude: -2.2426, currency: "GBP", language: "en"),
        City(name: "Edinburgh", region: "Scotland", country: "GB", latitude: 55.9533, longitude: -3.1883, currency: "GBP", language: "en"),
        City(name: "New York", region: "New York", country: "US", latitude: 40.7128, longitude: -74.006, currency: "USD", language: "en"),
        City(name: "Austin", region: "Texas", country: "US", latitude: 30.2672, longitude: -97.7431, currency: "USD", language: "en"),
        City(name: "San Francisco", region: "California", country: "US", latitude: 37.7749, longitude: -122.4194, currency: "USD", language: "en"),
        City(name: "Toronto", region: "Ontario", country: "CA", latitude: 43.6532, longitude: -79.3832, currency: "CAD", language: "en"),
        City(name: "Montreal", region: "Quebec", country: "CA", latitude: 45.5019, longitude: -73.5674, currency: "CAD", language: "fr"),
        City(name: "Zurich", region: "Zurich", country: "CH", latitude: 47.3769, longitude: 8.5417, currency: "CHF", language: "de"),
        City(name: "Stockholm", region: "Stockholm", country: "SE", latitude: 59.3293, longitude: 18.0686, currency: "SEK", language: "sv"),
        City(name: "Warsaw", region: "Masovia", country: "PL", latitude: 52.2297, longitude: 21.0122, currency: "PLN", language: "pl"),
        City(name: "Kraków", region: "Lesser Poland", country: "PL", latitude: 50.0647, longitude: 19.945, currency: "PLN", language: "pl"),
        City(name: "Sydney", region: "New South Wales", country: "AU", latitude: -33.8688, longitude: 151.2093, currency: "AUD", language: "en"),
        City(name: "Tokyo", region: "Tokyo", country: "JP", latitude: 35.6762, longitude: 139.6503, currency: "JPY", language: "ja"),
        City(name: "Bengaluru", region: "Karnataka", country: "IN", latitude: 12.9716, longitude: 77.5946, currency: "INR", language: "hi"),
        City(name: "São Paulo", region: "São Paulo", country: "BR", latitude: -23.5558, longitude: -46.6396, currency: "BRL", language: "pt"),
    ]

    static let seniority = ["senior", "freelance", "independent", "experienced", "certified", "lead"]

    static let focus = [
        "I help startups turn rough ideas into products their customers love.",
        "Small businesses hire me when they need things done properly the first time.",
        "I've worked with agencies, scale-ups and a few household names.",
        "Most of my clients come back for a second project.",
        "I like clear briefs, honest deadlines and measurable results.",
    ]

    static let values = [
        "clear communication and weekly updates",
        "clean, maintainable work that outlives the project",
        "meeting deadlines without cutting corners",
        "understanding the business problem before the technical one",
        "leaving clients with documentation they can actually use",
    ]

    /// The year seeded careers are dated back from, fixed so that a seed always makes the same profiles.
    static let referenceYear = 2025

    static func background(
        role: String, years: Int, city: String, education: (String, String), certification: (String, String)?, month: Int
    ) -> [BackgroundKind: [BackgroundEntry]] {
        let started = YearMonth(year: referenceYear - years, month: month)
        var background: [BackgroundKind: [BackgroundEntry]] = [
            .experience: [BackgroundEntry(
                title: role, organisation: "", start: started, end: nil,
                description: "Independent work for clients in \(city) and elsewhere.", link: nil
            )],
            .education: [BackgroundEntry(title: education.0, organisation: education.1, start: nil, end: nil, description: "", link: nil)],
        ]
        if let (name, issuer) = certification {
            background[.certification] = [BackgroundEntry(
                title: name, organisation: issuer, start: YearMonth(year: referenceYear - years % 5, month: month), end: nil, description: "", link: nil
            )]
        }
        return background
    }

    static let education = [
        ("MSc Computer Science", "Technical University of Munich"),
        ("BA Graphic Design", "Central Saint Martins"),
        ("BSc Economics", "Università Bocconi"),
        ("BA Journalism", "Sciences Po"),
        ("MA Translation Studies", "Université de Genève"),
        ("BEng Electrical Engineering", "Politecnico di Milano"),
        ("MBA", "IE Business School"),
    ]

    static let certifications = [
        ("AWS Certified Solutions Architect – Associate", "Amazon Web Services"),
        ("Google Ads Search Certification", "Google"),
        ("Certified ScrumMaster", "Scrum Alliance"),
        ("Adobe Certified Professional", "Adobe"),
        ("ACCA Qualification", "ACCA"),
        ("CompTIA Security+", "CompTIA"),
    ]
}
