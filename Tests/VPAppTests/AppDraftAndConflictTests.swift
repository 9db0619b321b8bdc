import Foundation
import Testing
import PlanKit
import PlanKitTestSupport
@testable import VPApp

@Suite("No word lost: drafts, conflicts, other sessions", .temporaryFolders)
struct AppDraftAndConflictTests {
    static let field = FieldRef.analysis(item: "re-2021-em-01", period: .vb)

    /// A database file with the samples, and a driver on it for a login.
    static func fileDatabase() throws -> String {
        let directory = TemporaryFolders.make("vp-tui-drafts")
        let path = directory.appendingPathComponent("plan.sqlite").path
        try BundledSamples.load(into: try PlanStore(path: path, login: "setup"))
        return path
    }

    static func driver(_ path: String, login: String) throws -> AppDriver {
        try AppDriver(store: try PlanStore(path: path, login: login))
    }

    @Test("Text being written becomes a draft within the draft interval, and leaving keeps it")
    func draftWhileTyping() throws {
        let path = try Self.fileDatabase()
        let driver = try Self.driver(path, login: "anna")
        try driver.select(containing: "Enhetsmål: Gruppen")
        driver.press(.character("e"))
        driver.type(" Ett tillägg om höstens arbete.")
        let start = Date()
        driver.app.tick(now: start)
        driver.type(" Och lite till.")
        driver.app.tick(now: start.addingTimeInterval(0.3))
        let early = try #require(try driver.store.draft(for: Self.field, in: AppDriver.plan))
        #expect(early.text.hasSuffix("Ett tillägg om höstens arbete."))
        // The promise is "within a second": a second after the last draft, the text is in it.
        driver.app.tick(now: start.addingTimeInterval(1.0))
        let draft = try #require(try driver.store.draft(for: Self.field, in: AppDriver.plan))
        #expect(draft.text.hasSuffix("Ett tillägg om höstens arbete. Och lite till."))
        // The field's own value is untouched until the person saves.
        #expect(try !driver.plan.followUp("re-2021-em-01", .vb).analysis.contains("tillägg"))
        // Ctrl-C quits; the draft is flushed first.
        driver.type(" Sista ordet.")
        #expect(driver.press(.control("c")) == [.quit])
        #expect(try driver.store.draft(for: Self.field, in: AppDriver.plan)?.text.hasSuffix("Sista ordet.") == true)
    }

    @Test("Opening the field again offers the draft beside the saved text; u takes it, Esc saves it")
    func restoreDraft() throws {
        let path = try Self.fileDatabase()
        let first = try Self.driver(path, login: "anna")
        try first.select(containing: "Enhetsmål: Gruppen")
        first.press(.character("e"))
        first.type(" Skrivet före avbrottet.")
        first.app.close()

        let second = try Self.driver(path, login: "anna")
        try second.select(containing: "Enhetsmål: Gruppen")
        second.press(.character("e"))
        guard case .draftFound(let offer)? = second.state.modal else {
            Issue.record("the draft should be offered")
            return
        }
        #expect(offer.draft.text.hasSuffix("Skrivet före avbrottet."))
        #expect(second.text.contains("Det finns ett osparat utkast"))
        #expect(second.text.contains("Utkast"))
        #expect(second.text.contains("Sparad text"))
        #expect(second.text.contains("u Använd utkastet"))
        second.press(.character("u"))
        second.press(.escape)
        #expect(try second.plan.followUp("re-2021-em-01", .vb).analysis.hasSuffix("Skrivet före avbrottet."))
        #expect(try second.store.draft(for: Self.field, in: AppDriver.plan) == nil)
    }

    @Test("s keeps the saved text and only then discards the draft; Esc keeps both")
    func keepSavedText() throws {
        let path = try Self.fileDatabase()
        let first = try Self.driver(path, login: "anna")
        try first.select(containing: "Enhetsmål: Gruppen")
        first.press(.character("e"))
        first.type(" Utkast som inte behövs.")
        first.app.close()

        let second = try Self.driver(path, login: "anna")
        try second.select(containing: "Enhetsmål: Gruppen")
        second.press(.character("e"), .escape)
        #expect(second.state.modal == nil)
        #expect(try second.store.draft(for: Self.field, in: AppDriver.plan) != nil)
        second.press(.character("e"), .character("s"))
        guard case .editor(let session)? = second.state.modal else {
            Issue.record("s should open the saved text")
            return
        }
        #expect(!session.editor.text.contains("Utkast som inte behövs."))
        #expect(try second.store.draft(for: Self.field, in: AppDriver.plan) == nil)
    }

    @Test("Saving over a text someone else saved meanwhile shows both, and nothing is overwritten silently")
    func conflict() throws {
        let path = try Self.fileDatabase()
        let anna = try Self.driver(path, login: "anna")
        let bertil = try Self.driver(path, login: "bertil")
        for driver in [anna, bertil] {
            try driver.select(containing: "Enhetsmål: Gruppen")
            driver.press(.character("e"))
        }
        bertil.type(" Bertils rad.")
        bertil.press(.escape)
        #expect(try bertil.plan.followUp("re-2021-em-01", .vb).analysis.hasSuffix("Bertils rad."))

        anna.type(" Annas rad.")
        anna.press(.escape)
        guard case .conflict(let conflict)? = anna.state.modal else {
            Issue.record("saving over Bertil's text should be a conflict")
            return
        }
        #expect(conflict.changedBy == "bertil")
        #expect(anna.text.contains("bertil sparade en ändring av texten"))
        #expect(anna.text.contains("Din text"))
        #expect(anna.text.contains("Sparad text (av bertil)"))
        #expect(try anna.plan.followUp("re-2021-em-01", .vb).analysis.hasSuffix("Bertils rad."))
        // Anna's words are safe as a draft while she decides.
        #expect(try anna.store.draft(for: Self.field, in: AppDriver.plan)?.text.hasSuffix("Annas rad.") == true)

        anna.press(.character("s"))
        guard case .editor(let merged)? = anna.state.modal else {
            Issue.record("s should open both texts in the editor")
            return
        }
        #expect(merged.editor.text.contains("Annas rad."))
        #expect(merged.editor.text.contains("Bertils rad."))
        anna.press(.escape)
        let saved = try anna.plan.followUp("re-2021-em-01", .vb).analysis
        #expect(saved.contains("Annas rad.") && saved.contains("Bertils rad."))
        #expect(try anna.store.history(AppDriver.plan).last?.login == "anna")
    }

    /// Anna writes in the analysis that Bertil saves meanwhile, and leaves the editor: the
    /// conflict prompt must be on screen (recorded as a failure, and nil, when it is not).
    static func annaInConflict() throws -> AppDriver? {
        let path = try fileDatabase()
        let anna = try driver(path, login: "anna")
        try anna.select(containing: "Enhetsmål: Gruppen")
        anna.press(.character("e"))
        try PlanStore(path: path, login: "bertil").setAnalysis("Bertils version.", item: "re-2021-em-01", period: .vb, in: AppDriver.plan)
        anna.type(" Annas rad.")
        anna.press(.escape)
        guard case .conflict? = anna.state.modal else {
            Issue.record("saving over Bertil's text should ask first")
            return nil
        }
        return anna
    }

    @Test("m keeps one's own text over theirs, knowingly")
    func keepMine() throws {
        guard let anna = try Self.annaInConflict() else { return }
        #expect(anna.text.contains("bertil sparade en ändring av texten"))
        anna.press(.character("m"))
        #expect(anna.state.modal == nil)
        #expect(try anna.plan.followUp("re-2021-em-01", .vb).analysis.hasSuffix("Annas rad."))
    }

    @Test("Another session's changes show up on the next tick, and its presence is named")
    func otherSessions() throws {
        let path = try Self.fileDatabase()
        let anna = try Self.driver(path, login: "anna")
        let bertil = try Self.driver(path, login: "bertil")
        let start = Date()
        anna.app.tick(now: start)
        try bertil.store.setRating(.not, goal: "re-2021-em-02", period: .vb, in: AppDriver.plan)
        // Within a second of the last look.
        anna.app.tick(now: start.addingTimeInterval(1.0))
        #expect(anna.state.plan?.followUp("re-2021-em-02", .vb).rating == .not)
        #expect(anna.text.contains("Uppdaterad med ändringar från en annan session."))
        anna.press(.escape)
        #expect(anna.text.contains("Öppen även av bertil@"))
        bertil.app.close()
        anna.app.tick(now: start.addingTimeInterval(AppController.heartbeatInterval + 1))
        #expect(!anna.text.contains("Öppen även av bertil@"))
    }

    @Test("d in the conflict takes their text: the editor closes, their text stays, the draft goes")
    func takeTheirs() throws {
        guard let anna = try Self.annaInConflict() else { return }
        #expect(try anna.store.draft(for: Self.field, in: AppDriver.plan) != nil)
        anna.press(.character("d"))
        #expect(anna.state.modal == nil)
        #expect(try anna.plan.followUp("re-2021-em-01", .vb).analysis == "Bertils version.")
        #expect(try anna.store.draft(for: Self.field, in: AppDriver.plan) == nil)
        #expect(anna.state.plan?.followUp("re-2021-em-01", .vb).analysis == "Bertils version.")
    }
}
