import JourneyTUI

/// What the editor session needs from a terminal; the curses driver provides it.
protocol Terminal: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// The next event, or nil when nothing came before a short timeout.
    func nextEvent() -> Event?
    func draw(_ grid: Grid)
    func redraw()
    func suspend()
    func resume()
}
