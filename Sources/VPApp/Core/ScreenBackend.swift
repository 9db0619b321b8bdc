/// Where frames are shown: the terminal through ncurses, or memory in tests. A backend is told
/// cells, not frames; `ScreenRenderer` works out which cells changed.
public protocol ScreenBackend: AnyObject {
    /// The backend's size in columns and rows; cells outside it are not sent.
    var size: (width: Int, height: Int) { get }
    /// Blanks the whole screen, before a frame that is drawn in full.
    func clear()
    /// Puts one cell. `wide`: the cell's character takes this column and the next, whose cell
    /// is a continuation and is not sent.
    func put(_ cell: Cell, row: Int, column: Int, wide: Bool)
    /// Shows the cursor at a place, or hides it (nil).
    func setCursor(_ position: (row: Int, column: Int)?)
    /// Sends what was put since the last flush.
    func flush()
}

/// Draws frames on a backend, sending only the cells that differ from the frame before, which
/// keeps a key over slow SSH to a few bytes.
public final class ScreenRenderer {
    public let backend: any ScreenBackend
    /// The frame last drawn; nil makes the next draw send every cell.
    private var previous: Screen?

    public init(backend: any ScreenBackend) {
        self.backend = backend
    }

    /// Makes the next `draw` send every cell, as after a resize or another program drew over
    /// the screen.
    public func forget() {
        previous = nil
    }

    public func draw(_ screen: Screen) {
        let (columns, rows) = backend.size
        let previous = previous.flatMap { $0.width == screen.width && $0.height == screen.height ? $0 : nil }
        if previous == nil {
            // Blanks what a frame smaller than the backend would not cover.
            backend.clear()
        }
        let width = min(screen.width, columns)
        let height = min(screen.height, rows)
        for row in 0..<height {
            for column in 0..<width {
                let cell = screen[row, column]
                if cell.isContinuation { continue }
                if let previous, previous[row, column] == cell { continue }
                let wide = column + 1 < screen.width && screen[row, column + 1].isContinuation
                backend.put(cell, row: row, column: column, wide: wide)
            }
        }
        if let cursor = screen.cursor, cursor.row >= 0, cursor.row < rows, cursor.column >= 0, cursor.column < columns {
            backend.setCursor(cursor)
        } else {
            backend.setCursor(nil)
        }
        backend.flush()
        self.previous = screen
    }
}
