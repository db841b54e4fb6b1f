import Foundation

/// The `agora` binary built beside the tests (`swift build` builds it; `make test` runs that first).
public enum AgoraExecutable {
    public static func url() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("agora"),
            RepositoryPaths.root.appendingPathComponent(".build/debug/agora"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw TestSetupError("the agora binary is not built: run `swift build` before the tests")
        }
        return found
    }

    /// Starts `agora` with the arguments; the caller waits for it or kills it. Output goes to `log` (appended).
    public static func start(_ arguments: [String], environment: [String: String] = [:], log: URL? = nil) throws -> ChildProcess {
        try ChildProcess(
            executable: try url().path, arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new }, output: log?.path
        )
    }

    /// Runs `agora` with the arguments to its end, its output written to a log in `scratch`; its exit status and output.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], in scratch: TemporaryDirectory
    ) async throws -> (status: Int32, output: String) {
        let log = scratch.url.appendingPathComponent("agora-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = try start(arguments, environment: environment, log: log)
        let status = await process.exited()
        return (status, try String(contentsOf: log, encoding: .utf8))
    }
}
