import AgoraStore
import ArgumentParser

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date (safe to run again).")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try LogSetup.bootstrap()
        try await options.withStore { store in
            let applied = try await Migrator(store: store).migrate()
            if applied.isEmpty {
                print("\(try options.location): schema is up to date")
            } else {
                let names = Migrations.all.filter { applied.contains($0.version) }.map { "\($0.version) \($0.name)" }
                print("\(try options.location): applied \(names.joined(separator: ", "))")
            }
        }
    }
}
