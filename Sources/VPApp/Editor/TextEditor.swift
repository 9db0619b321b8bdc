/// What the app should do after the editor handled a key.
public enum EditorAction: Equatable, Sendable {
    /// Keep editing.
    case none
    /// Leave the editor and keep the text (Esc, Ctrl-S).
    case save
    /// Hand the text to $VISUAL / $EDITOR (Ctrl-E); the app puts the result back with `replaceText(with:)`.
    case openExternalEditor
}

/// A multi-line, word-wrapping text editor as a value: `handle` changes it, `render` draws it.
///
/// The text is kept as one `String`, and positions as UTF-8 offsets, because a UTF-8 offset
/// becomes a `String.Index` in O(1): no keystroke walks the text from its start or copies it
/// (undo keeps small deltas). Only the lines on the screen and those the cursor passes are
/// wrapped (see `LineIndex`), so a key costs the same in a 10 KB text as in a 10 MB one, with
/// or without spaces or line breaks.
public struct TextEditor: Equatable, Sendable {
    /// The text being edited. Always sanitized: "\n" is its only control character.
    public internal(set) var text: String
    /// UTF-8 offset of the cursor, always at a Character boundary.
    var cursorUTF8: Int
    /// UTF-8 offset of the start of the first visual line shown by the last `render`; nil until
    /// the editor has been drawn. `render` moves it as little as needed to keep the cursor
    /// visible; an edit before it moves it along.
    var scrollAnchor: Int?
    /// The width of the last `render`.
    var scrollWidth = 1
    /// The text the editor started with, for `isModified`.
    private let initialText: String
    /// The column up/down/page keys aim for, so that passing a short line does not lose it.
    var preferredColumn: Int?
    var undoStack: [EditRecord] = []
    var redoStack: [EditRecord] = []
    /// The kind of the last edit while the next key may still merge into it (typing runs,
    /// backspace runs); nil as soon as anything else happens.
    var openEditKind: EditKind?
    var layout = LayoutBox()

    /// Undo history is kept as small deltas, but a long session still should not grow forever.
    static let undoLimit = 10_000

    /// Starts editing `text`. The text is sanitized first (CRLF to "\n", tabs to spaces, control
    /// characters removed; see `sanitize`), and that sanitized text is what `isModified` compares with.
    public init(text: String) {
        let clean = Self.sanitize(text)
        self.text = Self.ownCopy(of: clean)
        initialText = clean
        cursorUTF8 = 0
    }

    /// A copy of `text` in a buffer of its own, native and contiguous (so that UTF-8 offsets
    /// become indices in O(1)), with room to grow. Sharing its buffer with `initialText` or with
    /// the string it was opened from, the first key would copy the whole text.
    static func ownCopy(of text: String) -> String {
        var copy = String()
        copy.reserveCapacity(text.utf8.count + max(4_096, text.utf8.count / 8))
        copy.append(text)
        return copy
    }

    /// The cursor as an offset in Characters (grapheme clusters), in 0...text.count. Counted
    /// from the start of the text on each call: the editor itself keeps UTF-8 offsets.
    public var cursor: Int {
        text.distance(from: text.startIndex, to: cursorIndex)
    }

    /// True when the text differs from the text the editor started with (byte for byte: a
    /// decomposed "é" replacing a precomposed one counts as a change).
    public var isModified: Bool {
        text.utf8.count != initialText.utf8.count || !text.utf8.elementsEqual(initialText.utf8)
    }

    /// A number that changes with every change of the text and is never used again, by this or
    /// any other editor: two equal versions mean the same text, without comparing it.
    var textVersion: UInt64 { layout.version }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    // MARK: Keys

    /// Applies one key. `width` and `height` are the size of the text area in terminal columns and
    /// rows; vertical motion and paging go by visual (wrapped) lines at that width.
    public mutating func handle(_ key: KeyEvent, width: Int, height: Int) -> EditorAction {
        if case .resize = key { return .none }
        let width = max(1, width)
        let page = max(1, height - 1)

        switch key {
        case .up, .down, .pageUp, .pageDown:
            break
        default:
            // Any other key ends a run of vertical motion.
            preferredColumn = nil
        }
        // Edits merge into the previous undo step only when they directly follow it.
        let openGroup = openEditKind
        openEditKind = nil

        switch key {
        case .character(let character):
            insert(Self.sanitize(String(character)), kind: .typing, openGroup: openGroup)
        case .paste(let pasted):
            insert(Self.sanitize(pasted), kind: .paste, openGroup: openGroup)
        case .enter:
            insert("\n", kind: .newline, openGroup: openGroup)
        case .tab:
            insert("  ", kind: .typing, openGroup: openGroup)
        case .backspace:
            deleteBackward(openGroup: openGroup)
        case .delete:
            deleteForward(openGroup: openGroup)
        case .left:
            moveLeft()
        case .right:
            moveRight()
        case .up:
            _ = moveVertically(lines: -1, width: width)
        case .down:
            _ = moveVertically(lines: 1, width: width)
        case .pageUp:
            let moved = moveVertically(lines: -page, width: width)
            // Scroll the view with the cursor, so a page key shows the previous page.
            scroll(by: -moved, width: width)
        case .pageDown:
            let moved = moveVertically(lines: page, width: width)
            scroll(by: moved, width: width)
        case .home:
            moveToLineStart(width: width)
        case .end:
            moveToLineEnd(width: width)
        case .ctrlHome:
            cursorUTF8 = 0
        case .ctrlEnd:
            cursorUTF8 = text.utf8.count
        case .ctrlLeft:
            moveWordLeft()
        case .ctrlRight:
            moveWordRight()
        case .escape:
            return .save
        case .control(let letter):
            switch letter {
            case "s": return .save
            case "e": return .openExternalEditor
            case "z": undo()
            case "y": redo()
            case "w": deleteWordBackward()
            default: break
            }
        case .alt(let character):
            // Keep in step with `binds`.
            switch character {
            case "b": moveWordLeft()
            case "f": moveWordRight()
            case "d": deleteWordForward()
            case "\u{7F}", "\u{08}": deleteWordBackward()  // Alt-Backspace, as terminals send it
            default: break
            }
        case .backTab, .function, .resize:
            break
        }
        return .none
    }

    /// Whether the editor gives an Alt chord a meaning; any other is Esc followed by the key.
    public static func binds(_ key: KeyEvent) -> Bool {
        guard case .alt(let character) = key else { return false }
        return ["b", "f", "d", "\u{7F}", "\u{08}"].contains(character)
    }

    /// Puts the cursor at a Character offset (clamped to the text). O(offset).
    public mutating func setCursor(_ offset: Int) {
        let index = text.index(text.startIndex, offsetBy: max(0, offset), limitedBy: text.endIndex) ?? text.endIndex
        cursorUTF8 = Self.offset(index, in: text)
        preferredColumn = nil
        openEditKind = nil
    }

    /// Puts the cursor at the end of the text, in O(1) whatever its length.
    public mutating func moveCursorToEnd() {
        cursorUTF8 = text.utf8.count
        preferredColumn = nil
        openEditKind = nil
    }

    /// Replaces the whole text as one undoable step: for text coming back from an external editor.
    /// The cursor goes to the end, where the person most likely goes on writing.
    public mutating func replaceText(with newText: String) {
        let clean = Self.sanitize(newText)
        guard !clean.utf8.elementsEqual(text.utf8) else { return }
        applyEdit(lo: 0, hi: text.utf8.count, replacement: clean, kind: .replaceAll, openGroup: nil)
        // Redo of this step should put the cursor where it is now.
        undoStack[undoStack.count - 1].cursorAfter = cursorUTF8
    }

    // MARK: Editing

    private mutating func insert(_ string: String, kind: EditKind, openGroup: EditKind?) {
        guard !string.isEmpty else { return }
        applyEdit(lo: cursorUTF8, hi: cursorUTF8, replacement: string, kind: kind, openGroup: openGroup)
    }

    private mutating func deleteBackward(openGroup: EditKind?) {
        guard cursorUTF8 > 0 else { return }
        let previous = Self.offset(text.index(before: cursorIndex), in: text)
        applyEdit(lo: previous, hi: cursorUTF8, replacement: "", kind: .backspace, openGroup: openGroup)
    }

    private mutating func deleteForward(openGroup: EditKind?) {
        guard cursorUTF8 < text.utf8.count else { return }
        let next = Self.offset(text.index(after: cursorIndex), in: text)
        applyEdit(lo: cursorUTF8, hi: next, replacement: "", kind: .deleteForward, openGroup: openGroup)
    }

    private mutating func deleteWordBackward() {
        let start = wordStartBeforeCursor()
        guard start < cursorUTF8 else { return }
        applyEdit(lo: start, hi: cursorUTF8, replacement: "", kind: .deleteWord, openGroup: nil)
    }

    private mutating func deleteWordForward() {
        let end = wordEndAfterCursor()
        guard end > cursorUTF8 else { return }
        applyEdit(lo: cursorUTF8, hi: end, replacement: "", kind: .deleteWord, openGroup: nil)
    }

    /// The one place the text changes through a key: replaces text[lo..<hi] (UTF-8 offsets at
    /// Character boundaries), puts the cursor after the replacement and records the change for undo.
    private mutating func applyEdit(lo: Int, hi: Int, replacement: String, kind: EditKind, openGroup: EditKind?) {
        let before = cursorUTF8
        // Grapheme clusters can merge across the edit (a combining accent typed after "e", two
        // regional indicators becoming a flag), so the end of the replacement need not be a
        // Character boundary. Boundaries up to the start of the Character before `lo` cannot
        // change, though, so the cursor goes to the first boundary at or after the end of the
        // replacement, found from there.
        let anchor = lo > 0 ? Self.offset(text.index(before: Self.index(lo, in: text)), in: text) : 0
        let removed = String(text.unicodeScalars[Self.index(lo, in: text)..<Self.index(hi, in: text)])

        replaceBytes(lo: lo, hi: hi, with: replacement)

        let target = lo + replacement.utf8.count
        var index = Self.index(anchor, in: text)
        var position = anchor
        while position < target {
            index = text.index(after: index)
            position = Self.offset(index, in: text)
        }
        cursorUTF8 = position

        record(EditRecord(kind: kind, start: lo, removed: removed, inserted: replacement,
                          cursorBefore: before, cursorAfter: cursorUTF8),
               openGroup: openGroup)
    }

    /// Replaces text[lo..<hi] exactly and keeps the layout cache in step. Bounds at Character
    /// boundaries (every key but the undo of a merged cluster) go through `String`, which edits
    /// its own buffer in place and copies a shared one as bytes; other bounds through the
    /// scalar view (`String.replaceSubrange` would round them to Character boundaries, and undo
    /// must remove a combining accent without the letter it joined), which copies a shared
    /// buffer scalar by scalar.
    mutating func replaceBytes(lo: Int, hi: Int, with replacement: String) {
        let range = Self.index(lo, in: text)..<Self.index(hi, in: text)
        if range.lowerBound.samePosition(in: text) != nil, range.upperBound.samePosition(in: text) != nil {
            text.replaceSubrange(range, with: replacement)
        } else {
            text.unicodeScalars.replaceSubrange(range, with: replacement.unicodeScalars)
        }
        let oldVersion = layout.version
        layout.version = LineIndex.newVersion()
        layout.index.edited(lo: lo, hi: hi, replacement: replacement, text: text,
                            oldVersion: oldVersion, newVersion: layout.version)
        if let anchor = scrollAnchor {
            let delta = replacement.utf8.count - (hi - lo)
            scrollAnchor = anchor >= hi ? anchor + delta : min(anchor, lo)
        }
    }
}
