/// A unified diff of two texts (`diff -u` layout, 3 lines of context), for `fmt --diff`.
enum UnifiedDiff {
    /// The diff from `old` to `new` under `--- a/NAME` and `+++ b/NAME` (an absolute NAME
    /// as it is); empty when equal.
    /// The middle that differs is matched line by line (longest common subsequence) when it
    /// is small enough, else shown as one replaced block.
    static func make(old: String, new: String, name: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        var ops = script(a.map(\.text), b.map(\.text))
        // A line that lost or gained its final newline differs too.
        ops = ops.map { op in
            if case .same(let i, let j) = op, a[i].newline != b[j].newline { return .change(i, j) }
            return op
        }
        let (from, to) = name.hasPrefix("/") ? (name, name) : ("a/" + name, "b/" + name)
        var out = "--- \(from)\n+++ \(to)\n"
        for r in hunks(ops, context: context) {
            let hunk = ops[r]
            let olds = hunk.compactMap(\.oldIndex), news = hunk.compactMap(\.newIndex)
            // A side with no lines in the hunk is numbered by the line before it (`-N,0`).
            let oldStart = olds.first.map { $0 + 1 } ?? (ops[..<r.lowerBound].compactMap(\.oldIndex).last.map { $0 + 1 } ?? 0)
            let newStart = news.first.map { $0 + 1 } ?? (ops[..<r.lowerBound].compactMap(\.newIndex).last.map { $0 + 1 } ?? 0)
            out += "@@ -\(range(oldStart, olds.count)) +\(range(newStart, news.count)) @@\n"
            var removed: [String] = [], added: [String] = []
            func flush() {
                out += removed.joined() + added.joined()
                removed = []
                added = []
            }
            for op in hunk {
                switch op {
                case .same(let i, _):
                    flush()
                    out += " " + a[i].line
                case .delete(let i): removed.append("-" + a[i].line)
                case .insert(let j): added.append("+" + b[j].line)
                case .change(let i, let j):
                    removed.append("-" + a[i].line)
                    added.append("+" + b[j].line)
                }
            }
            flush()
        }
        return out
    }

    struct Line {
        var text: Substring
        var newline: Bool
        /// The line as a diff shows it, with `\ No newline at end of file` when it has none.
        var line: String { newline ? text + "\n" : text + "\n\\ No newline at end of file\n" }
    }

    static func lines(_ s: String) -> [Line] {
        var parts = s.split(separator: "\n", omittingEmptySubsequences: false)
        let last = parts.removeLast()
        var out = parts.map { Line(text: $0, newline: true) }
        if !last.isEmpty { out.append(Line(text: last, newline: false)) }
        return out
    }

    enum Op {
        case same(Int, Int), delete(Int), insert(Int), change(Int, Int)

        var oldIndex: Int? {
            switch self {
            case .same(let i, _), .delete(let i), .change(let i, _): i
            case .insert: nil
            }
        }

        var newIndex: Int? {
            switch self {
            case .same(_, let j), .insert(let j), .change(_, let j): j
            case .delete: nil
            }
        }

        var isSame: Bool {
            if case .same = self { return true }
            return false
        }
    }

    /// The edit script: common prefix and suffix kept, the middle by LCS when it has at most
    /// 4 million cells, else every middle line deleted and inserted.
    static func script(_ a: [Substring], _ b: [Substring]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var ops = (0..<prefix).map { Op.same($0, $0) }
        let am = Array(a[prefix..<(a.count - suffix)]), bm = Array(b[prefix..<(b.count - suffix)])
        if am.count * bm.count <= 4_000_000 {
            // lengths[i][j]: the LCS of am[i...] and bm[j...].
            let w = bm.count + 1
            var lengths = [Int32](repeating: 0, count: (am.count + 1) * w)
            for i in stride(from: am.count - 1, through: 0, by: -1) {
                for j in stride(from: bm.count - 1, through: 0, by: -1) {
                    lengths[i * w + j] = am[i] == bm[j] ? lengths[(i + 1) * w + j + 1] + 1 : max(lengths[(i + 1) * w + j], lengths[i * w + j + 1])
                }
            }
            var i = 0, j = 0
            while i < am.count || j < bm.count {
                if i < am.count, j < bm.count, am[i] == bm[j] {
                    ops.append(.same(prefix + i, prefix + j))
                    i += 1
                    j += 1
                } else if j < bm.count, i == am.count || lengths[i * w + j + 1] >= lengths[(i + 1) * w + j] {
                    ops.append(.insert(prefix + j))
                    j += 1
                } else {
                    ops.append(.delete(prefix + i))
                    i += 1
                }
            }
        } else {
            ops += am.indices.map { Op.delete(prefix + $0) } + bm.indices.map { Op.insert(prefix + $0) }
        }
        ops += (0..<suffix).map { Op.same(a.count - suffix + $0, b.count - suffix + $0) }
        return ops
    }

    /// Runs of changes with up to `context` unchanged lines around them, as ranges of `ops`;
    /// runs closer than twice that are one hunk.
    static func hunks(_ ops: [Op], context: Int) -> [ClosedRange<Int>] {
        let changed = ops.indices.filter { !ops[$0].isSame }
        guard let first = changed.first else { return [] }
        var result: [ClosedRange<Int>] = []
        var start = max(0, first - context), end = first
        for c in changed.dropFirst() {
            if c - end > 2 * context {
                result.append(start...min(ops.count - 1, end + context))
                start = c - context
            }
            end = c
        }
        result.append(start...min(ops.count - 1, end + context))
        return result
    }

    static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }
}
