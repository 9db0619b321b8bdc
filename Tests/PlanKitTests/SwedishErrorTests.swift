import Foundation
import GRDB
import Testing
@testable import PlanKit
import PlanKitTestSupport
import PostgresTestSupport

/// Every error a person can meet is a Swedish sentence saying what failed, where and what to
/// do: SQLite's and Foundation's English never reaches the screen.
@Suite("Errors in Swedish", .temporaryFolders)
struct SwedishErrorTests {
    static let english = ["database is locked", "SQLite error", "doesn’t exist", "doesn't exist", "couldn’t", "couldn't",
                          "The file", "The operation", "unable to open", "no such", "Error Domain", "readonly database"]

    static func isSwedish(_ message: String) -> Bool {
        !english.contains { message.localizedCaseInsensitiveContains($0) }
    }

    @Test("SQLite's failures name the database and what to do, in Swedish", arguments: [
        (ResultCode.SQLITE_BUSY, "Försök igen om en stund"), (.SQLITE_LOCKED, "Försök igen om en stund"),
        (.SQLITE_READONLY, "får skriva i"), (.SQLITE_FULL, "Frigör utrymme"), (.SQLITE_CORRUPT, "säkerhetskopia"),
        (.SQLITE_IOERR, "går att nå"), (.SQLITE_CANTOPEN, "går att nå"), (.SQLITE_ERROR, "säkerhetskopia"),
    ])
    func sqlite(code: ResultCode, advice: String) {
        let error = DatabaseError(resultCode: code, message: "database is locked", sql: "UPDATE item SET title = ?")
        let message = Strings.describe(error, database: "/hem/anna/plan.sqlite")
        #expect(message.hasPrefix("Databasen /hem/anna/plan.sqlite kunde inte läsas eller skrivas: "), "\(message)")
        #expect(message.contains(advice), "\(message)")
        #expect(Self.isSwedish(message) && !message.contains("UPDATE"), "\(message)")
    }

    @Test("Foundation's file errors say the file and the reason in Swedish")
    func foundation() {
        let missing = CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/hem/anna/saknas.json"])
        let message = Strings.describe(missing)
        #expect(message.contains("/hem/anna/saknas.json") && message.contains("finns inte"), "\(message)")
        #expect(Self.isSwedish(message), "\(message)")
        let denied = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteNoPermission.rawValue,
                             userInfo: [NSFilePathErrorKey: "/hem/anna/r.md"])
        #expect(Strings.describe(denied).contains("du har inte behörighet till /hem/anna/r.md"), "\(Strings.describe(denied))")
        let posix = POSIXError(.EIO)
        #expect(Strings.describe(posix).contains("läs- eller skrivfel"), "\(Strings.describe(posix))")
    }

    @Test("vp-tui's own errors keep their words; anything else is still a Swedish sentence")
    func ownAndUnknown() {
        let own = StoreError.readOnly(path: "/hem/anna/plan.sqlite")
        #expect(Strings.describe(own) == own.errorDescription)
        struct Strange: Error {}
        let message = Strings.describe(Strange())
        #expect(message.hasPrefix("Ett oväntat fel inträffade") && message.contains("försök igen"), "\(message)")
    }

    /// The one place an error becomes words is `Strings.describe` (and each error type's own
    /// Swedish description): a new path that shows an error's English description fails here.
    @Test("No source file turns an error into text by its English description")
    func noEnglishPath() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let patterns = [".localizedDescription", "\"\\(error)\"", "String(describing: error)", "?? \"\\(error)\""]
        var found: [String] = []
        let files = try #require(FileManager.default.enumerator(atPath: sources.path))
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where patterns.contains(where: { line.contains($0) }) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
                // The JSON reader's English is read for the kind of error and its place, never shown.
                && !line.contains("NSDebugDescription") {
                found.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The model's words are shared by every front end, so they say what is wrong and leave how
    /// to go on to the front end (a command and its options, or a key). `--db` stays: both the
    /// app and the commands are started with it.
    @Test("PlanKit's words name no command and no option but --db")
    func noCommandInModelWords() throws {
        let planKit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/PlanKit")
        let command = try Regex(#""vp-tui [a-z]|--(?!db\b)[a-z]"#)
        var found: [String] = []
        let files = try #require(FileManager.default.enumerator(atPath: planKit.path))
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: planKit.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("\"") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
                && line.contains(command) {
                found.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}

/// A change the store refuses is told in Swedish on both stores, with the words of the
/// refusal itself: the server's English never reaches the person.
@Suite("Refusals in Swedish on both stores", .throwawayPostgres, .temporaryFolders)
struct SwedishRefusalTests {
    static let goal = Fixture.unitGoals[1]

    /// The refusal's words, which must be Swedish, name nothing of the database, and be the
    /// words of `expected` when given.
    static func expectSwedish(_ expected: (any Error)? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                              _ change: () throws -> Void) {
        let refusal = #expect(throws: (any Error).self, sourceLocation: sourceLocation) { try change() }
        guard let refusal else { return }
        let message = Strings.describe(refusal)
        #expect(SwedishErrorTests.isSwedish(message), "\(message)", sourceLocation: sourceLocation)
        for english in ["SQLSTATE", "ERROR", "PSQL", "violates", "permission denied", "relation", "postgres"] {
            #expect(!message.localizedCaseInsensitiveContains(english), "\(message)", sourceLocation: sourceLocation)
        }
        if let expected { #expect(message == Strings.describe(expected), sourceLocation: sourceLocation) }
    }

    @Test("Stale, handed in, inherited, unknown, a NUL character, nothing to undo, an undo over another's change",
          arguments: Backend.allCases)
    func refusals(_ backend: Backend) throws {
        let stores = try StoresUnderTest(backend)
        let anna = try stores.open("anna")
        let bertil = try stores.open("bertil")
        let field = FieldRef.analysis(item: Self.goal, period: .vb)
        Self.expectSwedish(PlanError.nothingToUndo) { try anna.undo(in: Fixture.plan) }
        Self.expectSwedish(PlanError.nothingToRedo) { try anna.redo(in: Fixture.plan) }
        let revision = try anna.value(of: field, in: Fixture.plan).revision
        try bertil.set(field, to: .text("Bertil hann först"), in: Fixture.plan, expectedRevision: revision)
        Self.expectSwedish(PlanError.staleRevision(expected: revision, actual: revision + 1)) {
            try anna.set(field, to: .text("Anna"), in: Fixture.plan, expectedRevision: revision)
        }
        try anna.set(field, to: .text("Anna"), in: Fixture.plan, expectedRevision: nil)
        try bertil.set(field, to: .text("Bertil igen"), in: Fixture.plan, expectedRevision: nil)
        Self.expectSwedish(PlanError.undoConflict) { try anna.undo(in: Fixture.plan) }
        Self.expectSwedish(PlanError.inherited(itemID: Fixture.boardGoal, author: .board)) {
            try anna.setText("Ny rubrik", field: .title, item: Fixture.boardGoal, in: Fixture.plan)
        }
        Self.expectSwedish(PlanError.unknownItem("finns-inte")) {
            try anna.setAnalysis("x", item: "finns-inte", period: .vb, in: Fixture.plan)
        }
        // A NUL character, which SQLite would cut the text at and PostgreSQL cannot hold: refused
        // alike, and nothing saved or logged.
        let (before, logged) = (try anna.value(of: field, in: Fixture.plan), try anna.history(Fixture.plan).count)
        Self.expectSwedish(PlanError.nulCharacter) {
            try anna.setAnalysis("Före\u{0}efter", item: Self.goal, period: .vb, in: Fixture.plan)
        }
        #expect(try anna.value(of: field, in: Fixture.plan) == before)
        #expect(try anna.history(Fixture.plan).count == logged)
        try anna.submit(Fixture.plan, period: .vb)
        Self.expectSwedish(YearError.handedIn(.vb)) { try anna.setRating(.not, goal: Self.goal, period: .vb, in: Fixture.plan) }
        Self.expectSwedish { try anna.submit(Fixture.plan, period: .vb) }
    }

    /// On the server only: a login may change only the units it was granted.
    @Test("A plan the login was not granted")
    func notGranted() throws {
        let stores = try StoresUnderTest(.postgresql)
        // David reads the department's plans and changes none.
        let david = try stores.open("david", rights: [AccessGrant(login: "david", scope: .department,
                                                                  target: "hagersten-alvsjo-forskola", kind: .read)])
        #expect(try david.loadPlan(Fixture.plan).items[Self.goal] != nil)
        Self.expectSwedish { try david.setAnalysis("x", item: Self.goal, period: .vb, in: Fixture.plan) }
        Self.expectSwedish { try david.submit(Fixture.plan, period: .vb) }
    }
}
