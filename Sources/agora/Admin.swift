import AgoraAPI
import AgoraDomain
import AgoraStore
import ArgumentParser
import Foundation

/// `agora admin`: what only the operator of the machine can do.
struct Admin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Operator tasks on accounts.",
        subcommands: [CreateAdministrator.self]
    )
}

struct CreateAdministrator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Open a verified staff account with a role (the owner by default).",
        discussion: "The password is read from $AGORA_ADMIN_PASSWORD, else from standard input (one line), never from the command line, where other users of the machine could see it."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The administrator's email address.")
    var email: String

    @Option(name: .customLong("first-name"), help: "First name.")
    var firstName: String

    @Option(name: .customLong("last-name"), help: "Last name.")
    var lastName: String

    @Option(help: ArgumentHelp("The staff role: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "role"))
    var role = StaffRole.owner.rawValue

    func run() async throws {
        try LogSetup.bootstrap()
        guard let password = Environment.value("AGORA_ADMIN_PASSWORD") ?? readLine(strippingNewline: true), !password.isEmpty else {
            throw CommandError("give the password in AGORA_ADMIN_PASSWORD or on standard input")
        }
        guard let staffRole = StaffRole(rawValue: role) else {
            throw CommandError("--role must be one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")), not \(role)")
        }
        let settings = try ServiceSettings.fromEnvironment(baseURL: Environment.value("AGORA_BASE_URL") ?? "http://127.0.0.1:8080")
        try await database.withStore { store in
            do {
                let id = try await Administrators.create(
                    firstName: firstName, lastName: lastName, email: email, password: password, role: staffRole, settings: settings.auth,
                    store: store, now: Date()
                )
                print("\(staffRole.rawValue) \(email) created (account \(id))")
            } catch let invalid as AgoraDomain.ValidationError {
                throw CommandError(invalid)
            } catch let conflict as StoreError {
                throw CommandError(conflict.description)
            }
        }
    }
}
