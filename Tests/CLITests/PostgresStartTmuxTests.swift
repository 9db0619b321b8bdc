import Foundation
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// Starting a period (T1 of the samples' Resursenheten) from the chooser of the app on a PostgreSQL database, in a real terminal:
/// the unit's writer starts it on the server and the app opens it; a reader is told it may
/// only read, and nothing is started.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PostgresStartTmuxTests {
    typealias Reading = PostgresReadingTests

    static func periods(_ district: Reading.District) throws -> String {
        try district.cluster.psql(database: district.database,
                                  "SELECT periods FROM plan WHERE unit_id = 'resursenheten' AND year = 2021")
    }

    /// The samples' Resursenheten, whose T1 is not started, at its VP.
    static func openResursenheten(_ district: Reading.District, as login: String) throws -> TmuxSession {
        let app = try PostgresAppTmuxTests.app("--db '\(district.url(login))' --unit resursenheten --year 2021 --period vp",
                                               home: district.folder.appendingPathComponent("home"))
        try app.waitFor("Resursenheten · Verksamhetsplan 2021", timeout: 20)
        return app
    }

    /// t, then the start line below the VP (the period on the screen) and the VB: offered to a
    /// writer, said as not started to a reader.
    static func chooseStartOfT1(_ app: TmuxSession, reader: Bool = false) throws {
        try app.send("t")
        try app.waitFor(reader ? "T1 (Tertialrapport 1) är inte startad" : "Starta T1 (Tertialrapport 1)", timeout: 20)
        try app.send("Down")
        try app.send("Down")
    }

    @Test func aWriterStartsT1OnTheServer() throws {
        let district = try Reading.District(generate: nil)
        try district.grant("anna", "--unit", "resursenheten")
        #expect(try Self.periods(district) == "vp,vb")
        let app = try Self.openResursenheten(district, as: "anna")
        try Self.chooseStartOfT1(app)
        try app.send("Enter")
        try app.waitFor("Starta tertialrapport 1 (T1) 2021 för Resursenheten?", timeout: 20)
        try app.send("j")
        try app.waitFor("Resursenheten · Tertialrapport 1 2021 (T1)", timeout: 20)
        try app.waitFor("Startade T1 2021 för Resursenheten, från VP", timeout: 20)
        #expect(try Self.periods(district) == "vp,t1,vb")
        #expect(try district.cluster.psql(database: district.database,
                                          "SELECT login || ': ' || note FROM edit_log WHERE login = 'anna'") == "anna: t1 från vp")
    }

    @Test func aReaderIsToldItMayOnlyRead() throws {
        let district = try Reading.District(generate: nil)
        try district.grant("bertil", "--namnd", Reading.board, "--read")
        let app = try Self.openResursenheten(district, as: "bertil")
        try Self.chooseStartOfT1(app, reader: true)
        try app.send("Enter")
        try app.waitFor("Du har bara läsrätt till Resursenheten: T1 2021 kan inte startas.", timeout: 20)
        #expect(!(try app.screen()).contains("(j/n)"))
        #expect(try Self.periods(district) == "vp,vb")
    }
}
