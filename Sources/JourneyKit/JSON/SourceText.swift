import Foundation

/// A line and column in a source file, both counted from 1.
///
/// The column counts Unicode scalars from the start of the line.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// The bytes of a source file, with the lookups from offsets to lines and columns.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Offsets where each line starts, found on first use: reading a valid file never needs them.
    private let index: LineIndex

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        index = LineIndex()
    }

    private var lineStarts: [UInt32] { index.starts(of: bytes) }

    /// Offsets where each line starts (files past 4 GiB keep only the first and scan).
    private final class LineIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var cached: [UInt32]? = nil

        func starts(of bytes: [UInt8]) -> [UInt32] {
            lock.lock()
            defer { lock.unlock() }
            if let cached { return cached }
            var starts: [UInt32] = [0]
            if bytes.count < Int(UInt32.max) {
                bytes.withUnsafeBufferPointer { b in
                    guard let base = b.baseAddress else { return }
                    var at = UnsafePointer(base)
                    let end = base + b.count
                    while at < end, let nl = memchr(at, 0x0A, end - at) {
                        at = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) + 1
                        starts.append(UInt32(at - base))
                    }
                }
            }
            cached = starts
            return starts
        }
    }

    /// The line and column of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        if bytes.count >= Int(UInt32.max) {
            return bytes.withUnsafeBufferPointer { SourceText.lineColumn(of: offset, in: $0) }
        }
        let lineStarts = self.lineStarts
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(lineStarts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(line: lo + 1, column: SourceText.column(from: Int(lineStarts[lo]), to: offset, in: bytes))
    }

    /// The offset just past the JSON value that starts at `offset` (a string to its closing
    /// quote, a container to its closing bracket, a number or literal to its last character).
    public func valueEnd(from offset: Int) -> Int {
        var i = offset, depth = 0, inString = false
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if b == 0x5C { i += 2; continue }
                if b == 0x22 {
                    inString = false
                    if depth == 0 { return i + 1 }
                }
            } else {
                switch b {
                case 0x22: inString = true
                case 0x5B, 0x7B: depth += 1
                case 0x5D, 0x7D:
                    depth -= 1
                    if depth <= 0 { return i + 1 }
                case 0x20, 0x0A, 0x0D, 0x09, 0x2C, 0x3A:
                    if depth == 0 { return i }
                default: break
                }
            }
            i += 1
        }
        return bytes.count
    }

    /// The text of a line (1-based) without its line end.
    public func line(_ number: Int) -> String {
        let lineStarts = self.lineStarts
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = Int(lineStarts[number - 1])
        var end = number < lineStarts.count ? Int(lineStarts[number]) - 1 : bytes.count
        if end > start, end <= bytes.count, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    static func column(from lineStart: Int, to offset: Int, in bytes: [UInt8]) -> Int {
        var column = 1
        // Count scalars: skip UTF-8 continuation bytes.
        for i in lineStart..<max(lineStart, min(offset, bytes.count)) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// The line and column of an offset, scanning the bytes (for use before a SourceText exists).
    static func lineColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(line: line, column: column)
    }
}
