import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport
import PostgresTestSupport

/// On the SQLite file and on PostgreSQL alike (`arguments: Backend.allCases`), but for the
/// file's drafts.
@Suite("The edit log: undo, redo, revisions, audit trail", .throwawayPostgres, .temporaryFolders)
struct EditLogTests {
    let goal = Fixture.unitGoals[1]

    @Test("Undo and redo walk back and forth through the log", arguments: Backend.allCases)
    func undoRedo(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        let original = try store.loadPlan(Fixture.plan).followUp(goal, .vb)
        try store.setRating(.partly, goal: goal, period: .vb, in: Fixture.plan)
        try store.setAnalysis("Ny analys", item: goal, period: .vb, in: Fixture.plan)

        #expect(try store.undo(in: Fixture.plan) == .analysis(item: goal, period: .vb))
        #expect(try store.loadPlan(Fixture.plan).followUp(goal, .vb).analysis == original.analysis)
        #expect(try store.undo(in: Fixture.plan) == .rating(item: goal, period: .vb))
        #expect(try store.loadPlan(Fixture.plan).followUp(goal, .vb).rating == original.rating)
        #expect(throws: PlanError.nothingToUndo) { try store.undo(in: Fixture.plan) }

        try store.redo(in: Fixture.plan)
        #expect(try store.loadPlan(Fixture.plan).followUp(goal, .vb).rating == .partly)
        try store.redo(in: Fixture.plan)
        #expect(try store.loadPlan(Fixture.plan).followUp(goal, .vb).analysis == "Ny analys")
        #expect(throws: PlanError.nothingToRedo) { try store.redo(in: Fixture.plan) }
    }

    @Test("A new change after an undo ends the redo chain", arguments: Backend.allCases)
    func newChangeClearsRedo(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        try store.setRating(.partly, goal: goal, period: .vb, in: Fixture.plan)
        try store.undo(in: Fixture.plan)
        try store.setRating(.not, goal: goal, period: .vb, in: Fixture.plan)
        #expect(try !store.canRedo(in: Fixture.plan))
        #expect(throws: PlanError.nothingToRedo) { try store.redo(in: Fixture.plan) }
    }

    /// On PostgreSQL: a new connection, which knows nothing of the last one's undo.
    @Test("Undo and redo survive closing and reopening the database", arguments: Backend.allCases)
    func undoAcrossRestarts(_ backend: Backend) throws {
        let stores = try StoresUnderTest(backend)
        let store = try stores.open("anna")
        try store.setRating(.not, goal: goal, period: .vb, in: Fixture.plan)
        try store.setSectionText("Investeringar gjordes.", section: "investeringar", period: .vb, in: Fixture.plan)

        let reopened = try stores.open("anna")
        #expect(try reopened.loadPlan(Fixture.plan).section("investeringar", in: .vb)?.text == "Investeringar gjordes.")
        try reopened.undo(in: Fixture.plan)
        #expect(try reopened.loadPlan(Fixture.plan).section("investeringar", in: .vb)?.text == "")

        let again = try stores.open("anna")
        try again.undo(in: Fixture.plan)
        #expect(try again.loadPlan(Fixture.plan).followUp(goal, .vb).rating == .fully)
        try again.redo(in: Fixture.plan)
        #expect(try stores.open("anna").loadPlan(Fixture.plan).followUp(goal, .vb).rating == .not)
    }

    @Test("Each login undoes its own changes, and never someone else's later one", arguments: Backend.allCases)
    func undoIsPerLoginAndSafe(_ backend: Backend) throws {
        let stores = try StoresUnderTest(backend)
        let anna = try stores.open("anna")
        let bertil = try stores.open("bertil")
        try anna.setAnalysis("Annas text", item: goal, period: .vb, in: Fixture.plan)
        #expect(throws: PlanError.nothingToUndo) { try bertil.undo(in: Fixture.plan) }
        try bertil.setAnalysis("Bertils text", item: goal, period: .vb, in: Fixture.plan)
        #expect(throws: PlanError.undoConflict) { try anna.undo(in: Fixture.plan) }
        #expect(try anna.loadPlan(Fixture.plan).followUp(goal, .vb).analysis == "Bertils text")
    }

    @Test("A change made on an out-of-date view is refused, not applied blindly", arguments: Backend.allCases)
    func staleRevision(_ backend: Backend) throws {
        let stores = try StoresUnderTest(backend)
        let anna = try stores.open("anna")
        let bertil = try stores.open("bertil")
        let seen = try anna.value(of: .analysis(item: goal, period: .vb), in: Fixture.plan)
        let bertilsRevision = try bertil.setAnalysis("Bertil hann först", item: goal, period: .vb, in: Fixture.plan,
                                                     expectedRevision: seen.revision)
        #expect(bertilsRevision == seen.revision + 1)
        #expect(throws: PlanError.staleRevision(expected: seen.revision, actual: bertilsRevision)) {
            try anna.setAnalysis("Anna skriver över", item: goal, period: .vb, in: Fixture.plan, expectedRevision: seen.revision)
        }
        #expect(try anna.loadPlan(Fixture.plan).followUp(goal, .vb).analysis == "Bertil hann först")
    }

    /// The file's drafts: on a server the drafts are kept on the computer the app runs on
    /// (VPApp's `LocalDrafts`), not in the database.
    @Test("Saving a text drops its draft in the same commit; a refused save keeps both the field and the draft")
    func saveTextWithDraft() throws {
        let store = try Fixture.store()
        let field = FieldRef.analysis(item: goal, period: .vb)
        let revision = try store.value(of: field, in: Fixture.plan).revision
        try store.saveDraft("Utkast som sparas.", for: field, baseRevision: revision, in: Fixture.plan)
        let changes = try store.history(Fixture.plan).count
        try store.saveText("Utkast som sparas.", to: field, in: Fixture.plan, expectedRevision: revision)
        #expect(try store.draft(for: field, in: Fixture.plan) == nil)
        #expect(try store.history(Fixture.plan).count == changes + 1)

        try store.saveDraft("Skrivet mot en gammal version.", for: field, baseRevision: revision, in: Fixture.plan)
        #expect(throws: PlanError.self) {
            try store.saveText("Skrivet mot en gammal version.", to: field, in: Fixture.plan, expectedRevision: revision)
        }
        #expect(try store.draft(for: field, in: Fixture.plan)?.text == "Skrivet mot en gammal version.")
        #expect(try store.loadPlan(Fixture.plan).followUp(goal, .vb).analysis == "Utkast som sparas.")
    }

    @Test("The log says who changed what, when, from what to what", arguments: Backend.allCases)
    func auditTrail(_ backend: Backend) throws {
        let store = try Fixture.store(backend, login: "cecilia")
        try store.setStatus(.done, activity: Fixture.ownActivity, period: .vb, in: Fixture.plan)
        let entry = try #require(try store.history(Fixture.plan).last)
        #expect(entry.login == "cecilia")
        #expect(entry.action == .edit)
        #expect(entry.field == .status(item: Fixture.ownActivity, period: .vb))
        #expect(entry.oldValue == .status(.deviation))
        #expect(entry.newValue == .status(.done))
        #expect(ISO8601DateFormatter().date(from: String(entry.at.prefix(19)) + "Z") != nil)
    }

    @Test("Setting a field to the value it has logs nothing", arguments: Backend.allCases)
    func noOpChanges(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        let before = try store.history(Fixture.plan).count
        try store.setRating(.fully, goal: goal, period: .vb, in: Fixture.plan)
        #expect(try store.history(Fixture.plan).count == before)
    }

    @Test("Random edits, then undo all, give back the start", arguments: Backend.allCases, [1, 2, 3, 4, 5])
    func randomEditsUndoToStart(_ backend: Backend, seed: UInt64) throws {
        let store = try Fixture.store(backend)
        let start = try store.exportJSON(Fixture.plan)
        var random = SplitMix64(seed: seed)
        var edits = 0
        for _ in 0..<60 {
            let period = ReportPeriod.vb
            let goal = Fixture.unitGoals[random.next(below: Fixture.unitGoals.count)]
            do {
                switch random.next(below: 6) {
                case 0: try store.setRating([Rating.fully, .partly, .not, nil][random.next(below: 4)], goal: goal, period: period, in: Fixture.plan)
                case 1: try store.setAnalysis(random.text(), item: goal, period: period, in: Fixture.plan)
                case 2: try store.setStatus(ActivityStatus.allCases.randomElement(using: &random), activity: Fixture.inheritedActivity, period: period, in: Fixture.plan)
                case 3: try store.setText(random.text(), field: [.title, .expectedResult, .method][random.next(below: 3)], item: goal, in: Fixture.plan)
                case 4: try store.setSectionText(random.text(), section: "sammanfattande-analys", period: period, in: Fixture.plan)
                default:
                    if try store.canUndo(in: Fixture.plan) { try store.undo(in: Fixture.plan) }
                    continue
                }
                edits += 1
            }
        }
        #expect(edits > 20)
        while try store.canUndo(in: Fixture.plan) { try store.undo(in: Fixture.plan) }
        let end = try store.exportJSON(Fixture.plan)
        if end != start {
            let folder = Fixture.temporaryDirectory()
            try? end.write(to: folder.appendingPathComponent("end-\(seed).json"))
            try? start.write(to: folder.appendingPathComponent("start-\(seed).json"))
            Issue.record("export after undo-all differs on \(backend); see \(folder.path)")
        }
    }
}

/// Test helpers on PlanKit's deterministic generator, so a failing seed can be run again.
extension SplitMix64 {
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func text() -> String {
        let words = ["analys", "förskola", "åtgärd", "mål", "ökad", "", "barn", "\n\n", "–", "漢字"]
        return (0..<next(below: 8)).map { _ in words[next(below: words.count)] }.joined(separator: " ")
    }
}
