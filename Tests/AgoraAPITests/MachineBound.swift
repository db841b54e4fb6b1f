import Testing

/// Suites that load the whole machine or depend on its timing, run one after another while the other suites run
/// beside them: the password-hashing flood saturates every core, the live connections' test client gives each request
/// 20 seconds, and the connection timeouts measure silence. Side by side, the flood made the others time out.
@Suite("Machine-bound", .serialized)
enum MachineBound {}
