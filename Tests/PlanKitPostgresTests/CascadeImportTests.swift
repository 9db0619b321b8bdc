import Foundation
import PlanKit
@testable import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// A nämnd's admin imports the board's cascade into PostgreSQL with PlanKit's own import: the
/// units then read it, the result is what the same import makes of a SQLite file, and nobody
/// else can write a cascade, neither through vp-tui nor with SQL of its own. Serialized: roles
/// are the cluster's, shared by the tests' databases.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct CascadeImportTests {
    static let board = "hagersten-alvsjo"
    static let unit = "resursenheten"

    /// The bundled samples (the board's cascade of 2021 and Resursenheten's plan under it) in a
    /// SQLite file and copied into a new database, where `admin` administers the board and
    /// `writer` writes Resursenheten's plans.
    struct Samples {
        let folder: URL
        let file: String
        let cluster: ThrowawayCluster
        let database: String

        init(admin: String, writer: String) throws {
            folder = TemporaryFolders.make("vp-tui-import")
            file = folder.appendingPathComponent("plan.sqlite").path
            try BundledSamples.load(into: try PlanStore(path: file, login: "generator"))
            cluster = try ThrowawayPostgres.cluster()
            database = try cluster.copy(ofSQLite: file)
            let owner = try PostgresDatabase.open(try address())
            _ = try PostgresRights.grant(AccessGrant(login: admin, scope: .board, target: board, kind: .admin), on: owner)
            _ = try PostgresRights.grant(AccessGrant(login: writer, scope: .unit, target: unit, kind: .write), on: owner)
        }

        func address(_ login: String = ThrowawayCluster.owner) throws -> PostgresAddress {
            try cluster.address(database: database, login: login)
        }

        /// Imports the file on PostgreSQL as `login`.
        @discardableResult
        func importOnServer(_ file: InterchangeFile, as login: String,
                            progress: (ImportProgress) -> Void = { _ in }) throws -> ImportSummary {
            try PostgresImport.run(try address(login), years: file.boardYears, progress: progress) { store in
                try store.importDecoded([("plan.json", file)])
            }
        }

        /// What the database holds of cascades, plans and the edit log, to see that nothing changed.
        func fingerprint() throws -> String {
            try cluster.psql(database: database, """
                SELECT (SELECT count(*) FROM item) || ' ' || (SELECT md5(string_agg(id || title || revision, ',' ORDER BY id)) FROM item)
                    || ' ' || (SELECT string_agg(board_id || year, ',' ORDER BY board_id, year) FROM cascade)
                    || ' ' || (SELECT md5(string_agg(id || name, ',' ORDER BY id)) FROM organisation)
                    || ' ' || (SELECT md5(string_agg(unit_id || item_id || coalesce(analysis, ''), ',' ORDER BY unit_id, item_id, period)) FROM follow_up)
                    || ' ' || (SELECT count(*) FROM edit_log)
                """)
        }
    }

    /// The sample's cascade of 2021, changed by `edit` (its JSON text).
    static func sampleCascade(_ edit: (String) -> String = { $0 }) throws -> InterchangeFile {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../samples/hagersten-alvsjo-2021.json")
        let text = try String(contentsOf: path, encoding: .utf8)
        return try InterchangeDecoder.decode(Data(edit(text).utf8), file: "plan.json")
    }

    /// The same cascade as the board's plan of 2022: every id and year moved on.
    static func nextYear() throws -> InterchangeFile { try sampleCascade { $0.replacingOccurrences(of: "2021", with: "2022") } }

    @Test func adminImportsANewYearThatUnitsReadAsOnAFile() throws {
        let samples = try Samples(admin: "cecilia", writer: "anna")
        let file = try Self.nextYear()
        var seen: [ImportProgress] = []
        let summary = try samples.importOnServer(file, as: "cecilia") { seen.append($0) }
        let local = try PlanStore(path: samples.file, login: "cecilia")
        #expect(try local.importDecoded([("plan.json", file)]) == summary)
        #expect(summary.goals > 0 && summary.indicators > 0)
        #expect(seen.first == .reading)
        let total = try #require(seen.compactMap { if case .writing(_, let done, let total) = $0 { (done, total) } else { nil } }.last)
        #expect(total.0 == total.1 && total.1 > summary.goals)

        // The unit's manager reads the new year's cascade, the same as the file holds.
        let annasView = try PostgresSnapshot.everything(try samples.address("anna")).store
        let cascade = try #require(try annasView.storedCascade(board: Self.board, year: 2022))
        #expect(cascade == (try local.storedCascade(board: Self.board, year: 2022)))
        #expect(try annasView.cascadeYears().contains(BoardYear(boardID: Self.board, year: 2022)))
        #expect(try samples.cluster.psql(database: samples.database,
                                         "SELECT count(*) FROM edit_log WHERE login = 'cecilia' AND action = 'import'") == "1")
    }

    @Test func reimportedCascadeKeepsTheUnitsPlansAsOnAFile() throws {
        let samples = try Samples(admin: "dora", writer: "erik")
        let ref = PlanRef(unitID: Self.unit, year: 2021)
        let analysesBefore = try samples.cluster.psql(database: samples.database,
                                                      "SELECT string_agg(item_id || coalesce(analysis, ''), ',' ORDER BY item_id, period) FROM follow_up")
        // A new wording of a council direction and a goal added under it.
        let file = try Self.sampleCascade {
            $0.replacingOccurrences(of: "En modern storstad med möjligheter och valfrihet för alla", with: "En modern storstad för alla")
        }
        try samples.importOnServer(file, as: "dora")
        let local = try PlanStore(path: samples.file, login: "dora")
        try local.importDecoded([("plan.json", file)])

        let (server, serverRef) = try PostgresSnapshot.plan(try samples.address(), unit: Self.unit, year: 2021)
        #expect(serverRef == ref)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(server.exportInterchange(ref)) == (try encoder.encode(local.exportInterchange(ref))))
        #expect(try server.loadPlan(ref).walk().contains { $0.title == "En modern storstad för alla" })
        #expect(try samples.cluster.psql(database: samples.database,
                                         "SELECT string_agg(item_id || coalesce(analysis, ''), ',' ORDER BY item_id, period) FROM follow_up")
            == analysesBefore)
    }

    /// `import-text --replace`: the goal the board's new text no longer has goes, with the
    /// units' follow-ups on it and their own goals under it, as on a file.
    @Test func replacedCascadeRemovesWhatTheFileNoLongerHasAsOnAFile() throws {
        let samples = try Samples(admin: "petra", writer: "rut")
        func removing(_ id: String, from goals: [GoalRecord]) -> [GoalRecord] {
            goals.filter { $0.id != id }.map { goal in
                var goal = goal
                goal.children = goal.children.map { removing(id, from: $0) }
                return goal
            }
        }
        var file = try Self.sampleCascade()
        file.cascades![0].goals = removing("ha-2021-nm-03", from: file.cascades![0].goals)
        let gone = "SELECT count(*) FROM follow_up WHERE item_id LIKE 'ha-2021-nm-03%'"
        #expect(try samples.cluster.psql(database: samples.database, gone) != "0")
        try PostgresImport.run(try samples.address("petra"), years: file.boardYears) { store in
            try store.importRecords(file, name: "plan.json", removing: ["ha-2021-nm-03"])
        }
        let local = try PlanStore(path: samples.file, login: "petra")
        try local.importRecords(file, name: "plan.json", removing: ["ha-2021-nm-03"])

        let ref = PlanRef(unitID: Self.unit, year: 2021)
        let (server, _) = try PostgresSnapshot.plan(try samples.address(), unit: Self.unit, year: 2021)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(server.exportInterchange(ref)) == (try encoder.encode(local.exportInterchange(ref))))
        #expect(try samples.cluster.psql(database: samples.database, gone) == "0")
        #expect(try samples.cluster.psql(database: samples.database, "SELECT count(*) FROM item WHERE id = 'ha-2021-nm-03'") == "0")
    }

    @Test func othersAreRefusedByTheImportAndBySQL() throws {
        let samples = try Samples(admin: "frida", writer: "gunnar")
        let owner = try PostgresDatabase.open(try samples.address())
        try samples.cluster.psql(database: samples.database, """
            INSERT INTO organisation (id, kind, name, parent_id) VALUES ('sb', 'board', 'Södra nämnden', 'stockholm')
            """)
        _ = try PostgresRights.grant(AccessGrant(login: "helga", scope: .board, target: Self.board, kind: .read), on: owner)
        _ = try PostgresRights.grant(AccessGrant(login: "ivar", scope: .board, target: "sb", kind: .admin), on: owner)
        let before = try samples.fingerprint()
        let file = try Self.nextYear()
        // The unit's writer, the board's reader and another board's admin.
        for login in ["gunnar", "helga", "ivar"] {
            let error = try #require(throws: PostgresImportError.self) { try samples.importOnServer(file, as: login) }
            #expect(error == .notAdministered(board: Self.board, name: "Hägersten-Älvsjö stadsdelsnämnd"))
            #expect(try samples.fingerprint() == before)

            // Nor with SQL of their own: a new year, a changed or removed goal, a goal added.
            #expect(throws: ClusterError.self) {
                try samples.cluster.psql(database: samples.database, login: login, "INSERT INTO cascade VALUES ('hagersten-alvsjo', 2030)")
            }
            #expect(throws: ClusterError.self) {
                try samples.cluster.psql(database: samples.database, login: login, """
                    INSERT INTO item (id, kind, level, author, board_id, year, title)
                    VALUES ('kapad', 'goal', 'councilDirection', 'council', 'hagersten-alvsjo', 2021, 'Kapat mål')
                    """)
            }
            #expect(try samples.cluster.psql(database: samples.database, login: login, """
                WITH changed AS (UPDATE item SET title = 'Kapad' WHERE unit_id IS NULL RETURNING 1) SELECT count(*) FROM changed
                """) == "0")
            #expect(try samples.cluster.psql(database: samples.database, login: login, """
                WITH gone AS (DELETE FROM text_revision RETURNING 1), items AS (DELETE FROM item WHERE unit_id IS NULL RETURNING 1)
                SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM items)
                """) == "0")
            #expect(try samples.fingerprint() == before)
        }
        // The admin herself may not change what lies outside her board: the city's name.
        let reaching = try Self.sampleCascade { $0.replacingOccurrences(of: "Stockholms stad", with: "Kapad stad") }
        #expect(throws: PostgresImportError.notPermitted) { try samples.importOnServer(reaching, as: "frida") }
        #expect(try samples.fingerprint() == before)
        #expect(Strings.describe(PostgresImportError.notAdministered(board: "nb", name: "Norra nämnden")) == "Du har inte behörighet att "
            + "läsa in planer i nämnden ”Norra nämnden” [nb] i PostgreSQL-databasen: det får bara databasens ägare och den som "
            + "förvaltar nämnden. Inget har ändrats.")
    }

    @Test func badFileWritesNothing() throws {
        let samples = try Samples(admin: "jonas", writer: "karin")
        let before = try samples.fingerprint()
        // Good goals first, then one under the council direction at the wrong level: the file is
        // refused where SQLite's import refuses it, after rows were written in memory.
        let file = try Self.sampleCascade {
            $0.replacingOccurrences(of: "2021", with: "2023")
                .replacingOccurrences(of: "\"level\": \"councilArea\"", with: "\"level\": \"boardGoal\"")
        }
        let error = try #require(throws: ImportError.self) { try samples.importOnServer(file, as: "jonas") }
        #expect(error.message.contains("passar inte här"), "\(error)")
        #expect(try samples.fingerprint() == before)
        #expect(try samples.cluster.psql(database: samples.database, "SELECT count(*) FROM cascade WHERE year = 2023") == "0")
    }
}
