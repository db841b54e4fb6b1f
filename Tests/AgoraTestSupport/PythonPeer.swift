import Foundation

/// A real peer of the tests written in Python (`Tests/Support/{script}`, run by `.build/venv`, which `make test`
/// makes), that prints "ready" once it listens.
enum PythonPeer {
    /// Starts the script; fails naming `peer` when it does not come up.
    static func start(_ script: String, arguments: [String], peer: String) async throws -> Process {
        let python = RepositoryPaths.root.appendingPathComponent(".build/venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw TestSetupError("no .build/venv: run `make test`, which installs \(peer) there")
        }
        let server = Process()
        server.executableURL = python
        server.arguments = [RepositoryPaths.root.appendingPathComponent("Tests/Support/\(script)").path] + arguments
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        let ready = await output.fileHandleForReading.firstData()
        guard String(decoding: ready, as: UTF8.self).contains("ready") else {
            server.terminate()
            throw TestSetupError("\(peer) did not start")
        }
        return server
    }

    /// Stops it and waits (polling: `waitUntilExit` can miss the exit when called from a task); one still running
    /// after `grace` seconds is killed.
    static func stop(_ process: Process, grace: Double) {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<Int(grace * 20) where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
