import Foundation
import PlanKit
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// `vp-tui copy` SQLite → PostgreSQL → SQLite: every unit's reports come out byte for byte as
/// they went in; a copy that cannot be made leaves its target as it was.
@Suite(.throwawayPostgres, .temporaryFolders) struct CopyCommandTests {
    static func folder() throws -> URL {
        TemporaryFolders.make("vp-copy")
    }

    /// Each plan's Markdown and JSON report, by unit, year and format.
    static func reports(_ database: String) throws -> [String: String] {
        var reports: [String: String] = [:]
        let plans = try PlanStore(path: database, readOnly: true).plans()
        #expect(!plans.isEmpty)
        for plan in plans {
            for format in ["markdown", "json"] {
                let result = try Binary.run(["export", "--unit", plan.unit.id, "--year", String(plan.year),
                                             "--format", format, "--db", database])
                #expect(result.status == 0, "\(result.stderr)")
                reports["\(plan.unit.id) \(plan.year) \(format)"] = result.stdout
            }
        }
        return reports
    }

    static func roundTrip(_ original: String, in folder: URL) throws {
        let cluster = try ThrowawayPostgres.cluster()
        let url = cluster.url(database: try cluster.makeDatabase())
        let there = try Binary.run(["copy", "--from", original, "--to", url])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stderr.contains("Kopierar 13/13 carry_over:"), "\(there.stderr)")
        #expect(there.stdout.hasPrefix("Kopierat: "), "\(there.stdout)")
        let back = folder.appendingPathComponent("tillbaka.sqlite").path
        let result = try Binary.run(["copy", "--from", url, "--to", back])
        #expect(result.status == 0, "\(result.stderr)")
        let before = try reports(original)
        let after = try reports(back)
        #expect(before.keys.sorted() == after.keys.sorted())
        for key in before.keys.sorted() {
            #expect(before[key] == after[key], "\(key)")
        }
    }

    @Test func bundledSamplesComeBackIdentical() throws {
        let folder = try Self.folder()
        let original = folder.appendingPathComponent("exempel.sqlite").path
        try Binary.makeSamples(original)
        try Self.roundTrip(original, in: folder)
    }

    @Test func generatedDistrictComesBackIdentical() throws {
        let folder = try Self.folder()
        let original = folder.appendingPathComponent("distrikt.sqlite").path
        #expect(try Binary.run(["generate", "--units", "4", "--years", "2", "--seed", "3", "--db", original]).status == 0)
        try Self.roundTrip(original, in: folder)
    }

    @Test func nonEmptyTargetIsRefusedAndLeftAsItWas() throws {
        let folder = try Self.folder()
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let url = cluster.url(database: database)
        let samples = folder.appendingPathComponent("exempel.sqlite").path
        try Binary.makeSamples(samples)
        #expect(try Binary.run(["copy", "--from", samples, "--to", url]).status == 0)
        let rows = try cluster.psql(database: database, "SELECT count(*) FROM item")

        let again = try Binary.run(["copy", "--from", samples, "--to", url])
        #expect(again.status == 2)
        #expect(again.stderr.contains("är inte tomt (tabellen organisation har rader)"), "\(again.stderr)")
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM item") == rows)

        // Into a SQLite file that holds plans: refused, the file unchanged.
        let other = folder.appendingPathComponent("annan.sqlite").path
        try Binary.makeSamples(other)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: other))
        let refused = try Binary.run(["copy", "--from", url, "--to", other])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("Målet \(other) är inte tomt"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == bytes)
    }

    @Test func failureHalfWayLeavesNothingBehind() throws {
        let folder = try Self.folder()
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let url = cluster.url(database: database)
        // A source whose last table holds a value PostgreSQL's column cannot take: the copy fails
        // after every other table was written, and the target keeps none of it, nor the tables.
        let source = folder.appendingPathComponent("trasig.sqlite").path
        try Binary.makeSamples(source)
        let store = try PlanStore(path: source)
        let plan = try #require(try store.plans().first)
        try store.executeForTesting("""
            INSERT INTO carry_over (unit_id, year, from_year, position, source_id, kind, title, outcome, decided)
            VALUES ('\(plan.unit.id)', \(plan.year), \(plan.year - 1), 0, 'x', 'goal', 'x', 'kept', 'inte ett tal')
            """)
        let result = try Binary.run(["copy", "--from", source, "--to", url])
        #expect(result.status == 2)
        #expect(result.stderr.contains("carry_over.decided är inte ett heltal"), "\(result.stderr)")
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0")

        let missing = try Binary.run(["copy", "--from", folder.appendingPathComponent("finns-inte.sqlite").path, "--to", url])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("finns-inte.sqlite finns inte"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("finns-inte.sqlite").path))
    }

    @Test func sourceThatDoesNotHoldTogetherIsRefusedByPostgres() throws {
        let folder = try Self.folder()
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let source = folder.appendingPathComponent("lös.sqlite").path
        try Binary.makeSamples(source)
        try PlanStore(path: source).executeForTesting("""
            PRAGMA foreign_keys = OFF;
            INSERT INTO follow_up (unit_id, year, item_id, period) SELECT 'ingen-enhet', 1999, id, 'vp' FROM item LIMIT 1;
            """)
        let result = try Binary.run(["copy", "--from", source, "--to", cluster.url(database: database)])
        #expect(result.status == 2)
        #expect(result.stderr.contains("vp-tui: fel: Källan håller inte ihop"), "\(result.stderr)")
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0")
    }

    @Test func failedCopyIntoANewFileLeavesNoFile() throws {
        let folder = try Self.folder()
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let url = cluster.url(database: database)
        let samples = folder.appendingPathComponent("exempel.sqlite").path
        try Binary.makeSamples(samples)
        #expect(try Binary.run(["copy", "--from", samples, "--to", url]).status == 0)
        // A row whose plan is missing, let in past the foreign keys: SQLite refuses it at commit.
        try cluster.psql(database: database, """
            SET session_replication_role = replica;
            INSERT INTO follow_up (unit_id, year, item_id, period) SELECT 'ingen-enhet', 1999, id, 'vp' FROM item LIMIT 1
            """)
        let target = folder.appendingPathComponent("ny.sqlite").path
        let result = try Binary.run(["copy", "--from", url, "--to", target])
        #expect(result.status == 2)
        #expect(!result.stdout.contains("Kopierat"))
        #expect(result.stderr.contains("vp-tui: fel: Källan håller inte ihop"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target), "\(result.stderr)")
    }
}
