import Foundation

/// The chooser's lines as drawn, by their place in the list. Moving the selection redraws the
/// same lines with another one reversed, and drawing each line's texts (fitting them to the
/// width, walking their characters) is most of such a frame. A line is drawn once on a blank
/// row of the width and its cells copied after.
///
/// `ChooserState` gets a new cache whenever what its lines show changes (the data listed, the
/// lines the filter lets through, the period states), so copies of a state share a cache only
/// while they draw the same lines; the width and the theme are checked on every lookup.
final class ChooserLines: @unchecked Sendable {
    private let lock = NSLock()
    private var width = -1
    private var colors = false
    private var unicode = false
    private var lines: [Int: [Cell]] = [:]

    /// Enough for a few screenfuls moved through; past it the lines are drawn afresh.
    private static let limit = 400

    /// The cells of line `index` of the list, `width` wide, drawn by `draw` on a blank row 0
    /// when they are not kept.
    func cells(_ index: Int, width: Int, theme: Theme, draw: (inout Screen) -> Void) -> [Cell] {
        lock.lock()
        defer { lock.unlock() }
        if width != self.width || theme.colors != colors || theme.unicode != unicode || lines.count >= Self.limit {
            lines.removeAll(keepingCapacity: true)
            self.width = width
            colors = theme.colors
            unicode = theme.unicode
        }
        if let line = lines[index] { return line }
        var scratch = Screen(width: width, height: 1)
        draw(&scratch)
        let line = scratch.cells
        lines[index] = line
        return line
    }
}
