import Foundation
import PlanKit
import PlanKitTestSupport
import Testing
@testable import VPApp

/// No key costs a pass over the whole text: the editor's text has a buffer that nothing else
/// holds (a shared one would be copied whole by the first key), and a word motion in a text
/// without spaces stops after a bounded run of letters.
@Suite("The editor's own buffer", .temporaryFolders)
struct EditorOwnBufferTests {
    static func address(_ text: String) -> UInt? {
        var text = text
        return text.withUTF8 { UInt(bitPattern: $0.baseAddress) }
    }

    @Test("The text is not shared with the string it was opened from, and has room to grow")
    func ownBuffer() {
        let source = String(repeating: "Enheten har arbetat vidare med målen. ", count: 10_000)
        var editor = TextEditor(text: source)
        #expect(Self.address(editor.text) != Self.address(source))
        // Typing at the end goes into the same buffer: no copy, no reallocation.
        let before = Self.address(editor.text)
        editor.moveCursorToEnd()
        for character in "ny mening" { _ = editor.handle(.character(character), width: 80, height: 20) }
        #expect(Self.address(editor.text) == before)
        #expect(editor.text == source + "ny mening")
        #expect(editor.isModified)
    }

    @Test("A copy of the editor (a draft, a frame) leaves the text shared only while it lives")
    func copyDoesNotStay() {
        var editor = TextEditor(text: String(repeating: "ord ", count: 50_000))
        editor.moveCursorToEnd()
        do {
            let copy = editor
            _ = editor.handle(.character("a"), width: 80, height: 20)
            // The edit copied the shared text once; the copy keeps the text it had.
            #expect(copy.text.utf8.count + 1 == editor.text.utf8.count)
        }
        let before = Self.address(editor.text)
        _ = editor.handle(.character("b"), width: 80, height: 20)
        #expect(Self.address(editor.text) == before)
        #expect(editor.text.hasSuffix("ord ab"))
    }

    @Test("In a text without spaces a word motion or deletion stops after a bounded run of letters")
    func boundedWordMotion() {
        let text = String(repeating: "abcdefghij", count: 10_000)
        var editor = TextEditor(text: text)
        editor.moveCursorToEnd()
        let end = editor.text.utf8.count
        _ = editor.handle(.ctrlLeft, width: 40, height: 10)
        #expect(end - editor.cursorUTF8 == TextEditor.wordScanLimit)
        _ = editor.handle(.ctrlHome, width: 40, height: 10)
        _ = editor.handle(.ctrlRight, width: 40, height: 10)
        #expect(editor.cursorUTF8 == TextEditor.wordScanLimit)
        _ = editor.handle(.alt("d"), width: 40, height: 10)
        #expect(editor.text.utf8.count == end - TextEditor.wordScanLimit)
        // In prose the limit is never reached: a word is a word.
        var prose = TextEditor(text: "Enheten har arbetat vidare")
        prose.moveCursorToEnd()
        _ = prose.handle(.ctrlLeft, width: 40, height: 10)
        #expect(prose.cursor == "Enheten har arbetat ".count)
    }

    /// The address of the text in the app's open editor; the copy read here is gone on return.
    static func editorTextAddress(_ app: AppController) -> UInt? {
        guard case .editor(let session)? = app.state.modal else { return nil }
        return address(session.editor.text)
    }

    @Test("Saving a draft leaves the editor's text its own: the next key edits it in place")
    func draftLeavesTextUnshared() throws {
        let path = try AppDraftAndConflictTests.fileDatabase()
        let driver = try AppDraftAndConflictTests.driver(path, login: "anna")
        try driver.select(containing: "Enhetsmål: Gruppen")
        driver.press(.character("e"))
        driver.type(" Ett tillägg")
        let before = Self.editorTextAddress(driver.app)
        let start = Date()
        driver.app.tick(now: start)
        driver.app.tick(now: start.addingTimeInterval(AppController.draftInterval + 0.1))
        let draft = try #require(try driver.store.draft(for: AppDraftAndConflictTests.field, in: AppDriver.plan))
        #expect(draft.text.hasSuffix("Ett tillägg"))
        driver.type(" om hösten")
        #expect(before != nil && Self.editorTextAddress(driver.app) == before)
    }
}
