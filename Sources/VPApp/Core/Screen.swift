import Foundation

/// The terminal colours the app uses; a backend maps them to what the terminal has
/// (8 colours, or none under NO_COLOR / TERM=vt100).
public enum Color: UInt8, Hashable, Sendable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(foreground: Color = .default, background: Color = .default, bold: Bool = false,
                reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
}

/// One cell of the screen. A wide character (CJK, most emoji) occupies its cell and marks the
/// next one as its continuation, which backends skip.
///
/// A plain value without references: a frame is thousands of cells, made, compared and thrown
/// away on every key, and a `Character` in each cell made that most of the cost of a frame.
/// A character of one Unicode scalar (nearly all of them) is stored as that scalar; one of
/// several scalars (a letter with a combining mark, an emoji with a modifier) as its number in
/// `CharacterClusters`.
public struct Cell: Hashable, Sendable {
    /// The scalar's value, or `clusterFlag` with the cluster's number.
    private var code: UInt32
    public var style: Style
    public var isContinuation: Bool

    private static let clusterFlag: UInt32 = 0x8000_0000

    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first {
            code = scalar.value
        } else {
            code = Self.clusterFlag | CharacterClusters.shared.number(of: character)
        }
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A cell of one scalar, without making a `Character` first.
    @inline(__always)
    init(scalar: Unicode.Scalar, style: Style) {
        code = scalar.value
        self.style = style
        isContinuation = false
    }

    public var character: Character {
        get {
            if code & Self.clusterFlag != 0 { return CharacterClusters.shared.character(code & ~Self.clusterFlag) }
            return Character(Unicode.Scalar(code) ?? " ")
        }
        set { self = Cell(newValue, style: style, isContinuation: isContinuation) }
    }

    /// The character's scalars, for a backend that draws them (ncurses' `setcchar` takes the scalars).
    public var scalars: [Unicode.Scalar] {
        if code & Self.clusterFlag != 0 { return Array(character.unicodeScalars) }
        return [Unicode.Scalar(code) ?? " "]
    }

    public static let blank = Cell()
}

/// The characters of more than one scalar that cells have held, numbered in the order first
/// seen. Few and small: the emoji and accented letters a plan's texts use.
final class CharacterClusters: @unchecked Sendable {
    static let shared = CharacterClusters()

    private let lock = NSLock()
    private var characters: [Character] = []
    private var numbers: [Character: UInt32] = [:]

    func number(of character: Character) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[character] { return number }
        let number = UInt32(characters.count)
        characters.append(character)
        numbers[character] = number
        return number
    }

    func character(_ number: UInt32) -> Character {
        lock.lock()
        defer { lock.unlock() }
        return Int(number) < characters.count ? characters[Int(number)] : " "
    }
}

/// A rectangle of the screen.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var height: Int
    public var width: Int

    public init(row: Int, column: Int, height: Int, width: Int) {
        self.row = row
        self.column = column
        self.height = max(0, height)
        self.width = max(0, width)
    }
}

/// What the app draws: a grid of cells, never the terminal itself. Tests read it;
/// the ncurses backend copies the cells that changed to the terminal.
public struct Screen: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should stand (row, column), or nil to hide it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorRow.map { ($0, cursorColumn) } }
        set {
            cursorRow = newValue?.row
            cursorColumn = newValue?.column ?? 0
        }
    }
    private var cursorRow: Int?
    private var cursorColumn = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Writes text from (row, column), clipped at `maxWidth` columns (default: to the right edge).
    /// Returns the number of columns used. Wide characters take two columns; a wide character
    /// that would not fit whole is replaced by a space.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let limit = min(width, column + (maxWidth ?? width))
        let base = row * width
        var x = column
        var text = text
        text.withUTF8 { bytes in
            cells.withUnsafeMutableBufferPointer { cells in
                var walk = CharacterWalk(bytes)
                while let piece = walk.next() {
                    if piece.width == 0 { continue }
                    if x + piece.width > limit { break }
                    if x >= 0 {
                        if !piece.isRun {
                            cells[base + x] = Cell(scalar: Unicode.Scalar(piece.scalar).unsafelyUnwrapped, style: style)
                        } else {
                            cells[base + x] = Cell(walk.character, style: style)
                            if piece.width == 2 { cells[base + x + 1] = Cell(" ", style: style, isContinuation: true) }
                        }
                    }
                    x += piece.width
                }
            }
        }
        return max(0, x - column)
    }

    /// Puts a row's cells, as `cells` of another screen of this width holds them for its row 0.
    mutating func setRow(_ row: Int, to line: [Cell]) {
        guard row >= 0, row < height, line.count == width else { return }
        cells.replaceSubrange(row * width..<(row + 1) * width, with: line)
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for row in max(0, rect.row)..<min(height, rect.row + rect.height) {
            for column in max(0, rect.column)..<min(width, rect.column + rect.width) {
                self[row, column] = Cell(scalar: " ", style: style)
            }
        }
    }

    /// The text of one row, continuation cells left out; what a person would read there.
    public func text(ofRow row: Int) -> String {
        var line = ""
        for column in 0..<width where !self[row, column].isContinuation {
            line.append(self[row, column].character)
        }
        return line
    }

    /// The whole screen as text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<height).map { row in
            var line = text(ofRow: row)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    public static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorRow == rhs.cursorRow && lhs.cursorColumn == rhs.cursorColumn
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }
}
