import Foundation
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The app saving on a PostgreSQL database, in a real terminal at 80×24 with an empty HOME:
/// a unit's writer saves, undoes and redoes on the server; a reader's plan stays read-only and
/// says why; what the server does not take yet is refused; another session's save shows within
/// a second.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PostgresSavingTmuxTests {
    typealias Reading = PostgresReadingTests
    /// The first own goal of Förskolan Lyktan in the generated district, where T1 opens.
    static let goal = "e001-2021-em-05"

    static func openLyktan(_ district: Reading.District, as login: String, home: URL) throws -> TmuxSession {
        let app = try PostgresAppTmuxTests.app("--db '\(district.url(login))' --unit \(Reading.lyktan) --year 2021 --period t1",
                                               home: home)
        try app.waitFor("Förskolan Lyktan · Tertialrapport 1 2021 (T1)", timeout: 20)
        return app
    }

    /// The goal's rating in T1 as the server holds it.
    static func rating(_ district: Reading.District) throws -> String {
        try district.cluster.psql(database: district.database, """
            SELECT rating FROM follow_up WHERE unit_id = '\(Reading.lyktan)' AND item_id = '\(goal)' AND period = 't1'
            """)
    }

    @Test func writerSavesUndoesAndRedoesOnTheServer() throws {
        let district = try Reading.District()
        try district.grant("anna", "--unit", Reading.lyktan)
        #expect(try Self.rating(district) == "partly")
        let app = try Self.openLyktan(district, as: "anna", home: district.folder.appendingPathComponent("home"))
        #expect(!(try app.screen()).contains("kan inte sparas"))

        try app.send("3")
        let saved = try app.waitFor("Sparat: Uppfylls inte", timeout: 20)
        #expect(saved.contains("● Inte"), "\(saved)")
        #expect(try Self.rating(district) == "not")
        let logged = try district.cluster.psql(database: district.database,
                                               "SELECT login, new_value FROM edit_log WHERE login = 'anna' ORDER BY id")
        #expect(logged == #"anna|{"rating":{"_0":"not"}}"#)

        try app.send("u")
        let undone = try app.waitFor("Ångrat", timeout: 20)
        #expect(undone.contains("● Delvis"), "\(undone)")
        #expect(try Self.rating(district) == "partly")
        try app.send("C-r")
        try app.waitFor("Gjort om", timeout: 20)
        #expect(try Self.rating(district) == "not")
    }

    @Test func readerSeesItsPlanReadOnlyAndWhy() throws {
        let district = try Reading.District()
        try district.grant("bertil", "--namnd", Reading.board, "--read")
        let app = try Self.openLyktan(district, as: "bertil", home: district.folder.appendingPathComponent("home"))
        try app.waitFor("Läsrätt i PostgreSQL-databasen: ändringar i den här planen kan inte sparas.", timeout: 20)
        try app.send("3")
        // The help comes after the key was taken: the rating key has been answered by then.
        try app.send("?")
        try app.waitFor("Nästa eller föregående sak som saknas", timeout: 20)
        #expect(try Self.rating(district) == "partly")
        #expect(try district.cluster.psql(database: district.database, "SELECT count(*) FROM edit_log WHERE login = 'bertil'") == "0")
    }

    @Test func aReportIsHandedInOnTheServer() throws {
        let district = try Reading.District()
        try district.grant("anna", "--unit", Reading.lyktan)
        let handIns = "SELECT count(*) FROM hand_in WHERE unit_id = '\(Reading.lyktan)' AND year = 2021 AND period = 't1' AND login = 'anna'"
        let app = try Self.openLyktan(district, as: "anna", home: district.folder.appendingPathComponent("home"))
        try app.send("L")
        try app.waitFor("Lämna in tertialrapport 1 för 2021? Den blir skrivskyddad. (j/n)", timeout: 20)
        #expect(try district.cluster.psql(database: district.database, handIns) == "0")
        try app.send("j")
        try app.waitFor("lämnades in av anna", timeout: 20)
        #expect(try district.cluster.psql(database: district.database, handIns) == "1")
        // The copy holds the hand-in: L now asks why it is to be opened again, and Esc leaves it
        // handed in, which the line at the bottom says.
        try app.send("L")
        try app.waitFor("Skäl att öppna tertialrapport 1 igen:", timeout: 20)
        try app.send("Escape")
        try app.waitFor("Inlämnad av anna", timeout: 20)
    }

    @Test func anItemIsAddedAndDeletedOnTheServer() throws {
        let district = try Reading.District()
        try district.grant("anna", "--unit", Reading.lyktan)
        let items = "SELECT count(*) FROM item WHERE unit_id = '\(Reading.lyktan)'"
        let named = "SELECT count(*) FROM item WHERE unit_id = '\(Reading.lyktan)' AND title = 'En ny aktivitet på servern'"
        let before = try district.cluster.psql(database: district.database, items)
        let app = try PostgresAppTmuxTests.app("--db '\(district.url("anna"))' --unit \(Reading.lyktan) --year 2021 --period vp",
                                               home: district.folder.appendingPathComponent("home"))
        try app.waitFor("Förskolan Lyktan · Verksamhetsplan 2021", timeout: 20)
        try app.send("+")
        // The VP opens on the unit's own goal: an activity under it.
        let prompt = try app.waitFor("Ny aktivitet:", timeout: 20)
        #expect(!prompt.contains("Nya, borttagna och flyttade mål"), "refused: \(prompt)")
        try app.type("En ny aktivitet på servern")
        try app.send("Enter")
        #expect(app.waitUntil(timeout: 20) { (try? district.cluster.psql(database: district.database, named)) == "1" })
        try app.waitFor("Sparat", timeout: 20)

        try app.send("DC")
        try app.waitFor("Ta bort \"En ny aktivitet på servern\"", timeout: 20)
        try app.send("j")
        #expect(app.waitUntil(timeout: 20) { (try? district.cluster.psql(database: district.database, named)) == "0" })
        #expect(try district.cluster.psql(database: district.database, items) == before)
        #expect(app.waitUntil(timeout: 20) { !((try? app.screen()) ?? "").contains("En ny aktivitet på servern") })
    }

    @Test func anotherSessionsSaveShowsWithoutAKey() throws {
        let district = try Reading.District()
        try district.grant("anna", "--unit", Reading.lyktan)
        try district.grant("cecilia", "--unit", Reading.lyktan)
        let anna = try Self.openLyktan(district, as: "anna", home: district.folder.appendingPathComponent("anna"))
        let cecilia = try Self.openLyktan(district, as: "cecilia", home: district.folder.appendingPathComponent("cecilia"))
        // Anna's app listens from the start; it has shown its first screen and sent no key since.
        try anna.waitFor("● Delvis", timeout: 20)
        #expect(!(try anna.screen()).contains("Uppdaterad med ändringar"))
        try cecilia.send("3")
        try cecilia.waitFor("Sparat: Uppfylls inte", timeout: 20)
        let seen = try anna.waitFor("Uppdaterad med ändringar från en annan session.", timeout: 20)
        #expect(seen.contains("● Inte") && !seen.contains("● Delvis"), "\(seen)")
    }
}
