import Foundation
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The app on a PostgreSQL database opening a handed-in report again with a reason and adding
/// a section of the unit's own, in a real terminal at 80×24 with an empty HOME: both are saved
/// on the server, with their edit log entries.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PostgresPlanningTmuxTests {
    typealias Reading = PostgresReadingTests

    @Test func aHandedInReportIsReopenedAndGetsAnOwnSectionOnTheServer() throws {
        let district = try Reading.District()
        try district.grant("anna", "--unit", Reading.lyktan)
        let plan = "unit_id = '\(Reading.lyktan)' AND year = 2021"
        _ = try district.cluster.psql(database: district.database, """
            INSERT INTO hand_in (unit_id, year, period, login, at, content)
            VALUES ('\(Reading.lyktan)', 2021, 't1', 'cecilia', '2021-05-02T10:00:00.000Z', '[]')
            """)
        let app = try PostgresSavingTmuxTests.openLyktan(district, as: "anna", home: district.folder.appendingPathComponent("home"))
        try app.waitFor("Inlämnad av cecilia 2021-05-02 10:00. Låst: L öppnar den igen", timeout: 20)

        try app.send("L")
        try app.waitFor("Skäl att öppna tertialrapport 1 igen:", timeout: 20)
        try app.type("Fel betyg på ett mål")
        try app.send("Enter")
        try app.waitFor("Tertialrapport 1 är öppnad igen och kan ändras.", timeout: 20)
        #expect(try district.cluster.psql(database: district.database,
                                          "SELECT reopened_by || '|' || reopen_reason FROM hand_in WHERE \(plan) AND period = 't1'")
                == "anna|Fel betyg på ett mål")
        #expect(try district.cluster.psql(database: district.database,
                                          "SELECT note FROM edit_log WHERE \(plan) AND login = 'anna' AND action = 'reopen'")
                == "t1: Fel betyg på ett mål")

        // The last line is a section: a section of the unit's own after it.
        try app.send("End")
        try app.send("+")
        let prompt = try app.waitFor("Nytt eget avsnitt, rubrik:", timeout: 20)
        #expect(!prompt.contains("PostgreSQL"), "refused: \(prompt)")
        try app.type("Samverkan med skolan")
        try app.send("Enter")
        try app.waitFor("lades till", timeout: 20)
        let sections = "SELECT count(*) FROM section WHERE \(plan) AND period = 't1' AND title = 'Samverkan med skolan'"
        #expect(try district.cluster.psql(database: district.database, sections) == "1")
        #expect(try district.cluster.psql(database: district.database, """
            SELECT count(*) FROM edit_log WHERE \(plan) AND login = 'anna' AND field LIKE '%sectionRecord%' AND old_value IS NULL
            """) == "1")
    }
}
