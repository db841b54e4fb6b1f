import AgoraAPI
import AgoraDomain
import AgoraStore
import ArgumentParser
import Foundation

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill an empty database with a marketplace.",
        discussion: """
            --demo loads the demo marketplace (12 categories with subcategories, \(MarketplaceSeeder.demoProviderCount) providers, six testimonials). \
            With AGORA_DEMO_PASSWORD set, the seed also opens two accounts to try the marketplace with: a client \
            (\(DemoAccounts.clientEmail)) and a seeded provider, both with that password. \
            --providers N makes a synthetic one of any size for benchmarks; the same --seed gives the same data.
            """
    )

    @OptionGroup var options: DatabaseOptions

    @Flag(help: "Load the demo marketplace.")
    var demo = false

    @Option(help: "Number of synthetic providers (1 to 1,000,000).")
    var providers: Int?

    @Option(help: "Seed of the synthetic data.")
    var seed: UInt64 = 1

    @Flag(help: "Do nothing, successfully, when the database already holds data.")
    var ifEmpty = false

    func validate() throws {
        guard demo != (providers != nil) else {
            throw ValidationError("give either --demo or --providers N")
        }
        if let providers, !(1...1_000_000).contains(providers) {
            throw ValidationError("--providers must be between 1 and 1,000,000")
        }
    }

    func run() async throws {
        try LogSetup.bootstrap()
        let count = providers ?? MarketplaceSeeder.demoProviderCount
        let seedValue = demo ? MarketplaceSeeder.demoSeed : seed
        try await options.withStore { store in
            try await Migrator(store: store).migrate()
            let seeder = MarketplaceSeeder(store: store)
            if ifEmpty, !(try await seeder.databaseIsEmpty()) {
                print("\(try options.location): already holds data; nothing seeded")
                return
            }
            let progress = ProgressLine(label: "seeding", total: count)
            try await seeder.seed(providers: count, seed: seedValue, now: Date(), testimonials: demo, records: demo ? .fromWork : .drawn) { done, _ in
                progress.update(done)
            }
            progress.finish()
            print("\(try options.location): seeded \(count) providers in \(progress.elapsedText)")
            if let password = Environment.value("AGORA_DEMO_PASSWORD") {
                let settings = try ServiceSettings.fromEnvironment(baseURL: Environment.value("AGORA_BASE_URL") ?? "http://127.0.0.1:8080")
                do {
                    let accounts = try await DemoAccounts.create(password: password, settings: settings.auth, store: store, now: Date())
                    print("demo accounts: \(accounts.client) (client) and \(accounts.provider) (provider), password from AGORA_DEMO_PASSWORD")
                } catch let invalid as AgoraDomain.ValidationError {
                    throw CommandError("AGORA_DEMO_PASSWORD: \(invalid.errors.map(\.message).joined(separator: "; "))")
                }
            }
        }
    }
}
