import Foundation
import PlanKit
import Testing
@testable import VPApp

/// PlanKit's deterministic SplitMix64, so a failing fuzz run can be replayed from its seed (the
/// standard library's generator is seeded randomly).
extension SplitMix64 {
    /// A number in 0..<upperBound (the tiny modulo bias does not matter here).
    mutating func below(_ upperBound: Int) -> Int {
        Int(next() % UInt64(upperBound))
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }
}

/// Material for random text: Swedish letters, wide characters, emoji (with modifiers and ZWJ),
/// pieces that merge into neighbouring grapheme clusters (a combining accent, regional indicators,
/// a lone ZWJ), line breaks in every style and control characters the editor must remove.
private let fuzzPieces: [String] = [
    "a", "b", "e", " ", " ", " ", "å", "ä", "ö", "Å", "漢", "字", "👍", "👍🏽", "👨‍👩‍👧",
    "🇸", "🇪", "\u{301}", "\u{200D}", "\u{FE0F}", "\u{200B}", "\u{FFFD}", ",", ".", "!",
    "\n", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}",
]

private func randomText(_ random: inout SplitMix64, maxPieces: Int) -> String {
    var text = ""
    for _ in 0..<random.below(maxPieces + 1) { text += random.pick(fuzzPieces) }
    return text
}

private func randomKey(_ random: inout SplitMix64) -> KeyEvent {
    switch random.below(30) {
    case 0..<9: return .character(Character(random.pick(fuzzPieces)))
    case 9: return .paste(randomText(&random, maxPieces: 12))
    case 10: return .enter
    case 11: return .tab
    case 12: return .backTab
    case 13, 14: return .backspace
    case 15: return .delete
    case 16: return random.pick([.up, .down, .left, .right])
    case 17: return random.pick([.up, .down, .left, .right])
    case 18: return random.pick([.home, .end, .pageUp, .pageDown])
    case 19: return random.pick([.ctrlLeft, .ctrlRight])
    case 20, 21: return .control("z")
    case 22: return .control("y")
    case 23: return .control(random.pick(["w", "s", "e", "a", "k"]))
    case 24: return .alt(random.pick(["b", "f", "d", "\u{7F}", "\u{08}", "x"]))
    case 25: return .escape
    case 26: return .function(random.below(12) + 1)
    case 27: return .resize(width: random.below(100), height: random.below(40))
    default: return random.pick([.left, .right, .backspace])
    }
}

/// How many random key sequences to run in all; VP_TUI_FUZZ_ITERATIONS overrides for long runs.
private let fuzzIterations: Int = {
    if let value = ProcessInfo.processInfo.environment["VP_TUI_FUZZ_ITERATIONS"], let count = Int(value), count > 0 {
        return count
    }
    return 2000
}()

/// The sequences are split into chunks that Swift Testing runs in parallel.
private let fuzzChunks = 8

@Suite("Text editor fuzzing")
struct EditorFuzzTests {
    @Test(arguments: 0..<fuzzChunks)
    func randomKeySequencesKeepInvariantsAndUndoToTheStart(chunk: Int) {
        let perChunk = (fuzzIterations + fuzzChunks - 1) / fuzzChunks
        for iteration in 0..<perChunk {
            let seed = UInt64(chunk * perChunk + iteration)
            if !runSequence(seed: seed) { return }  // stop at the first failing seed
        }
    }

    /// One random session; returns false (after recording the failure with its seed) when
    /// something is wrong.
    private func runSequence(seed: UInt64) -> Bool {
        var random = SplitMix64(seed: seed)
        var editor = TextEditor(text: randomText(&random, maxPieces: 40))
        let initialText = editor.text
        // Narrow widths (down to 1, narrower than a wide character) on purpose.
        let width = random.below(24) + 1
        let height = random.below(6) + 1
        let drawsEachKey = random.below(2) == 0
        var screen = Screen(width: width + 2, height: height + 1)
        var keys: [KeyEvent] = []

        for _ in 0..<random.below(61) {
            let key = randomKey(&random)
            keys.append(key)
            _ = editor.handle(key, width: width, height: height)
            if drawsEachKey {
                editor.render(into: &screen, rect: Rect(row: 1, column: 1, height: height, width: width), style: .plain)
            }

            let count = editor.text.count
            let position = editor.cursorPosition(width: width)
            let lineCount = editor.visualLines(width: width).count
            let problems = editor.invariantViolations()
            guard (0...count).contains(editor.cursor), (0..<lineCount).contains(position.row), position.column >= 0,
                  problems.isEmpty else {
                Issue.record("""
                    seed \(seed), width \(width), after \(keys): cursor \(editor.cursor) of \(count), \
                    row \(position.row) of \(lineCount) lines, \(problems); text \(editor.text.debugDescription)
                    """)
                return false
            }
            if drawsEachKey, let cursor = screen.cursor,
               !((1...height).contains(cursor.row) && (1...width).contains(cursor.column)) {
                Issue.record("seed \(seed): screen cursor \(cursor) outside the text area after \(keys)")
                return false
            }
        }

        // The session may have ended with undos; go forward to the newest state first.
        while editor.canRedo {
            _ = editor.handle(.control("y"), width: width, height: height)
        }
        let finalText = editor.text

        // Undo until nothing changes any more: back to the initial text, byte for byte.
        var undos = 0
        while editor.canUndo && undos < 10_000 {
            _ = editor.handle(.control("z"), width: width, height: height)
            undos += 1
        }
        guard editor.text.utf8.elementsEqual(initialText.utf8), !editor.isModified,
              editor.invariantViolations().isEmpty else {
            Issue.record("seed \(seed): undo gave \(editor.text.debugDescription), expected \(initialText.debugDescription); keys \(keys)")
            return false
        }
        // And redo replays the whole session.
        while editor.canRedo {
            _ = editor.handle(.control("y"), width: width, height: height)
        }
        guard editor.text.utf8.elementsEqual(finalText.utf8), editor.invariantViolations().isEmpty else {
            Issue.record("seed \(seed): redo gave \(editor.text.debugDescription), expected \(finalText.debugDescription); keys \(keys)")
            return false
        }
        return true
    }
}
