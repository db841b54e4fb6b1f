import AgoraFuzzing
import Foundation
#if AGORA_FUZZING
import CFuzzerDriver
#endif

/// `agora-fuzz`: built by `make fuzz` (with `-sanitize=fuzzer,address -DAGORA_FUZZING`) it hands the target named by
/// `AGORA_FUZZ_TARGET` to libFuzzer, which reads its flags and corpus folders from the command line; built plainly,
/// `agora-fuzz TARGET FILE…` replays inputs — a crash libFuzzer saved, say — so that a failure can be looked at in a
/// debugger.
@main
struct AgoraFuzz {
    static func main() throws {
        #if AGORA_FUZZING
        fuzz()
        #else
        try replay()
        #endif
    }

    static func replay() throws {
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

    #if AGORA_FUZZING
    static func fuzz() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
    #endif
}

#if AGORA_FUZZING
/// The target libFuzzer drives, named by `AGORA_FUZZ_TARGET` (`make fuzz` runs each in turn).
private let fuzzedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["AGORA_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("AGORA_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

/// One input, under the name libFuzzer's runtime also looks for.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzedTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#endif
