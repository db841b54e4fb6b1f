import Testing

/// Suites that load the whole machine or depend on its timing, run one after another and after every other suite
/// (`make test` runs them in a `swift test` of their own): the password-hashing flood saturates every core, the live
/// connections' test client gives each request 20 seconds, and the connection timeouts measure silence. Beside the
/// rest of the suite, on two cores, a live request sometimes waited longer than that.
@Suite("Machine-bound", .serialized)
enum MachineBound {}
