import AgoraFuzzing
import Foundation

#if AGORA_FUZZING
/// The target libFuzzer drives, named by `AGORA_FUZZ_TARGET` (`make fuzz` runs each in turn).
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["AGORA_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("AGORA_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

/// libFuzzer's entry point: one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
/// Built without the fuzzer, `agora-fuzz TARGET FILE…` replays inputs — a crash libFuzzer saved, say — through a
/// target, so that a failure can be looked at in a debugger.
@main
struct ReplayInputs {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: agora-fuzz \(names) FILE…\n".utf8))
            exit(64)
        }
        for path in arguments.dropFirst() {
            target.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            print("\(path): ok")
        }
    }
}
#endif
