import Foundation
import JourneyKit
import JourneyTUI

/// The run loop: draw, read an event, update, carry out the effects.
enum EditorSession {
    /// Runs the editor until it quits; returns the final state.
    static func run(_ initial: EditorState, on terminal: Terminal) -> EditorState {
        var s = initial
        let (w, h) = terminal.size
        _ = Editor.update(&s, .resize(width: w, height: h))
        while true {
            terminal.draw(Renderer.render(s))
            guard let event = terminal.nextEvent() else { continue }
            var queue = [event]
            while !queue.isEmpty {
                let e = queue.removeFirst()
                for effect in Editor.update(&s, e) {
                    switch effect {
                    case .quit:
                        return s
                    case .redraw:
                        terminal.redraw()
                    case .save(let path):
                        queue.append(save(s, to: path))
                    case .openExternalEditor(let text):
                        terminal.suspend()
                        let result = ExternalEditor.edit(text)
                        terminal.resume()
                        queue.append(.externalEditFinished(text: result.text, error: result.error))
                    }
                }
            }
        }
    }

    /// Writes the journey canonically; a file that appeared since the editor
    /// started a new journey is never overwritten.
    static func save(_ s: EditorState, to path: String) -> Event {
        if s.savedVersion == nil && FileManager.default.fileExists(atPath: path) {
            return .saved(path: path, error: "\(path) already exists; choose another name (s asks again)")
        }
        do {
            try JourneyFile.write(s.journey, to: path)
            return .saved(path: path, error: nil)
        } catch {
            return .saved(path: path, error: TerminalText.singleLine(error.lines.joined(separator: "; ")))
        }
    }
}
