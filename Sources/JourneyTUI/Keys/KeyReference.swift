import Foundation
import JourneyKit

/// The key reference: every binding of the key table grouped by where it works, with the
/// notes on the mouse and typing. The help overlay and `journeyman keys` both print it.
public enum KeyReference {
    /// One row: the keys (empty for a note such as "(mouse)") and what they do.
    public struct Row: Sendable, Equatable {
        /// The key labels (`↑`, `k`); empty when `note` names the row instead.
        public let keys: [String]
        /// What names a row without keys: `(letter)`, `(mouse)`.
        public let note: String
        public let help: String
    }

    /// One context's rows, under its title.
    public struct Section: Sendable, Equatable {
        public let title: String
        public let rows: [Row]
    }

    /// Every context that has bindings, in `KeyContext` order.
    public static var sections: [Section] {
        KeyContext.allCases.compactMap { context in
            let bindings = KeyTable.bindings.filter { $0.contexts.contains(context) }
            guard !bindings.isEmpty else { return nil }
            var rows = bindings.map { b in
                Row(keys: b.keys.map(\.label), note: b.keys.isEmpty ? "(letter)" : "", help: b.help)
            }
            rows += notes(context).map { Row(keys: [], note: $0.0, help: $0.1) }
            return Section(title: context.title, rows: rows)
        }
    }

    /// The reference as text lines, descriptions wrapped to `width` cells; headings marked.
    public static func textLines(width: Int = 200) -> [(text: String, heading: Bool)] {
        var out: [(String, Bool)] = []
        func row(_ keys: String, _ text: String) {
            let prefix = "  " + keys.padding(toLength: max(18, keys.count), withPad: " ", startingAt: 0) + "  "
            let wrapped = TextWrap.wrap(text, width: max(20, width - prefix.count))
            for (i, line) in wrapped.enumerated() {
                out.append(((i == 0 ? prefix : String(repeating: " ", count: prefix.count)) + line, false))
            }
        }
        for section in sections {
            if !out.isEmpty { out.append(("", false)) }
            out.append((section.title, true))
            for r in section.rows { row(r.keyLabel, r.help) }
        }
        return out
    }

    private static func notes(_ context: KeyContext) -> [(String, String)] {
        switch context {
        case .board:
            [("(mouse)", "Click a card or a stage header to select it, double-click to edit it; click a panel name in the title bar to switch to it; the wheel moves the selection, and scrolls pickers, lists and this help"),
             ("(status bar)", "The keys that work now; at the right the lint counts: E errors, W warnings, i info (in words when there is room)")]
        case .cohorts, .models, .forecast: [("(mouse)", "Click a row to select it, double-click to edit it")]
        case .conflicts: [("(mouse)", "Click a conflict to select it; the wheel moves the selection")]
        case .form: [("(other keys)", "Type text; on a picker field, typing opens the picker filtered")]
        case .picker: [("(other keys)", "Type to filter the list")]
        default: []
        }
    }
}

extension KeyReference.Row {
    /// The keys as the help overlay shows them (`s/Ctrl-S`), or the note.
    public var keyLabel: String { keys.isEmpty ? note : keys.joined(separator: "/") }
}
