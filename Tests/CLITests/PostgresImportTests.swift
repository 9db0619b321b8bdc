import Foundation
import PlanKit
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// `vp-tui import` and `import-text` into PostgreSQL by the board's admin: the same words and
/// the same plans as the same imports into the SQLite file the database was copied from; anyone
/// else is refused in Swedish, and a bad file writes nothing.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PostgresImportTests {
    static let board = "hagersten-alvsjo"
    static let boardText = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../PlanTextImportTests/Fixtures/hagersten-alvsjo-vp-2021.txt").path
    static let sampleCascade = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../samples/hagersten-alvsjo-2021.json").path

    /// The bundled samples in a file and copied into a new database; `admin` administers the
    /// board, `writer` writes Resursenheten's plans.
    struct Samples {
        let folder = Binary.temporaryDirectory()
        var file: String { folder.appendingPathComponent("plan.sqlite").path }
        let cluster: ThrowawayCluster
        let database: String
        func url(_ login: String = ThrowawayCluster.owner) -> String { cluster.url(database: database, login: login) }

        init(admin: String, writer: String) throws {
            cluster = try ThrowawayPostgres.cluster()
            database = try cluster.makeDatabase()
            try Binary.makeSamples(file)
            #expect(try Binary.run(["copy", "--from", file, "--to", url()]).status == 0)
            for arguments in [[admin, "--namnd", board, "--admin"], [writer, "--unit", "resursenheten"]] {
                let result = try Binary.run(["grant"] + arguments + ["--db", url()])
                #expect(result.status == 0, "\(result.stderr)")
            }
        }

        /// The board's cascade of 2021 as the plan of 2022 (every id and year moved on), as a file.
        func nextYearFile() throws -> String {
            let path = folder.appendingPathComponent("2022.json").path
            let text = try String(contentsOfFile: PostgresImportTests.sampleCascade, encoding: .utf8)
            try text.replacingOccurrences(of: "2021", with: "2022").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    /// Runs the same import on the file and, as `login`, on the database: the same words on
    /// standard output, and the progress of the writing on standard error.
    static func importBoth(_ arguments: [String], _ samples: Samples, as login: String) throws {
        let onFile = try Binary.run(arguments + ["--db", samples.file])
        let onServer = try Binary.run(arguments + ["--db", samples.url(login)])
        #expect(onFile.status == 0 && onServer.status == 0, "\(onServer.stderr)")
        #expect(onServer.stdout == onFile.stdout)
        #expect(onServer.stderr.contains("Skriver i PostgreSQL-databasen"), "\(onServer.stderr)")
    }

    @Test func adminsImportsComeOutAsOnTheFile() throws {
        let samples = try Samples(admin: "cecilia", writer: "anna")
        // A new year's plan as JSON and as the board's published text, and the text of the
        // year that Resursenheten plans against read in again.
        try Self.importBoth(["import", try samples.nextYearFile()], samples, as: "cecilia")
        try Self.importBoth(["import-text", Self.boardText, "--year", "2023"], samples, as: "cecilia")
        try Self.importBoth(["import-text", Self.boardText], samples, as: "cecilia")

        let back = samples.folder.appendingPathComponent("tillbaka.sqlite").path
        #expect(try Binary.run(["copy", "--from", samples.url(), "--to", back]).status == 0)
        let file = try PlanStore(path: samples.file, readOnly: true)
        let server = try PlanStore(path: back, readOnly: true)
        for year in [2021, 2022, 2023] {
            let cascade = try #require(try file.storedCascade(board: Self.board, year: year))
            #expect(try server.storedCascade(board: Self.board, year: year) == cascade, "\(year)")
        }
        let plans = try file.plans()
        #expect(!plans.isEmpty)
        for plan in plans {
            for format in ["markdown", "json"] {
                let arguments = ["export", "--unit", plan.unit.id, "--year", String(plan.year), "--format", format]
                let fromFile = try Binary.run(arguments + ["--db", samples.file])
                let fromServer = try Binary.run(arguments + ["--db", samples.url("anna")])
                #expect(fromFile.status == 0 && fromServer.status == 0, "\(fromServer.stderr)")
                #expect(fromServer.stdout == fromFile.stdout, "\(plan.unit.id) \(plan.year) \(format)")
            }
        }
    }

    @Test func othersAreRefusedInSwedishAndBadFilesWriteNothing() throws {
        let samples = try Samples(admin: "dora", writer: "erik")
        let count = "SELECT count(*) || ' ' || (SELECT count(*) FROM edit_log) FROM item"
        let before = try samples.cluster.psql(database: samples.database, count)
        let nextYear = try samples.nextYearFile()
        for arguments in [["import", nextYear], ["import-text", Self.boardText, "--year", "2023"]] {
            let refused = try Binary.run(arguments + ["--db", samples.url("erik")])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("Du har inte behörighet att läsa in planer i nämnden ”Hägersten-Älvsjö stadsdelsnämnd” "
                                            + "[hagersten-alvsjo] i PostgreSQL-databasen"), "\(refused.stderr)")
            #expect(!refused.stderr.contains("ERROR") && !refused.stderr.contains("policy"), "\(refused.stderr)")
            #expect(refused.stdout.isEmpty)
        }
        // A dry run reads only, which the unit's writer may.
        let dryRun = try Binary.run(["import-text", Self.boardText, "--dry-run", "--db", samples.url("erik")])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains("Hittade: 3 KF:s inriktningsmål"), "\(dryRun.stdout)")

        let broken = samples.folder.appendingPathComponent("trasig.json").path
        try #"{"format": "vp-tui-plan", "version": 1, "cascades": [{"board": "hagersten-alvsjo", "year": 2024, "goals": ["#
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let unknownBoard = samples.folder.appendingPathComponent("okand.json").path
        try (#"{"format": "vp-tui-plan", "version": 1, "cascades": [{"board": "hagersten-alvsjo", "year": 2024, "goals": []}, "#
            + #"{"board": "finns-inte", "year": 2024, "goals": []}]}"#).write(toFile: unknownBoard, atomically: true, encoding: .utf8)
        for file in [broken, unknownBoard] {
            let result = try Binary.run(["import", file, "--db", samples.url("dora")])
            #expect(result.status == 1)
            #expect(result.stderr.contains("Inget har importerats."), "\(result.stderr)")
        }
        #expect(try samples.cluster.psql(database: samples.database, count) == before)
        #expect(try samples.cluster.psql(database: samples.database, "SELECT count(*) FROM cascade WHERE year = 2024") == "0")
    }
}
