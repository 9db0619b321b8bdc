@testable import VPApp

/// A terminal in memory: what the renderer sent, cell by cell, for tests.
final class MemoryBackend: ScreenBackend {
    let size: (width: Int, height: Int)
    /// What the terminal shows now.
    private(set) var shown: Screen
    /// Cells sent since `resetCounts()`.
    private(set) var cellsSent = 0
    private(set) var clears = 0
    private(set) var flushes = 0
    private(set) var cursor: (row: Int, column: Int)?

    init(width: Int, height: Int) {
        size = (width, height)
        shown = Screen(width: width, height: height)
    }

    func clear() {
        shown = Screen(width: size.width, height: size.height)
        clears += 1
    }

    func put(_ cell: Cell, row: Int, column: Int, wide: Bool) {
        shown[row, column] = cell
        if wide, column + 1 < size.width {
            shown[row, column + 1] = Cell(" ", style: cell.style, isContinuation: true)
        }
        cellsSent += 1
    }

    func setCursor(_ position: (row: Int, column: Int)?) {
        cursor = position
        shown.cursor = position
    }

    func flush() {
        flushes += 1
    }

    func resetCounts() {
        cellsSent = 0
        clears = 0
        flushes = 0
    }
}
