import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport
import PostgresTestSupport

/// Issue #5: bad input, everywhere. Each bad database and each bad file gets a clear Swedish
/// message that names what and where, and nothing already stored is lost or changed.
@Suite("Bad input: a clear Swedish message, and nothing stored is lost or changed", .temporaryFolders)
struct BadInputTests {
    // MARK: Helpers

    /// A database file holding the samples, closed again: its write-ahead log is checkpointed
    /// into the file, so the file alone holds everything.
    private static func closedDatabase() throws -> String {
        let path = Fixture.temporaryDirectory().appendingPathComponent("plan.sqlite").path
        try closedTemplate.get().write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Made once: importing the samples takes a while. Kept as bytes, since the folder of the
    /// test that made it goes when that test ends.
    private static let closedTemplate = Result { () throws -> Data in
        let path: String
        do {
            let (store, made) = try Fixture.fileStore()
            _ = try store.isEmpty()
            path = made
        }
        return try bytes(path)
    }

    private static func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The big-endian 32-bit number at `offset` of a database file's header.
    private static func headerNumber(_ data: Data, at offset: Int) -> UInt32 {
        data.dropFirst(offset).prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Swedish prose with line breaks, at least `bytes` bytes of UTF-8.
    static func longText(bytes: Int) -> String {
        let paragraph = "Förskolorna har följt upp måluppfyllelsen för året och analyserat resultaten. "
            + "Åtgärderna har gett effekt; barnens språkutveckling är god och vårdnadshavarna är nöjda.\n\n"
        let count = bytes / paragraph.utf8.count + 1
        return (0..<count).map { "\($0 + 1). " + paragraph }.joined()
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let duration = ContinuousClock.now - start
        return String(format: "%.2f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    private static let goal = Fixture.unitGoals[0]

    // MARK: A database from a newer vp-tui

    @Test("A database with a newer schema version is refused with its message, byte for byte untouched")
    func newerSchemaVersion() throws {
        let path = try Self.closedDatabase()
        try PlanStore.executeForTesting(path: path, sql: "PRAGMA user_version = 99")
        let before = try Self.bytes(path)
        #expect(Self.headerNumber(before, at: 60) == 99)

        let expected = StoreError.newerSchema(path: path, found: 99, supported: Schema.version)
        #expect(throws: expected) { _ = try PlanStore(path: path, login: "anna") }
        #expect(throws: expected) { _ = try PlanStore(path: path, login: "anna", readOnly: true) }
        let message = try #require(expected.errorDescription)
        #expect(message.hasPrefix(path))
        #expect(message.contains("nyare version av vp-tui"))
        #expect(message.contains("schema 99"))
        #expect(message.contains("inget har ändrats"))
        #expect(try Self.bytes(path) == before)
    }

    @Test("A database with a migration this version does not know is refused, untouched")
    func unknownMigration() throws {
        let path = try Self.closedDatabase()
        try PlanStore.executeForTesting(path: path, sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-from-the-future')")
        let before = try Self.bytes(path)
        #expect(throws: StoreError.newerSchema(path: path, found: Schema.version, supported: Schema.version)) {
            _ = try PlanStore(path: path, login: "anna")
        }
        #expect(try Self.bytes(path) == before)
    }

    @Test("A newer database whose last changes are still in its write-ahead log is refused without checkpointing it")
    func newerSchemaInWriteAheadLog() throws {
        // A newer vp-tui that crashed leaves its last commits in plan.sqlite-wal. Copying the
        // files while its connection is still open makes such a pair.
        let path = try Self.closedDatabase()
        let store = try PlanStore(path: path, login: "anna")
        try store.setAnalysis("Skrivet av en nyare vp-tui", item: Self.goal, period: .vb, in: Fixture.plan)
        try store.executeForTesting("PRAGMA user_version = 99")
        let copy = Fixture.temporaryDirectory().appendingPathComponent("kopia.sqlite").path
        try withExtendedLifetime(store) {
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        }
        let main = try Self.bytes(copy)
        let log = try Self.bytes(copy + "-wal")
        #expect(log.count > 0)
        // The new version number is only in the log, not yet in the file.
        #expect(Self.headerNumber(main, at: 60) == UInt32(Schema.version))

        #expect(throws: StoreError.newerSchema(path: copy, found: 99, supported: Schema.version)) {
            _ = try PlanStore(path: copy, login: "anna")
        }
        #expect(try Self.bytes(copy) == main)
        #expect(try Self.bytes(copy + "-wal") == log)
    }

    // MARK: A read-only database

    @Test("A database opened read-only reads everything, refuses every change with its message, and stays as it was")
    func readOnlyMode() throws {
        let path: String
        let exported: Data
        do {
            let (store, storePath) = try Fixture.fileStore()
            path = storePath
            exported = try store.exportJSON(Fixture.plan)
        }
        let before = try Self.bytes(path)
        do {
            let store = try PlanStore(path: path, login: "anna", readOnly: true)
            #expect(store.isReadOnly)
            #expect(try store.exportJSON(Fixture.plan) == exported)
            #expect(try store.plans().count == 1)
            #expect(try store.loadPlan(Fixture.plan).followUp(Self.goal, .vb).rating != nil)

            let refusal = StoreError.readOnly(path: path)
            #expect(throws: refusal) { try store.setAnalysis("Ny analys", item: Self.goal, period: .vb, in: Fixture.plan) }
            #expect(throws: refusal) { try store.setRating(nil, goal: Self.goal, period: .vb, in: Fixture.plan) }
            #expect(throws: refusal) { try store.importData(try Fixture.encode(Fixture.tinyFile()), name: "tiny.json") }
            #expect(throws: refusal) { try BundledSamples.load(into: store) }
            let message = try #require(refusal.errorDescription)
            #expect(message.hasPrefix(path))
            #expect(message.contains("skrivskyddad"))
            #expect(try store.exportJSON(Fixture.plan) == exported)
        }
        #expect(try Self.bytes(path) == before)
    }

    /// Root may write any file whatever its mode: as root the file is made immutable instead.
    @Test("A file this user may not write is opened read-only, for root too")
    func readOnlyDetected() throws {
        let path = try Self.closedDatabase()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        if getuid() == 0 {
            try Self.chattr("+i", path)
        }
        defer { if getuid() == 0 { try? Self.chattr("-i", path) } }
        let before = try Self.bytes(path)
        do {
            let store = try PlanStore(path: path, login: "anna")
            #expect(store.isReadOnly)
            #expect(throws: StoreError.readOnly(path: path)) {
                try store.setAnalysis("Ny analys", item: Self.goal, period: .vb, in: Fixture.plan)
            }
        }
        #expect(try Self.bytes(path) == before)
    }

    private static func chattr(_ flag: String, _ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chattr", flag, path]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw StoreError.readOnly(path: "chattr \(flag) \(path) failed") }
    }

    @Test("A database that turns read-only while open refuses the change with the read-only message")
    func turnsReadOnly() throws {
        let (store, path) = try Fixture.fileStore()
        let before = try store.dumpForTesting()
        try store.refuseWritesForTesting()
        #expect(throws: StoreError.readOnly(path: path)) {
            try store.setAnalysis("Ny analys", item: Self.goal, period: .vb, in: Fixture.plan)
        }
        #expect(try store.dumpForTesting() == before)
    }

    // MARK: A full disk

    @Test("A full disk refuses the change with its message and keeps what was stored")
    func diskFull() throws {
        let (store, path) = try Fixture.fileStore()
        try store.setAnalysis("Före", item: Self.goal, period: .vb, in: Fixture.plan)
        let exported = try store.exportJSON(Fixture.plan)
        let rows = try store.dumpForTesting()

        try store.limitPagesForTesting()
        let full = StoreError.diskFull(path: path)
        #expect(throws: full) {
            try store.setAnalysis(Self.longText(bytes: 5_000_000), item: Self.goal, period: .vb, in: Fixture.plan)
        }
        var big = Fixture.tinyFile()
        big.cascades![0].goals[0].description = Self.longText(bytes: 1_000_000)
        let bigFile = try Fixture.encode(big)
        #expect(throws: full) { try store.importData(bigFile, name: "stor.json") }
        let message = try #require(full.errorDescription)
        #expect(message.contains("Disken är full"))
        #expect(message.contains(path))

        #expect(try store.value(of: .analysis(item: Self.goal, period: .vb), in: Fixture.plan).value == .text("Före"))
        #expect(try store.exportJSON(Fixture.plan) == exported)
        #expect(try store.dumpForTesting() == rows)
        #expect(try store.canUndo(in: Fixture.plan))

        // And the file, opened again, holds the same.
        let reopened = try PlanStore(path: path, login: "anna")
        #expect(try reopened.exportJSON(Fixture.plan) == exported)
    }

    // MARK: Absurd sizes

    /// A board with 10 000 nämndmål under one KF goal; every tenth has an activity from January.
    private static func tenThousandGoals() -> InterchangeFile {
        let boardGoals = (0..<10_000).map { index in
            GoalRecord(id: "sb-2040-nm-\(index)", level: .boardGoal, title: "Nämndmål nummer \(index + 1)",
                       expectedResult: "Förväntat resultat \(index + 1)",
                       activities: index % 10 == 0
                           ? [ActivityRecord(id: "sb-2040-nm-\(index)-a01", title: "Aktivitet \(index + 1)", start: "2040-01-01", end: "2040-12-31")]
                           : nil)
        }
        let area = GoalRecord(id: "sb-2040-kf-1.1", level: .councilArea, number: "1.1", title: "KF:s område", children: boardGoals)
        let direction = GoalRecord(id: "sb-2040-kf-1", level: .councilDirection, number: "1", title: "KF:s inriktning", children: [area])
        let inherits = boardGoals.flatMap { [$0.id] + ($0.activities ?? []).map(\.id) }
        return InterchangeFile(
            organisations: [OrganisationRecord(id: "sc", kind: .city, name: "Storstad"),
                            OrganisationRecord(id: "sb", kind: .board, name: "Stornämnden", parent: "sc"),
                            OrganisationRecord(id: "su", kind: .unit, name: "Storenheten", parent: "sb")],
            cascades: [CascadeRecord(board: "sb", year: 2040, goals: [direction])],
            plans: [PlanRecord(unit: "su", year: 2040, board: "sb", periods: [.vp, .t1], inherits: inherits)])
    }

    @Test("10 000 board goals import, load in a plan that inherits them, and check and report")
    func tenThousandBoardGoals() throws {
        let data = try Fixture.encode(Self.tenThousandGoals())
        let store = try PlanStore(inMemoryWithLogin: "anna")
        var start = ContinuousClock.now
        let summary = try store.importData(data, name: "stor.json")
        let imported = Self.seconds(since: start)
        #expect(summary.goals == 10_002)
        #expect(summary.activities == 1_000)

        start = ContinuousClock.now
        let ref = PlanRef(unitID: "su", year: 2040)
        let plan = try store.loadPlan(ref)
        #expect(plan.items.count == 11_002)
        let loaded = Self.seconds(since: start)

        start = ContinuousClock.now
        let gaps = Completeness.gaps(in: plan, period: .t1)
        #expect(gaps.filter { $0.kind == .activityWithoutStatus }.count == 1_000)
        let checked = Self.seconds(since: start)

        start = ContinuousClock.now
        let blocks = ReportBuilder(plan: plan, period: .t1).build()
        let markdown = MarkdownRenderer.render(blocks)
        #expect(markdown.contains("Nämndmål nummer 10000"))
        let reported = Self.seconds(since: start)

        start = ContinuousClock.now
        let exported = try JSONDecoder().decode(InterchangeFile.self, from: try store.exportJSON(ref))
        #expect(exported.cascades?.first?.goals.first?.children?.first?.children?.count == 10_000)
        #expect(exported.plans?.first?.inherits?.count == 11_000)
        print("BadInput: 10 000 goals imported in \(imported), loaded in \(loaded), checked in \(checked), "
              + "reported in \(reported), exported in \(Self.seconds(since: start))")
    }

    // MARK: Odd text

    @Test("Control characters escaped in a file are imported as given and come back out unchanged")
    func controlCharactersKept() throws {
        // The import keeps text as the file gives it: an import is a copy, not an edit. The app's
        // editor is where pasted control characters are cleaned away (TextEditor.sanitize).
        let odd = "Rad ett\u{1}\u{7}\u{1B}[31m röd\u{1B}[0m\tflik\r\nrad två\u{7F}\u{85}\u{FEFF}\u{200B} e\u{301} 🇸🇪 \u{FFFD}"
        var file = Fixture.tinyFile()
        file.cascades![0].goals[0].title = odd
        file.plans![0].goals![0].description = odd
        file.plans![0].followUps = [FollowUpRecord(item: "tu-2030-em-01", period: .t1, analysis: odd)]
        let data = try Fixture.encode(file)
        #expect(String(decoding: data, as: UTF8.self).contains("\\u0001"))

        let store = try PlanStore(inMemoryWithLogin: "anna")
        try store.importData(data, name: "styrtecken.json")
        let plan = try store.loadPlan(Fixture.tinyPlan)
        #expect(plan.items["tb-2030-kf-1"]?.title == odd)
        #expect(plan.items["tu-2030-em-01"]?.text(.description) == odd)
        #expect(plan.followUp("tu-2030-em-01", .t1).analysis == odd)

        let exported = try store.exportJSON(Fixture.tinyPlan)
        let copy = try PlanStore(inMemoryWithLogin: "anna")
        try copy.importData(exported, name: "export.json")
        #expect(try copy.exportJSON(Fixture.tinyPlan) == exported)
        #expect(try copy.loadPlan(Fixture.tinyPlan).items["tb-2030-kf-1"]?.title == odd)
    }

    /// Imports bytes into a database file holding the samples, expects the refusal, and checks
    /// that every row, and after closing the file itself, is as it was.
    private func expectRefusedUnchanged(_ data: Data, name: String = "fel.json", check: (ImportError) -> Void) throws {
        let path = try Self.closedDatabase()
        let before = try Self.bytes(path)
        do {
            let store = try PlanStore(path: path, login: "anna")
            let rows = try store.dumpForTesting()
            let exported = try store.exportJSON(Fixture.plan)
            do {
                try store.importData(data, name: name)
                Issue.record("the import of \(name) should have been refused")
            } catch let error as ImportError {
                #expect(error.file == name)
                let description = try #require(error.errorDescription)
                #expect(description.hasPrefix(name))
                #expect(description.hasSuffix("Inget har importerats."))
                check(error)
            }
            #expect(try store.dumpForTesting() == rows)
            #expect(try store.exportJSON(Fixture.plan) == exported)
        }
        #expect(try Self.bytes(path) == before)
    }

    @Test("Text with a NUL character is refused where it is, since the database would cut the text there")
    func nulRefused() throws {
        var file = Fixture.tinyFile()
        file.cascades![0].goals[0].title = "Före\u{0}efter"
        try expectRefusedUnchanged(try Fixture.encode(file)) { error in
            #expect(error.path == "cascades[0].goals[0].title")
            #expect(error.message.contains("NUL"))
        }
    }

    @Test("Bytes that are not UTF-8 are refused, naming the file and the line")
    func notUTF8() throws {
        var sample = try Fixture.sampleData("resursenheten-2021.json")
        let at = try #require(sample.range(of: Data("Resursenhetens budget".utf8))).lowerBound
        sample.insert(contentsOf: [0xFF, 0xFE], at: at)
        let line = sample.prefix(at).filter { $0 == UInt8(ascii: "\n") }.count + 1
        try expectRefusedUnchanged(sample, name: "resursenheten-trasig.json") { error in
            #expect(error.line == line)
            #expect(error.message.contains("inte UTF-8"))
            #expect(error.errorDescription?.hasPrefix("resursenheten-trasig.json:\(line):") == true)
        }

        // A file saved as Latin-1, as an old editor might.
        let text = String(decoding: try Fixture.encode(Fixture.tinyFile()), as: UTF8.self)
        let latin1 = try #require(text.data(using: .isoLatin1))
        try expectRefusedUnchanged(latin1, name: "latin1.json") { error in
            #expect(error.message.contains("inte UTF-8"))
        }

        // Named by its path when it comes from a file.
        let url = Fixture.temporaryDirectory().appendingPathComponent("latin1.json")
        try latin1.write(to: url)
        let store = try Fixture.store()
        let error = #expect(throws: ImportError.self) { try store.importFiles([url.path]) }
        #expect(error?.file == url.path)
    }

    @Test("A file cut in the middle of a character is called cut short, not wrongly encoded")
    func cutInsideCharacter() throws {
        let data = try Fixture.encode(Fixture.tinyFile())
        let at = try #require(data.range(of: Data("ä".utf8))).lowerBound
        try expectRefusedUnchanged(data.prefix(at + 1)) { error in
            #expect(error.message.contains("avkortad"))
        }
    }

    @Test("Broken escapes, empty files, odd numbers and unknown values get messages that say what")
    func otherBadFiles() throws {
        let header = #"{"format": "vp-tui-plan", "version": 1, "organisations": [{"id": "x", "kind": "city", "name": "#
        try expectRefusedUnchanged(Data((header + #""\ud800"}]}"#).utf8)) { error in
            #expect(error.message.contains("\\u-kod"))
        }
        try expectRefusedUnchanged(Data((header + #""a\qb"}]}"#).utf8)) { error in
            #expect(error.message.contains("\\-sekvens"))
            #expect(error.line == 1)
        }
        try expectRefusedUnchanged(Data(" \n".utf8)) { error in #expect(error.message == "filen är tom.") }
        try expectRefusedUnchanged(Data(#"{"format": "vp-tui-plan", "version": 0}"#.utf8)) { error in
            #expect(error.path == "version")
            #expect(error.message.contains("formatversion 0 finns inte"))
        }
        let fractionalYear = String(decoding: try Fixture.encode(Fixture.tinyFile()), as: UTF8.self)
            .replacingOccurrences(of: "\"year\" : 2030", with: "\"year\" : 2030.5")
        try expectRefusedUnchanged(Data(fractionalYear.utf8)) { error in
            #expect(error.path?.hasSuffix(".year") == true)
            #expect(error.message.contains("heltal"))
        }
        let kvartal = String(decoding: try Fixture.encode(Fixture.tinyFile()), as: UTF8.self)
            .replacingOccurrences(of: "\"periodicity\" : \"tertial\"", with: "\"periodicity\" : \"kvart\\u200bal\"")
        try expectRefusedUnchanged(Data(kvartal.utf8)) { error in
            #expect(error.path?.hasSuffix(".periodicity") == true)
            #expect(error.message == "\"kvart<U+200B>al\" är inget tillåtet värde här. Tillåtna värden: tertial, term, halfYear, year.")
        }
    }

    @Test("Every kind of bad file leaves a database file byte for byte as it was")
    func badFilesLeaveTheFile() throws {
        let sample = String(decoding: try Fixture.sampleData("resursenheten-2021.json"), as: UTF8.self)
        var unknown = Fixture.tinyFile()
        unknown.plans![0].followUps = [FollowUpRecord(item: "finns-inte", period: .t1, status: .done)]
        let files: [(String, Data)] = [
            ("trasig.json", Data("{\n  \"format\": \"vp-tui-plan\",\n  \"version\": 1,\n  \"plans\": [}\n".utf8)),
            ("avkortad.json", Data(sample.prefix(sample.count / 2).utf8)),
            ("framtida.json", Data(#"{"format": "vp-tui-plan", "version": 2, "plans": []}"#.utf8)),
            ("okänd.json", try Fixture.encode(unknown)),
            ("binär.json", Data([0x7B, 0xFF, 0xFE, 0x7D])),
        ]
        for (name, data) in files {
            try expectRefusedUnchanged(data, name: name) { _ in }
        }
    }

    @Test("The model's and the store's messages name no command: advice about commands is the command line's")
    func messagesNameNoCommand() {
        let plan: [PlanError] = [.unknownUnit("x"), .ambiguousUnit("x", candidates: ["a", "b"]), .noPlan(unit: "x", year: 2021),
                                 .periodNotInPlan(.t1), .unknownItem("x"), .notANumber("x")]
        let store: [StoreError] = [.notADatabase(path: "p"), .notOurs(path: "p"), .missingTable(path: "p", table: "item"),
                                   .damaged(path: "p", detail: "d"), .unusablePath(path: "p", problem: .isFolder),
                                   .readOnly(path: "p"), .cannotCreate(path: "p", reason: "r")]
        for message in plan.compactMap(\.errorDescription) + store.compactMap(\.errorDescription) {
            for command in ["units", "import", "export", "check", "generate", "app"] {
                #expect(!message.contains("vp-tui \(command)"), "\(message)")
            }
        }
    }
}

/// A huge text saved, on the SQLite file and on PostgreSQL alike.
@Suite("Bad input on both stores", .throwawayPostgres, .temporaryFolders)
struct BadInputOnBothStoresTests {
    @Test("A 5 MB analysis is saved, read back, exported and imported again unchanged", arguments: Backend.allCases)
    func hugeAnalysis(_ backend: Backend) throws {
        let text = BadInputTests.longText(bytes: 5_000_000)
        #expect(text.utf8.count >= 5_000_000)
        let stores = try StoresUnderTest(backend)
        let store = try stores.open("anna")
        let start = ContinuousClock.now
        try store.setAnalysis(text, item: Fixture.unitGoals[0], period: .vb, in: Fixture.plan)
        let saved = BadInputTests.seconds(since: start)

        let reopened = try stores.open("anna")
        #expect(try reopened.loadPlan(Fixture.plan).followUp(Fixture.unitGoals[0], .vb).analysis == text)
        let exported = try reopened.exportJSON(Fixture.plan)
        let file = try JSONDecoder().decode(InterchangeFile.self, from: exported)
        #expect(file.plans?.first?.followUps?.first { $0.item == Fixture.unitGoals[0] && $0.period == .vb }?.analysis == text)

        let copy = try PlanStore(inMemoryWithLogin: "anna")
        try copy.importData(exported, name: "export.json")
        #expect(try copy.loadPlan(Fixture.plan).followUp(Fixture.unitGoals[0], .vb).analysis == text)
        #expect(try copy.exportJSON(Fixture.plan) == exported)

        let report = MarkdownRenderer.render(ReportBuilder(plan: try copy.loadPlan(Fixture.plan), period: .vb).build())
        #expect(report.utf8.count > 5_000_000)
        print("BadInput: 5 MB analysis saved on \(backend) in \(saved), round trip done in \(BadInputTests.seconds(since: start))")
    }
}
