import Foundation
import PlanKit
@testable import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// Statements prepared on a connection (`PostgresLink.run(prepared:)`), as a saved change's
/// are: planned once by the server, with the same rows, values and errors as when sent whole.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PreparedStatementTests {
    @Test func parametersAreNumberedAgainAndCastToTheirValuesTypes() {
        let (sql, taken) = PostgresLink.typed("SELECT $1, $3, $1 FROM t WHERE x = $10 AND y = $$a$$",
                                              [.text("a"), .integer(2), .null, .null, .null, .null, .null, .null, .null, .real(1.5)])
        #expect(sql == "SELECT $1::text, $2, $1::text FROM t WHERE x = $3::double precision AND y = $$a$$")
        #expect(taken == [0, 2, 9])
    }

    @Test func preparedStatementsGiveTheRowsAndErrorsOfStatementsSentWhole() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let link = try PostgresLink.connect(try PostgresAddress.parse(cluster.url(database: database), environment: [:]))
        try link.run("CREATE TABLE t (a text, b bigint, c double precision)")
        let insert = "INSERT INTO t (a, b, c) VALUES ($1, $2, $3) RETURNING a, b, c, b > 1 AS big"
        #expect(try link.run(insert, [.text("å"), .integer(2), .real(0.5)], prepared: true).values
            == [[.text("å"), .integer(2), .real(0.5), .integer(1)]])
        // A NULL where a value was runs the statement prepared for the value.
        #expect(try link.run(insert, [.text("ä"), .null, .real(1)], prepared: true).values == [[.text("ä"), .null, .real(1), .null]])
        #expect(try link.run("SELECT count(*) FROM pg_prepared_statements").single == .integer(1))
        // A parameter the text does not use.
        #expect(try link.run("SELECT b + 1 AS next FROM t WHERE a = $2", [.integer(7), .text("å")], prepared: true).values
            == [[.integer(3)]])
        // A NULL first is typed by the server; a value there later is cast and prepared anew,
        // and a NULL after that runs the statement of the value.
        let update = "UPDATE t SET c = $1 WHERE a = $2 RETURNING c"
        #expect(try link.run(update, [.null, .text("ä")], prepared: true).values == [[.null]])
        #expect(try link.run(update, [.real(2.5), .text("ä")], prepared: true).values == [[.real(2.5)]])
        #expect(try link.run(update, [.null, .text("ä")], prepared: true).values == [[.null]])
        #expect(try link.run("SELECT count(*) FROM pg_prepared_statements").single == .integer(4))

        // The table's columns change under a prepared statement: it is prepared again.
        let all = "SELECT * FROM t WHERE a = $1"
        #expect(try link.run(all, [.text("å")], prepared: true).columns == ["a", "b", "c"])
        try link.run("ALTER TABLE t ADD COLUMN d text")
        #expect(try link.run(all, [.text("å")], prepared: true).values == [[.text("å"), .integer(2), .real(0.5), .null]])

        // The server's refusal keeps its code, as for a statement sent whole.
        let error = try #require(throws: PostgresStoreError.self) {
            try link.run("INSERT INTO t (b) VALUES ($1::text::bigint)", [.text("inte ett tal")], prepared: true)
        }
        #expect(error == .refused(link.address, sqlState: "22P02"))
    }

    /// A saved change's two statements are prepared once on the connection and run as
    /// prepared at every later save.
    @Test func aSavedChangeIsPreparedOnce() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let anna = try #require(try district.open("anna") as? PostgresPlanCommands)
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        let prepared = "SELECT count(*) FROM pg_prepared_statements"
        var counts: [PostgresValue?] = []
        for text in ["Första", "Andra", "Tredje"] {
            let revision = try anna.value(of: field, in: district.a).revision
            try anna.set(field, to: .text(text), in: district.a, expectedRevision: revision)
            counts.append(try anna.link.run(prepared).single)
        }
        #expect(try anna.value(of: field, in: district.a).value == .text("Tredje"))
        // The first save may replace an empty analysis, whose NULL makes a statement of its own.
        #expect(counts[1] == .integer(2) || counts[1] == .integer(3))
        #expect(counts[2] == counts[1])
        #expect(try anna.link.run("SELECT current_setting('plan_cache_mode')").single == .text("force_generic_plan"))
    }

    /// The statements of the commonest saves, prepared when the connection is new, serve the
    /// first save of each kind, whether the field was empty or not.
    @Test func preparedCommonSavesServeTheFirstSaveOfEachKind() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let anna = try #require(try district.open("anna") as? PostgresPlanCommands)
        let owner = try PostgresDatabase.open(try #require(district.cluster).address(database: try #require(district.database)))
        let rows = "SELECT (SELECT count(*) FROM edit_log) || '/' || (SELECT count(*) FROM follow_up) || '/' || (SELECT count(*) FROM section)"
        let rowsBefore = try owner.run(rows).single
        let heard = Heard()
        try PostgresChannels.listen(units: nil, on: owner) { payload, _ in heard.add(payload) }
        try owner.run("SELECT pg_notify($1, 'lyssnar')", [.text(PostgresChannels.all)])
        try ChangeNotificationTests.waitUntil { heard.payloads == ["lyssnar"] }
        let prepared = "SELECT count(*) FROM pg_prepared_statements"
        try anna.prepareCommonSaves()
        let afterPreparing = try anna.link.run(prepared).single
        #expect(afterPreparing == .integer(Int64(PostgresPlanCommands.commonSaves.count * 2)))
        // Preparing again prepares nothing.
        try anna.prepareCommonSaves()
        #expect(try anna.link.run(prepared).single == afterPreparing)
        // The writes run for no plan: nothing written, logged or announced.
        #expect(try owner.run(rows).single == rowsBefore)
        try owner.run("SELECT pg_notify($1, 'sist')", [.text(PostgresChannels.all)])
        try ChangeNotificationTests.waitUntil { heard.payloads.last == "sist" }
        #expect(heard.payloads == ["lyssnar", "sist"])
        let period = district.openPeriod
        let saves: [(FieldRef, [FieldValue])] = [
            (.rating(item: district.ownGoal, period: period), [.rating(.fully), .rating(.not)]),
            (.analysis(item: district.ownGoal, period: period), [.text("Läget följs upp."), .text("Åtgärder är på väg.")]),
            (.status(item: district.ownActivity, period: period), [.status(.done), .status(.deviation)]),
            (.outcome(item: district.ownIndicator, period: period), [.number(12), .number(Decimal(string: "7.5")!)]),
            (.sectionText(section: district.openSection, period: period), [.text("Sammanfattning."), .text("Ändrad.")]),
        ]
        for (field, values) in saves {
            for value in values {
                let revision = try anna.value(of: field, in: district.a).revision
                try anna.set(field, to: value, in: district.a, expectedRevision: revision)
                #expect(try anna.value(of: field, in: district.a).value == value, "\(field)")
            }
            // Emptied: the log's new value is NULL.
            try anna.set(field, to: nil, in: district.a)
        }
        #expect(try anna.link.run(prepared).single == afterPreparing)
    }
}
