/// Undo and redo: the history of edits as small deltas.
extension TextEditor {
    enum EditKind: Equatable, Sendable {
        case typing, newline, paste, backspace, deleteForward, deleteWord, replaceAll

        /// Runs of these merge into one undo step.
        var coalesces: Bool { self == .typing || self == .backspace || self == .deleteForward }
    }

    /// One undo step: at UTF-8 offset `start`, `removed` was replaced by `inserted`. Deltas rather
    /// than copies of the text, so a long session on a large text stays small.
    struct EditRecord: Equatable, Sendable {
        var kind: EditKind
        var start: Int
        var removed: String
        var inserted: String
        /// UTF-8 offsets of the cursor, each valid for the text at its moment of the history.
        var cursorBefore: Int
        var cursorAfter: Int
    }

    mutating func record(_ edit: EditRecord, openGroup: EditKind?) {
        redoStack.removeAll()
        if edit.kind.coalesces { openEditKind = edit.kind }
        if openGroup == edit.kind, edit.kind.coalesces, var last = undoStack.last, last.kind == edit.kind {
            var merged = true
            switch edit.kind {
            case .typing where edit.start == last.start + last.inserted.utf8.count:
                last.inserted += edit.inserted
            case .backspace where edit.start + edit.removed.utf8.count == last.start:
                last.start = edit.start
                last.removed = edit.removed + last.removed
            case .deleteForward where edit.start == last.start:
                last.removed += edit.removed
            default:
                merged = false
            }
            if merged {
                last.cursorAfter = edit.cursorAfter
                undoStack[undoStack.count - 1] = last
                return
            }
        }
        undoStack.append(edit)
        if undoStack.count > Self.undoLimit {
            // Drop the oldest tenth at once, so trimming is not a shift of the whole array per key.
            undoStack.removeFirst(Self.undoLimit / 10)
        }
    }

    /// Undoes the last step; the cursor goes back to where it was before that step.
    mutating func undo() {
        guard let edit = undoStack.popLast() else { return }
        replaceBytes(lo: edit.start, hi: edit.start + edit.inserted.utf8.count, with: edit.removed)
        cursorUTF8 = edit.cursorBefore
        redoStack.append(edit)
    }

    mutating func redo() {
        guard let edit = redoStack.popLast() else { return }
        replaceBytes(lo: edit.start, hi: edit.start + edit.removed.utf8.count, with: edit.inserted)
        cursorUTF8 = edit.cursorAfter
        undoStack.append(edit)
    }
}
