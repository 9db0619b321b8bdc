import Foundation
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The app on PostgreSQL reads what it shows: a board's reader sees in the chooser a report
/// that another login hands in, while the chooser is on the screen and when it comes back to
/// it; the board's table, read when it opens, lists every unit with its counts (80×24), and a
/// unit's manager the units it may read.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PostgresChooserNewsTmuxTests {
    typealias Reading = PostgresReadingTests

    /// The chooser's line of Förskolan Lyktan's T1 on the screen, if shown.
    static func lyktanT1(_ screen: String) -> String? {
        let lines = screen.components(separatedBy: "\n")
        guard let unit = lines.firstIndex(where: { $0.contains("Förskolan Lyktan") }) else { return nil }
        return lines[(unit + 1)...].first { $0.contains("T1") }
    }

    /// Waits until Lyktan's T1 line in the chooser says `state`.
    static func waitForLyktanT1(_ app: TmuxSession, _ state: String) throws {
        let shown = app.waitUntil(timeout: 20) { lyktanT1((try? app.screen()) ?? "")?.contains(state) == true }
        #expect(shown, "\((try? app.screen()) ?? "")")
    }

    /// The chooser filtered to Förskolan Lyktan, with its T1 complete and not handed in.
    static func chooserOnLyktan(_ app: TmuxSession) throws {
        try app.waitFor("Välj enhet, år och period", timeout: 20)
        try app.type("Lyktan")
        try waitForLyktanT1(app, "komplett")
    }

    /// Anna hands in Lyktan's T1 on the server.
    static func annaHandsIn(_ district: Reading.District) throws {
        let anna = try PostgresSavingTmuxTests.openLyktan(district, as: "anna", home: district.folder.appendingPathComponent("anna"))
        try anna.send("L")
        try anna.waitFor("Lämna in tertialrapport 1 för 2021? Den blir skrivskyddad. (j/n)", timeout: 20)
        try anna.send("j")
        try anna.waitFor("lämnades in av anna", timeout: 20)
    }

    @Test func aHandInShowsInTheChooserOnTheScreen() throws {
        let district = try Reading.District()
        try district.grant("anna", "--unit", Reading.lyktan)
        try district.grant("bertil", "--namnd", Reading.board, "--read")
        let bertil = try PostgresAppTmuxTests.app("--db '\(district.url("bertil"))'", home: district.folder.appendingPathComponent("bertil"))
        try Self.chooserOnLyktan(bertil)

        try Self.annaHandsIn(district)
        // No key: the server's announcement brings it.
        try Self.waitForLyktanT1(bertil, "inlämnad")
    }

    @Test func aHandInShowsWhenTheChooserIsShownAgain() throws {
        let district = try Reading.District()
        try district.grant("anna", "--unit", Reading.lyktan)
        try district.grant("bertil", "--namnd", Reading.board, "--read")
        // Bertil reads another unit's plan while the hand-in is made.
        let bertil = try PostgresAppTmuxTests.app("--db '\(district.url("bertil"))' --unit \(Reading.myran) --year 2021 --period vp",
                                                  home: district.folder.appendingPathComponent("bertil"))
        try bertil.waitFor("Förskolan Myran · Verksamhetsplan 2021", timeout: 20)
        try bertil.send("t")
        try Self.chooserOnLyktan(bertil)
        try bertil.send("Escape")
        try bertil.send("Escape")
        try bertil.waitFor("Förskolan Myran · Verksamhetsplan 2021", timeout: 20)

        try Self.annaHandsIn(district)
        try bertil.send("t")
        try bertil.waitFor("Välj enhet, år och period", timeout: 20)
        try bertil.type("Lyktan")
        try Self.waitForLyktanT1(bertil, "inlämnad")
    }

    /// The app as `login` on Lyktan's T1; the chooser opens on the plan on the screen, and
    /// Ctrl-N there opens its board's table (awaited by the caller, whose rows differ).
    static func boardTableFromLyktan(_ district: Reading.District, as login: String) throws -> TmuxSession {
        let app = try PostgresAppTmuxTests.app("--db '\(district.url(login))' --unit \(Reading.lyktan) --year 2021 --period t1",
                                               home: district.folder.appendingPathComponent(login))
        try app.waitFor("Förskolan Lyktan · Tertialrapport 1 2021 (T1)", timeout: 20)
        try app.send("t")
        try app.waitFor("Välj enhet, år och period", timeout: 20)
        try app.send("C-n")
        return app
    }

    @Test func theBoardsTableIsReadWhenItOpens() throws {
        let district = try Reading.District()
        try district.grant("bertil", "--namnd", Reading.board, "--read")
        let status = try Binary.run(["status", "--namnd", Reading.board, "--year", "2021", "--period", "t1", "--format", "json",
                                     "--db", district.file])
        let lines = try #require((try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["lines"]
            as? [[String: Any]])
        let bertil = try Self.boardTableFromLyktan(district, as: "bertil")
        let screen = try bertil.waitFor(" klara · ", timeout: 20)
        #expect(lines.count == 4)
        for line in lines {
            let name = try #require(line["unit"] as? String)
            #expect(screen.contains(String(name.prefix(12))), "\(name) missing: \(screen)")
        }
        // The counts are the file's: every unit's plan was read, not only its row in the list.
        let done = lines.filter { ($0["gaps"] as? Int) == 0 }.count
        let gaps = lines.compactMap { $0["gaps"] as? Int }.reduce(0, +)
        #expect(screen.contains("\(done) av 4 klara · \(gaps) saknas"), "\(screen)")
    }

    @Test func aManagersBoardTableShowsTheUnitsItMayRead() throws {
        let district = try Reading.District()
        try district.grant("anna", "--unit", Reading.lyktan)
        let anna = try Self.boardTableFromLyktan(district, as: "anna")
        // Her own unit only: the others' plans, which she may not read, are not told as missing.
        let screen = try anna.waitFor(" av 1 klara · ", timeout: 20)
        #expect(screen.contains("Förskolan Lyktan"), "\(screen)")
        #expect(!screen.contains("ingen plan"), "\(screen)")
    }
}
