import Foundation
import PlanKit
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// `vp-tui start` and `vp-tui carry-over` on a PostgreSQL database: they say what they say on
/// the file the database was copied from, save as the address's login, and refuse a login
/// that may only read the unit in Swedish.
@Suite(.throwawayPostgres, .temporaryFolders) struct PostgresYearCommandsTests {
    /// The file copied with `vp-tui copy` into a new database of the suite's cluster, where
    /// anna may write Resursenheten and rita read its board.
    private static func copyToServer(_ file: String) throws -> (cluster: ThrowawayCluster, database: String) {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let copy = try Binary.run(["copy", "--from", file, "--to", cluster.url(database: database)])
        #expect(copy.status == 0, "\(copy.stderr)")
        for grant in [["anna", "--unit", "resursenheten"], ["rita", "--namnd", "hagersten-alvsjo", "--read"]] {
            let granted = try Binary.run(["grant"] + grant + ["--db", cluster.url(database: database)])
            #expect(granted.status == 0, "\(granted.stderr)")
        }
        return (cluster, database)
    }

    @Test func startAndCarryOverSayWhatTheyDoOnTheFile() throws {
        let folder = Binary.temporaryDirectory()
        let file = folder.appendingPathComponent("plan.sqlite").path
        try Binary.makeSamples(file)
        let lastYear = try PlanStore(path: file, login: "testare").loadPlan(PlanRef(unitID: "resursenheten", year: 2021))
        let goal = try #require(lastYear.items["re-2021-em-01"])
        let parent = try #require(goal.parentID.flatMap { lastYear.items[$0] })
        try NextYearSeed.importFor2022(database: file, directory: folder, rewording: parent.title)

        let (cluster, database) = try Self.copyToServer(file)
        let anna = cluster.url(database: database, login: "anna")

        let refused = try Binary.run(["start", "--unit", "resursenheten", "--year", "2022", "--period", "vp",
                                      "--db", cluster.url(database: database, login: "rita")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Du (”rita”) har inte behörighet till planen för Resursenheten 2022"), "\(refused.stderr)")
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

    @Test func submitAndReopenSaveAsTheLoginAndRefuseAReader() throws {
        let folder = Binary.temporaryDirectory()
        let file = folder.appendingPathComponent("plan.sqlite").path
        try Binary.makeSamples(file)
        let (cluster, database) = try Self.copyToServer(file)
        let anna = cluster.url(database: database, login: "anna")
        let rita = cluster.url(database: database, login: "rita")
        let vb = ["--unit", "resursenheten", "--year", "2021", "--period", "vb"]
        let handedIn = "SELECT count(*) FROM hand_in WHERE unit_id = 'resursenheten' AND year = 2021 AND period = 'vb' AND reopened_at IS NULL"

        let readerSubmits = try Binary.run(["submit"] + vb + ["--db", rita])
        #expect(readerSubmits.status == 1)
        #expect(readerSubmits.stderr.contains("Du (”rita”) har inte behörighet till planen för Resursenheten 2021"), "\(readerSubmits.stderr)")
        #expect(try cluster.psql(database: database, handedIn) == "0")

        let submitted = try Binary.run(["submit"] + vb + ["--db", anna])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(submitted.stdout.hasPrefix("Lämnade in Verksamhetsberättelse 2021 för Resursenheten (av anna, "), "\(submitted.stdout)")
        #expect(try cluster.psql(database: database, handedIn) == "1")
        #expect(try Binary.run(["submit"] + vb + ["--db", file]).status == 0)

        // A second hand-in is refused, naming who handed in; a reopening with an empty reason is
        // refused in the file's words.
        let again = try Binary.run(["submit"] + vb + ["--db", anna])
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("vp-tui: fel: Verksamhetsberättelsen är redan inlämnad (av anna, "), "\(again.stderr)")
        let withoutReason = ["reopen"] + vb + ["--reason", " "]
        let onFile = try Binary.run(withoutReason + ["--db", file])
        let onServer = try Binary.run(withoutReason + ["--db", anna])
        #expect(onServer.status == 1 && onFile.status == 1, "\(onServer.stderr)")
        #expect(onServer.stderr == onFile.stderr)

        let readerReopens = try Binary.run(["reopen"] + vb + ["--reason", "Rättelse", "--db", rita])
        #expect(readerReopens.status == 1)
        #expect(try cluster.psql(database: database, handedIn) == "1")

        let reopened = try Binary.run(["reopen"] + vb + ["--reason", "Rättelse av analysen", "--db", anna])
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout == (try Binary.run(["reopen"] + vb + ["--reason", "Rättelse av analysen", "--db", file])).stdout)
        #expect(try cluster.psql(database: database, handedIn) == "0")
        #expect(try cluster.psql(database: database, """
            SELECT string_agg(login || '|' || note, ' / ') FROM edit_log WHERE action = 'reopen' AND unit_id = 'resursenheten'
            """) == "anna|vb: Rättelse av analysen")
    }
}
