import Foundation
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The server goes away while a text is being written in the app (80×24, empty HOME): the
/// person is told, the text is kept as a draft on this computer, a save is refused in words
/// and made when the server is back, with the conflict prompt when someone else saved the
/// text meanwhile. A suite of its own: it stops and starts its cluster's server.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PostgresLostServerTmuxTests {
    typealias Reading = PostgresReadingTests
    static let goal = PostgresSavingTmuxTests.goal

    static func analysis(_ district: Reading.District) throws -> String {
        try district.cluster.psql(database: district.database, """
            SELECT analysis FROM follow_up WHERE unit_id = '\(Reading.lyktan)' AND item_id = '\(goal)' AND period = 't1'
            """)
    }

    /// The drafts file under HOME, as it is now ("" when there is none).
    static func drafts(_ home: URL) -> String {
        (try? String(contentsOf: home.appendingPathComponent(".local/state/vp-tui/server-drafts.json"), encoding: .utf8)) ?? ""
    }

    /// Anna's app with the goal's analysis open in the editor and `typed` written at its end.
    static func writing(_ typed: String, _ district: Reading.District, home: URL) throws -> TmuxSession {
        try district.grant("anna", "--unit", Reading.lyktan)
        let app = try PostgresSavingTmuxTests.openLyktan(district, as: "anna", home: home)
        try app.send("e")
        try app.waitFor("Esc/Ctrl-S Spara och stäng", timeout: 20)
        try app.type(typed)
        try app.waitFor(typed.trimmingCharacters(in: .whitespaces), timeout: 20)
        return app
    }

    @Test func draftIsKeptWhileTheServerIsGoneAndSavedWhenItIsBack() throws {
        let district = try Reading.District()
        let home = district.folder.appendingPathComponent("home")
        let app = try Self.writing(" FORE", district, home: home)

        try district.cluster.stopServer()
        try app.waitFor("Förbindelsen med databasen bröts: det du skriver sparas på den här datorn.", timeout: 20)
        try app.type(" UNDER")
        #expect(app.waitUntil(timeout: 20) { Self.drafts(home).contains("FORE UNDER") }, "\(Self.drafts(home))")
        try app.send("C-s")
        try app.waitFor("Databasen svarar inte: inget sparat än. Sparas när den svarar igen.", timeout: 20)

        try district.cluster.startServer()
        let saved = try app.waitFor("Sparat", timeout: 20)
        #expect(!saved.contains("Esc/Ctrl-S"), "the editor closed: \(saved)")
        #expect(try Self.analysis(district).hasSuffix(" FORE UNDER"))
        #expect(!Self.drafts(home).contains("FORE UNDER"), "the saved text's draft is gone")
    }

    @Test func draftOutlivesTheAppAndIsOfferedWhenTheTextIsOpenedAgain() throws {
        let district = try Reading.District()
        let home = district.folder.appendingPathComponent("home")
        let app = try Self.writing(" FORE", district, home: home)
        try district.cluster.stopServer()
        try app.waitFor("Förbindelsen med databasen bröts", timeout: 20)
        try app.type(" KVAR")
        try app.send("C-c")
        try app.waitFor("utgång 0", timeout: 20)
        #expect(Self.drafts(home).contains("FORE KVAR"))

        try district.cluster.startServer()
        let again = try PostgresSavingTmuxTests.openLyktan(district, as: "anna", home: home)
        try again.send("e")
        // The draft's end lies below the screen's part of the text: the saved text shows it.
        try again.waitFor("Det finns ett osparat utkast av den här texten", timeout: 20)
        try again.send("u")
        try again.send("C-s")
        try again.waitFor("Sparat", timeout: 20)
        #expect(try Self.analysis(district).hasSuffix(" FORE KVAR"))
    }

    @Test func aRatingWhileTheServerIsGoneIsRefusedAndSavedOnceItIsBack() throws {
        let district = try Reading.District()
        try district.grant("anna", "--unit", Reading.lyktan)
        let app = try PostgresSavingTmuxTests.openLyktan(district, as: "anna", home: district.folder.appendingPathComponent("home"))
        try district.cluster.stopServer()
        try app.waitFor("Förbindelsen med databasen bröts", timeout: 20)
        try app.send("3")
        try app.waitFor("Databasen svarar inte: inget sparat. Försök igen när den svarar.", timeout: 20)
        #expect(!(try app.screen()).contains("● Inte"))

        try district.cluster.startServer()
        try app.waitFor("Databasen svarar igen.", timeout: 20)
        try app.send("3")
        try app.waitFor("Sparat: Uppfylls inte", timeout: 20)
        #expect(try PostgresSavingTmuxTests.rating(district) == "not")
    }

    @Test func someoneSavedMeanwhileGivesTheConflictPrompt() throws {
        let district = try Reading.District()
        let home = district.folder.appendingPathComponent("home")
        let app = try Self.writing(" MIN", district, home: home)
        try district.cluster.psql(database: district.database, """
            UPDATE follow_up SET analysis = 'DERAS TEXT', revision = revision + 1
            WHERE unit_id = '\(Reading.lyktan)' AND item_id = '\(Self.goal)' AND period = 't1'
            """)

        try district.cluster.stopServer()
        try app.waitFor("Förbindelsen med databasen bröts", timeout: 20)
        try app.send("C-s")
        try app.waitFor("Databasen svarar inte: inget sparat än.", timeout: 20)

        try district.cluster.startServer()
        let prompt = try app.waitFor("medan du skrev. Inget är överskrivet.", timeout: 20)
        #expect(prompt.contains("DERAS TEXT") && prompt.contains("m Behåll min"), "\(prompt)")
        #expect(try Self.analysis(district) == "DERAS TEXT")
        #expect(Self.drafts(home).contains(" MIN"), "the unsaved text is kept as a draft")
    }
}
