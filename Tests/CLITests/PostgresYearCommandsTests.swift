import Foundation
import PlanKit
import PostgresTestSupport
import Testing

/// `vp-tui start` and `vp-tui carry-over` on a PostgreSQL database: they say what they say on
/// the file the database was copied from, save as the address's login, and refuse a login
/// that may only read the unit in Swedish.
@Suite(.throwawayPostgres) struct PostgresYearCommandsTests {
    @Test func startAndCarryOverSayWhatTheyDoOnTheFile() throws {
        let folder = Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.sqlite").path
        #expect(try Binary.run(["units", "--db", file]).status == 0)
        let lastYear = try PlanStore(path: file, login: "testare").loadPlan(PlanRef(unitID: "resursenheten", year: 2021))
        let goal = try #require(lastYear.items["re-2021-em-01"])
        let parent = try #require(goal.parentID.flatMap { lastYear.items[$0] })
        try NextYearSeed.importFor2022(database: file, directory: folder, rewording: parent.title)

        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let copy = try Binary.run(["copy", "--from", file, "--to", cluster.url(database: database)])
        #expect(copy.status == 0, "\(copy.stderr)")
        for grant in [["anna", "--unit", "resursenheten"], ["rita", "--namnd", "hagersten-alvsjo", "--read"]] {
            let granted = try Binary.run(["grant"] + grant + ["--db", cluster.url(database: database)])
            #expect(granted.status == 0, "\(granted.stderr)")
        }
        let anna = cluster.url(database: database, login: "anna")

        let refused = try Binary.run(["start", "--unit", "resursenheten", "--year", "2022", "--period", "vp",
                                      "--db", cluster.url(database: database, login: "rita")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Du (”rita”) har inte behörighet till planen för resursenheten 2022"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("permission") && !refused.stderr.contains("SQLSTATE"), "\(refused.stderr)")

        // Each step on the file and on the server: the same words and the same exit.
        let steps: [[String]] = [
            ["start", "--unit", "resursenheten", "--year", "2022", "--period", "vp"],
            ["start", "--unit", "resursenheten", "--year", "2022", "--period", "vp"],
            ["start", "--unit", "resursenheten", "--year", "2022", "--period", "t1"],
            ["carry-over", "--unit", "resursenheten", "--year", "2022"],
            ["carry-over", "--unit", "resursenheten", "--year", "2022", "--place", goal.id, "--under", NextYearSeed.newTitle],
            ["carry-over", "--unit", "resursenheten", "--year", "2022"],
        ]
        for step in steps {
            let onFile = try Binary.run(step + ["--db", file])
            let onServer = try Binary.run(step + ["--db", anna])
            #expect(onServer.status == onFile.status, "\(step): \(onServer.stderr)")
            #expect(onServer.stdout == onFile.stdout, "\(step)")
            #expect(onServer.stderr == onFile.stderr, "\(step)")
            #expect(!onServer.stdout.isEmpty || !onServer.stderr.isEmpty)
        }
        #expect(try cluster.psql(database: database, """
            SELECT string_agg(note, ' | ' ORDER BY id) FROM edit_log WHERE login = 'anna'
            """) == "vp från 2021 | t1 från vp | placerad \(goal.id)")
    }
}
