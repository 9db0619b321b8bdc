import Foundation
import Testing
import PlanKit

/// A unit's whole year in the app, in a real terminal of 80×24: VP → T1 → T2 → VB, each handed
/// in with L, then next year's VP from it against the board's 2022 cascade imported from the
/// seed. Ratings, statuses, outcomes, analyses and section texts are typed through the app's
/// keys, the line to work on found with n as a person would; the periods are started and the
/// reports exported on the command line.
@Suite("A year in the app, in tmux at 80×24", .serialized)
struct YearWalkTmuxTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }
    let ref = PlanRef(unitID: "resursenheten", year: 2021)

    func cli(_ arguments: [String]) throws -> Binary.Result {
        try Binary.run(arguments + ["--db", database])
    }

    func unitArgs(_ period: String, year: Int = 2021) -> [String] {
        ["--unit", "resursenheten", "--year", String(year), "--period", period]
    }

    func openApp(_ period: String, year: Int = 2021) throws -> TmuxSession {
        let app = try TmuxSession(command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare "
                                  + "'\(Binary.url.path)' --db '\(database)' " + unitArgs(period, year: year).joined(separator: " "),
                                  home: directory.appendingPathComponent("home"), width: 80, height: 24)
        try app.waitFor("Resursenheten · ")
        return app
    }

    /// The status line (the last but one row).
    func statusLine(_ screen: String) -> String {
        let rows = screen.components(separatedBy: "\n")
        return rows.count >= 23 ? rows[22] : ""
    }

    /// Waits until the status line shows one of the texts.
    @discardableResult
    func waitForStatus(_ app: TmuxSession, _ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var screen = ""
        let shown = try app.waitUntil {
            screen = try app.screen()
            return texts.contains { statusLine(screen).contains($0) }
        }
        if !shown { Issue.record("the status line never showed \(texts):\n\(screen)", sourceLocation: sourceLocation) }
        return screen
    }

    /// Fills every gap of the period through the app's keys: n goes to the next line that lacks
    /// something and says what; the key for that is pressed and the text typed. In T2 a goal's
    /// analysis is copied from T1 with K.
    func fillInApp(_ app: TmuxSession, _ period: ReportPeriod) throws {
        var steps = 0
        while steps < 150 {
            steps += 1
            try app.send("n")
            let screen = try waitForStatus(app, ["saknar något)", Strings.App.nothingMissing])
            let status = statusLine(screen)
            if status.contains(Strings.App.nothingMissing) { break }
            if status.contains(Strings.gap(.goalWithoutRating)) {
                try app.send(period == .t1 ? "2" : "1")
            } else if status.contains(Strings.gap(.goalWithoutAnalysis)) && period == .t2 {
                try app.send("K")
                try waitForStatus(app, ["kopierades in"])
                continue
            } else if status.contains(Strings.gap(.goalWithoutAnalysis)) || status.contains(Strings.gap(.deviationWithoutAnalysis)) {
                try app.send("e")
                try app.waitFor("Esc/Ctrl-S")
                try app.type("Analys i \(Strings.periodName(period)) skriven i appen.")
                try app.send("Escape")
            } else if status.contains(Strings.gap(.activityWithoutStatus)) {
                try app.send("p")
            } else if status.contains(Strings.gap(.indicatorWithoutOutcome)) {
                try app.send("v")
                try app.waitFor("Utfall:")
                try app.type("12,5")
                try app.send("Enter")
            } else if status.contains(Strings.gap(.emptySection)) {
                try app.send("Enter")
                try app.waitFor("Esc/Ctrl-S")
                try app.type("Sammanfattning skriven i appen.")
                try app.send("Escape")
            } else {
                Issue.record("a gap the walk does not know: \(status)")
                return
            }
            try waitForStatus(app, ["Sparat"])
        }
        #expect(try app.screen().components(separatedBy: "\n")[0].contains("Komplett"))
    }

    /// L, the question, j: the report is handed in by testare, and the banner says so.
    func handIn(_ app: TmuxSession, _ period: ReportPeriod) throws {
        try app.send("L")
        try app.waitFor("Den blir skrivskyddad. (j/n)")
        try app.send("j")
        try app.waitFor("lämnades in av testare")
        try app.send("Escape")
        let screen = try app.waitFor("Inlämnad av testare")
        #expect(screen.contains("Låst: vp-tui reopen --reason"))
        // Read-only now: opening a text is refused and says how to open the report again.
        try app.send("Enter")
        try app.waitFor("är inlämnad och kan inte ändras")
    }

    func quit(_ app: TmuxSession) throws {
        try app.send("q")
        #expect(app.waitUntilExited())
    }

    @Test("VP → T1 → T2 → VB handed in through the app, then next year's VP shows what was carried over")
    func wholeYear() throws {
        try #require(TmuxSession.tmuxPath != nil)
        #expect(try cli(["units"]).status == 0)
        let board = try cli(["import-text", YearWalkTests.seeds.appendingPathComponent("hagersten-alvsjo-vp-2021.txt").path, "--year", "2022"])
        #expect(board.status == 0, "\(board.stderr)")

        // The VP is complete: handed in at once.
        var app = try openApp("vp")
        try app.waitFor("Komplett")
        try handIn(app, .vp)
        try quit(app)

        // T1: started, every gap filled through the app's keys, handed in.
        #expect(try cli(["start"] + unitArgs("t1")).status == 0)
        app = try openApp("t1")
        #expect(try app.screen().contains("saknar något"))
        // Handing in while gaps remain lists them instead of asking; Esc closes the list.
        try app.send("L")
        try app.waitFor("Tertialrapport 1 kan inte lämnas in:")
        try app.send("Escape")
        #expect(try app.waitUntil { !(try app.screen().contains("kan inte lämnas in")) })
        try fillInApp(app, .t1)
        try handIn(app, .t1)
        try quit(app)

        // T2: T1's values beside the current ones; the goals' analyses copied from T1 with K.
        #expect(try cli(["start"] + unitArgs("t2")).status == 0)
        app = try openApp("t2")
        try fillInApp(app, .t2)
        try app.send("d")
        try app.waitFor("I T1 (förra perioden)")
        try app.send("Escape")
        try handIn(app, .t2)
        try quit(app)
        let t2 = try PlanStore(path: database, login: "testare").loadPlan(ref)
        #expect(t2.followUp("re-2021-em-01", .t2).analysis == "Analys i T1 skriven i appen.")
        #expect(t2.followUp("re-2021-em-01", .t1).rating == .partly)
        #expect(t2.followUp("re-2021-em-01", .t2).rating == .fully)

        // VB: the samples' VB is written; it is handed in as it stands.
        app = try openApp("vb")
        try app.waitFor("Komplett")
        try handIn(app, .vb)
        try quit(app)
        #expect(try cli(["units"]).stdout.contains("2021: VP inlämnad, T1 inlämnad, T2 inlämnad, VB inlämnad"))

        // Each report in the seed VB's order and headings, with no draft line.
        let contents = try YearWalkTests.seedContents()
        let walk = YearWalkTests()
        for period in ["t1", "t2", "vb"] {
            let report = try cli(["export"] + unitArgs(period) + ["--format", "markdown"])
            #expect(report.status == 0)
            #expect(!report.stdout.contains("Utkast"))
            #expect(walk.headings(report.stdout).filter(contents.contains) == contents, "\(period)")
        }

        // Next year's VP from it; the app shows what was carried over with F.
        let next = try cli(["start"] + unitArgs("vp", year: 2022))
        #expect(next.status == 0, "\(next.stderr)")
        app = try openApp("vp", year: 2022)
        try app.waitFor("Verksamhetsplan 2022 (VP)")
        try app.send("F")
        var screen = try app.waitFor("Det som fördes över")
        #expect(screen.contains("allt är beslutat"))
        #expect(screen.components(separatedBy: "\n").filter { $0.contains("Följde med") && $0.contains("Enhetsmål") }.count == 5)
        try app.send("Enter")
        // Enter shows the carried goal in the plan: the list gives way to the outline.
        #expect(try app.waitUntil { !(try app.screen().contains("Det som fördes över")) })
        #expect(try app.screen().contains("Enhetsmål: "))
        try quit(app)
    }
}
