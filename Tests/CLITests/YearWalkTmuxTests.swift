import Foundation
import Testing
import PlanKit
import PlanKitTestSupport

/// A unit's whole year in the app, in a real terminal of 80×24, in one run of the app: VP → T1 →
/// T2 → VB, each period started from the chooser (t, its "＋ Starta …" line, j) and handed in
/// with L, then next year's VP started the same way against the board's 2022 cascade imported
/// from the seed, and its carry-over list walked. Ratings, statuses, outcomes, analyses and
/// section texts are typed through the app's keys, the line to work on found with n as a
/// person would; the reports are exported on the command line.
///
/// The database starts from the samples without their VB, so that every follow-up period of
/// the year is one the app starts.
@Suite("A year in the app, in tmux at 80×24", .serialized, .temporaryFolders)
struct YearWalkTmuxTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }
    let ref = PlanRef(unitID: "resursenheten", year: 2021)
    /// What the machine may take under load before a screen counts as never shown.
    let timeout: TimeInterval = 30

    func cli(_ arguments: [String], environment: [String: String] = [:]) throws -> Binary.Result {
        try Binary.run(arguments + ["--db", database], environment: environment)
    }

    func unitArgs(_ period: String, year: Int = 2021) -> [String] {
        ["--unit", "resursenheten", "--year", String(year), "--period", period]
    }

    /// The bundled samples with Resursenheten's VB taken out: its plan holds only the VP.
    func samplesWithoutVB() throws -> URL {
        let folder = directory.appendingPathComponent("samples")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bundled = Binary.repositoryRoot.appendingPathComponent("samples")
        try FileManager.default.copyItem(at: bundled.appendingPathComponent("hagersten-alvsjo-2021.json"),
                                         to: folder.appendingPathComponent("hagersten-alvsjo-2021.json"))
        let data = try Data(contentsOf: bundled.appendingPathComponent("resursenheten-2021.json"))
        var file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var plans = try #require(file["plans"] as? [[String: Any]])
        for index in plans.indices {
            plans[index]["periods"] = ["vp"]
            for key in ["followUps", "sections"] {
                let rows = plans[index][key] as? [[String: Any]] ?? []
                plans[index][key] = rows.filter { $0["period"] as? String != "vb" }
            }
        }
        file["plans"] = plans
        try JSONSerialization.data(withJSONObject: file).write(to: folder.appendingPathComponent("resursenheten-2021.json"))
        return folder
    }

    func openApp(_ period: String, year: Int = 2021) throws -> TmuxSession {
        let app = try TmuxSession(command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare "
                                  + "'\(Binary.url.path)' --db '\(database)' " + unitArgs(period, year: year).joined(separator: " "),
                                  home: directory.appendingPathComponent("home"), width: 80, height: 24)
        try app.waitFor("Resursenheten · ", timeout: timeout)
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
        let shown = try app.waitUntil(timeout: timeout) {
            screen = try app.screen()
            return texts.contains { statusLine(screen).contains($0) }
        }
        if !shown { Issue.record("the status line never showed \(texts):\n\(screen)", sourceLocation: sourceLocation) }
        return screen
    }

    /// Waits until one line of the screen holds all the texts.
    @discardableResult
    func waitForLine(_ app: TmuxSession, _ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var screen = ""
        let shown = try app.waitUntil(timeout: timeout) {
            screen = try app.screen()
            return screen.components(separatedBy: "\n").contains { line in texts.allSatisfy(line.contains) }
        }
        if !shown { Issue.record("no line ever showed \(texts):\n\(screen)", sourceLocation: sourceLocation) }
        return screen
    }

    /// Fills every gap of the period through the app's keys: n goes to the next line that lacks
    /// something and says what; the key for that is pressed and the text typed. In T2 a goal's
    /// analysis is copied from T1 with K; in the VB the activities are done.
    func fillInApp(_ app: TmuxSession, _ period: ReportPeriod) throws {
        var steps = 0
        while steps < 300 {
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
                try app.waitFor("Esc/Ctrl-S", timeout: timeout)
                try app.type("Analys i \(Strings.periodName(period)) skriven i appen.")
                try app.send("Escape")
            } else if status.contains(Strings.gap(.activityWithoutStatus)) {
                try app.send(period == .vb ? "g" : "p")
            } else if status.contains(Strings.gap(.indicatorWithoutOutcome)) {
                try app.send("v")
                try app.waitFor("Utfall:", timeout: timeout)
                try app.type("12,5")
                try app.send("Enter")
            } else if status.contains(Strings.gap(.emptySection)) {
                try app.send("Enter")
                try app.waitFor("Esc/Ctrl-S", timeout: timeout)
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
        try app.waitFor("Den blir skrivskyddad. (j/n)", timeout: timeout)
        try app.send("j")
        try app.waitFor("lämnades in av testare", timeout: timeout)
        try app.send("Escape")
        let screen = try app.waitFor("Inlämnad av testare", timeout: timeout)
        #expect(screen.contains("Låst: L öppnar den igen"))
        // Read-only now: opening a text is refused and says how to open the report again.
        try app.send("Enter")
        try app.waitFor("är inlämnad och kan inte ändras", timeout: timeout)
    }

    /// t, then the chooser's start line under the period on the screen, then j: the next period
    /// of the year (or next year's plan after the VB) opens. The chooser is read again on t; the
    /// line of the period on the screen, handed in, is there only once it has been, and the
    /// chooser then stands on it, the start line right below.
    func startNext(_ app: TmuxSession, after period: ReportPeriod, question: String, title: String) throws {
        try app.send("t")
        try waitForLine(app, ["\(Strings.periodName(period))  \(Strings.documentName(period))", "inlämnad"])
        try app.send("Down")
        try app.send("Enter")
        try app.waitFor(question, timeout: timeout)
        try app.send("j")
        try app.waitFor("Resursenheten · \(title)", timeout: timeout)
    }

    @Test("VP → T1 → T2 → VB, each started from the chooser and handed in with L, then next year's VP from the chooser and its carry-over list")
    func wholeYear() throws {
        try #require(TmuxSession.tmuxPath != nil)
        let samples = try samplesWithoutVB()
        #expect(try cli(["import", try Binary.nothingToImport()], environment: ["VP_TUI_SAMPLES": samples.path]).status == 0)
        #expect(try cli(["units"]).stdout.contains("2021: VP komplett, T1 ej påbörjad"))
        // The board's 2022 goals, with the nämndmål above the first own goal worded anew: that
        // goal waits in the carry-over list to be placed.
        let oldPlan = try PlanStore(path: database, login: "testare").loadPlan(ref)
        let parent = try #require(oldPlan.items["re-2021-em-01"]?.parentID.flatMap { oldPlan.items[$0] })
        try NextYearSeed.importFor2022(database: database, directory: directory, rewording: parent.title)

        // The VP is complete: handed in at once.
        let app = try openApp("vp")
        try app.waitFor("Komplett", timeout: timeout)
        try handIn(app, .vp)

        // T1: started from the chooser, every gap filled through the app's keys, handed in.
        try startNext(app, after: .vp, question: "Starta tertialrapport 1 (T1) 2021 för Resursenheten?",
                      title: "Tertialrapport 1 2021 (T1)")
        try waitForStatus(app, ["Startade T1 2021 för Resursenheten, från VP"])
        // Handing in while gaps remain lists them instead of asking; Esc closes the list.
        try app.send("L")
        try app.waitFor("Tertialrapport 1 kan inte lämnas in:", timeout: timeout)
        try app.send("Escape")
        #expect(try app.waitUntil(timeout: timeout) { !(try app.screen().contains("kan inte lämnas in")) })
        try fillInApp(app, .t1)
        try handIn(app, .t1)

        // T2: T1's values beside the current ones; the goals' analyses copied from T1 with K.
        try startNext(app, after: .t1, question: "Starta tertialrapport 2 (T2) 2021 för Resursenheten?",
                      title: "Tertialrapport 2 2021 (T2)")
        try fillInApp(app, .t2)
        try app.send("d")
        try app.waitFor("I T1 (förra perioden)", timeout: timeout)
        // Esc goes back to the outline; L works on both pages alike.
        try app.send("Escape")
        try handIn(app, .t2)
        let t2 = try PlanStore(path: database, login: "testare").loadPlan(ref)
        #expect(t2.followUp("re-2021-em-01", .t2).analysis == "Analys i T1 skriven i appen.")
        #expect(t2.followUp("re-2021-em-01", .t1).rating == .partly)
        #expect(t2.followUp("re-2021-em-01", .t2).rating == .fully)

        // VB: started from the chooser after T2, written through the app, handed in.
        try startNext(app, after: .t2, question: "Starta verksamhetsberättelse (VB) 2021 för Resursenheten?",
                      title: "Verksamhetsberättelse 2021 (VB)")
        try fillInApp(app, .vb)
        try handIn(app, .vb)
        #expect(try cli(["units"]).stdout.contains("2021: VP inlämnad, T1 inlämnad, T2 inlämnad, VB inlämnad"))

        // Next year's VP from the chooser's line under the VB. The carry-over list opens by
        // itself at the goal whose nämndmål was worded anew.
        try startNext(app, after: .vb, question: "Starta verksamhetsplanen 2022 för Resursenheten?", title: "Verksamhetsplan 2022 (VP)")
        let screen = try app.waitFor("Det som fördes över från 2021 – 1 att besluta", timeout: timeout)
        #expect(screen.components(separatedBy: "\n").filter { $0.contains("Följde med") && $0.contains("Enhetsmål") }.count == 4)
        // Enter on it: the nämndmål of 2022 to place it under, the reworded one chosen.
        try app.send("Enter")
        try app.waitFor(Strings.App.placeTitle, timeout: timeout)
        let plan2022 = try PlanStore(path: database, login: "testare").loadPlan(PlanRef(unitID: "resursenheten", year: 2022))
        let goals = plan2022.walk(in: .vp).filter { $0.level == .boardGoal }
        let index = try #require(goals.firstIndex { $0.title == NextYearSeed.newTitle })
        for _ in 0..<index { try app.send("Down") }
        try app.send("Enter")
        try app.waitFor("Det som fördes över från 2021 – allt är beslutat", timeout: timeout)
        // Enter shows the placed goal in the plan: the list gives way to the outline; F opens it again.
        // The carry-over page's own hint line names "? Hjälp" too: wait for the page to go.
        try app.send("Enter")
        #expect(try app.waitUntil(timeout: timeout) { try !app.screen().contains("Det som fördes över") })
        try app.waitFor("? Hjälp", timeout: timeout)
        try app.send("F")
        try app.waitFor("Det som fördes över från 2021 – allt är beslutat", timeout: timeout)
        try app.send("Escape")
        #expect(try app.waitUntil(timeout: timeout) { try !app.screen().contains("Det som fördes över") })
        try app.send("q")
        #expect(app.waitUntilExited(timeout: timeout))

        let placed = try PlanStore(path: database, login: "testare").loadPlan(PlanRef(unitID: "resursenheten", year: 2022))
        let goal = try #require(placed.items.values.first { $0.level == .unitGoal && $0.title.hasPrefix("Gruppen är en tillgång") })
        #expect(placed.items[goal.parentID ?? ""]?.title == NextYearSeed.newTitle)
        #expect(placed.items.values.filter { $0.level == .unitGoal }.count == 5)
        #expect(try cli(["units"]).stdout.contains("2022: VP pågår, T1 ej påbörjad"))

        // Each report in the seed VB's order and headings, with no draft line; T1 and T2 say
        // their ratings are the forecast for the year.
        let contents = try YearWalkTests.seedContents()
        let walk = YearWalkTests()
        for period in ["t1", "t2", "vb"] {
            let report = try cli(["export"] + unitArgs(period) + ["--format", "markdown"])
            #expect(report.status == 0)
            #expect(!report.stdout.contains("Utkast"))
            #expect(walk.headings(report.stdout).filter(contents.contains) == contents, "\(period)")
            #expect(report.stdout.contains("Prognos för helåret") == (period != "vb"), "\(period)")
        }
    }
}
