import CNcurses
import Foundation
import VPApp

/// The ncurses side of drawing: cells handed over by `ScreenRenderer` become ncurses cells with
/// attributes and colour pairs; ncurses in turn sends only what differs from the terminal.
final class CursesBackend: ScreenBackend {
    private let hasColors: Bool
    private let defaultColorsAvailable: Bool
    private var colorPairs: [UInt16: Int16] = [:]
    private var nextColorPair: Int16 = 1
    private var cursorVisible: Bool?

    init(hasColors: Bool, defaultColorsAvailable: Bool) {
        self.hasColors = hasColors
        self.defaultColorsAvailable = defaultColorsAvailable
    }

    var size: (width: Int, height: Int) {
        var height: Int32 = 0
        var width: Int32 = 0
        vp_getmaxyx(vp_stdscr(), &height, &width)
        return (Int(width), Int(height))
    }

    func clear() {
        // ncurses still sends only the difference from what is on the terminal.
        werase(vp_stdscr())
    }

    func flush() {
        wnoutrefresh(vp_stdscr())
        doupdate()
    }

    /// After another program drew on the terminal: its cursor state is unknown too.
    func forgetCursor() {
        cursorVisible = nil
    }

    // MARK: - Cells

    func put(_ cell: Cell, row: Int, column: Int, wide: Bool) {
        let columns = size.width
        let attributes = attributes(for: cell.style)
        let pair = colorPair(for: cell.style)
        var scalars = cell.scalars.map { wchar_t(truncatingIfNeeded: $0.value) }
        // The C library's width decides how ncurses moves along the row; where it disagrees
        // with the app's DisplayWidth, draw a placeholder that keeps the columns right.
        let libraryWidth = scalars.first.map { Int(vp_wcwidth($0)) } ?? 0
        switch libraryWidth {
        case ..<0 where scalars[0] >= 0x80:
            scalars = [Self.questionMark]  // Not printable in this locale (e.g. å under LANG=C).
        case ...0:
            scalars = [Self.space]  // Control characters, lone combining marks.
        case 2 where !wide || column + 1 >= columns:
            scalars = [Self.questionMark]  // Wide to the C library, one cell to the app.
        default:
            break
        }
        let status = scalars.withUnsafeBufferPointer { buffer in
            vp_mvadd_wch(Int32(row), Int32(column), buffer.baseAddress, Int32(buffer.count), attributes, pair)
        }
        if status == -2 {
            // setcchar refused the character: show a question mark rather than nothing.
            var mark = Self.questionMark
            _ = vp_mvadd_wch(Int32(row), Int32(column), &mark, 1, attributes, pair)
        }
        if wide && vp_wcwidth(scalars[0]) != 2 && column + 1 < columns {
            // The app reserved two columns but only one was drawn: blank the second.
            var space = Self.space
            _ = vp_mvadd_wch(Int32(row), Int32(column + 1), &space, 1, attributes, pair)
        }
        // A status of ERR for the bottom-right cell is expected: the character is stored,
        // only the cursor cannot advance past the corner (scrollok is off).
    }

    private static let space = wchar_t(0x20)
    private static let questionMark = wchar_t(0x3F)

    private func attributes(for style: Style) -> attr_t {
        var attributes = vp_a_normal()
        if style.bold { attributes |= vp_a_bold() }
        if style.reverse { attributes |= vp_a_reverse() }
        if style.underline { attributes |= vp_a_underline() }
        if style.dim { attributes |= vp_a_dim() }
        return attributes
    }

    /// One pair per (foreground, background) in use, allocated on first use; pair 0 is the
    /// terminal's own colours. Without colours everything uses pair 0.
    private func colorPair(for style: Style) -> Int16 {
        guard hasColors, style.foreground != .default || style.background != .default else { return 0 }
        let key = UInt16(style.foreground.rawValue) << 8 | UInt16(style.background.rawValue)
        if let pair = colorPairs[key] { return pair }
        guard Int32(nextColorPair) < vp_color_pairs() else { return 0 }
        let pair = nextColorPair
        let foreground = cursesColor(style.foreground, isForeground: true)
        let background = cursesColor(style.background, isForeground: false)
        guard init_pair(pair, foreground, background) == VP_OK else { return 0 }
        nextColorPair += 1
        colorPairs[key] = pair
        return pair
    }

    private func cursesColor(_ color: Color, isForeground: Bool) -> Int16 {
        switch color {
        case .default:
            // -1 is "the terminal's own colour", valid only after use_default_colors.
            if defaultColorsAvailable { return -1 }
            return Int16(isForeground ? VP_COLOR_WHITE : VP_COLOR_BLACK)
        case .black: return Int16(VP_COLOR_BLACK)
        case .red: return Int16(VP_COLOR_RED)
        case .green: return Int16(VP_COLOR_GREEN)
        case .yellow: return Int16(VP_COLOR_YELLOW)
        case .blue: return Int16(VP_COLOR_BLUE)
        case .magenta: return Int16(VP_COLOR_MAGENTA)
        case .cyan: return Int16(VP_COLOR_CYAN)
        case .white: return Int16(VP_COLOR_WHITE)
        }
    }

    // MARK: - Cursor

    func setCursor(_ position: (row: Int, column: Int)?) {
        if let position {
            wmove(vp_stdscr(), Int32(position.row), Int32(position.column))
        }
        setCursorVisible(position != nil)
    }

    /// Only sends curs_set when visibility changes: each call costs bytes on the wire.
    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }
}
