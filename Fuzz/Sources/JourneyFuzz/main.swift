#if canImport(Glibc)
import Glibc
#endif
import JourneyKit

/// Reads the input as a journey file. Any crash, a refused
/// canonical encoding, a round trip that changes the journey, an encoding that is not a
/// fixed point, or a message holding a raw control character stops the run.
func journeyFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let doc = try JourneyCodec.decode(bytes, file: "fuzz.json")
        let encoded = JourneyCodec.encode(doc.journey)
        guard let again = try? JourneyCodec.decode(encoded, file: "fuzz.json") else {
            fatalError("the canonical encoding of an accepted file is refused")
        }
        precondition(again.journey == doc.journey, "the journey changed in a round trip")
        precondition(JourneyCodec.encode(again.journey) == encoded, "encoding is not a fixed point")
    } catch {
        precondition(!error.description.unicodeScalars.contains { $0 != "\n" && TerminalText.isUnsafe($0) },
                     "a message holds a raw control character")
        precondition(error.exitCode == 65, "unexpected exit code \(error.exitCode)")
    }
    return 0
}

/// libFuzzer's driver (from libclang_rt.fuzzer, linked by `-sanitize=fuzzer`); SwiftPM
/// gives the executable its own `main`, so the driver is started from here.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, journeyFuzz))
