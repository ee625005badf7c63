import JourneyKit

/// libFuzzer's entry point: reads the input as a journey file. Any crash, a refused
/// canonical encoding, a round trip that changes the journey, an encoding that is not a
/// fixed point, or a message holding a raw control character stops the run.
@_cdecl("LLVMFuzzerTestOneInput")
public func journeyFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
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
