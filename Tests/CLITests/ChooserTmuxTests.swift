import Foundation
import PlanKitTestSupport
import Testing

/// The chooser in a real terminal at 80×24: filter, start next year's plan and its T1 from it,
/// quit, and `vp-tui` without arguments opens the plan last opened on the default database.
@Suite("The chooser in tmux", .serialized, .temporaryFolders)
struct ChooserTmuxTests {
    let directory = Binary.temporaryDirectory()
    var home: URL { directory.appendingPathComponent("home") }
    /// Where `vp-tui` without --db keeps its database, under the test's HOME.
    var defaultDatabase: String { home.appendingPathComponent(".local/share/vp-tui/plan.sqlite").path }

    func bareCommand() -> String {
        "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare '\(Binary.url.path)'"
    }

    @Test("Filter, start VP 2022 and its T1 from the chooser, quit; bare vp-tui reopens the T1")
    func startFromTheChooserAndReopen() throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let environment = ["HOME": home.path]
        // The default database, made with the samples, and the board's goals for 2022.
        #expect(try Binary.run(["units"], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: defaultDatabase))
        let seed = Binary.repositoryRoot.appendingPathComponent("Tests/PlanTextImportTests/Fixtures/hagersten-alvsjo-vp-2021.txt")
        #expect(try Binary.run(["import-text", seed.path, "--year", "2022"], environment: environment).status == 0)

        var app = try TmuxSession(command: bareCommand(), home: home, width: 80, height: 24)
        var screen = try app.waitFor("Välj enhet, år och period")
        #expect(screen.contains("Resursenheten") && screen.contains("2021  VP  Verksamhetsplan"))
        // Typing filters; a word no unit has leaves nothing, Backspace brings the list back.
        try app.type("resursx")
        try app.waitFor("Ingen enhet, avdelning eller nämnd matchar \"resursx\"")
        // "Filter: resursx" holds "Filter: resurs" too: wait for the list to come back instead.
        try app.send("BSpace")
        #expect(try app.waitUntil(timeout: 30) {
            screen = try app.screen()
            return screen.contains("Filter: resurs") && !screen.contains("resursx")
        })
        #expect(screen.contains("Resursenheten") && screen.contains("1 enhet"))
        // Next year's plan, offered since the board's goals for 2022 are there.
        try app.send("End")
        try app.waitFor("2022  ＋ Starta verksamhetsplan 2022 …")
        try app.send("Enter")
        try app.waitFor("Starta verksamhetsplanen 2022 för Resursenheten?")
        try app.send("j")
        screen = try app.waitFor("Resursenheten · Verksamhetsplan 2022 (VP)")
        // Every own goal found its nämndmål: nothing waits, so no carry-over list opens over the plan.
        #expect(screen.contains("Startade VP 2022 för Resursenheten från 2021"))

        // t: the chooser on the plan on the screen, which now offers T1. The list shown at
        // first may be the one read before VP 2022 started (2021 offers a T1 too); the line of
        // VP 2022 is there only once the list has been read again, and the chooser then stands
        // on it, its T1 right below.
        try app.send("t")
        screen = try app.waitFor("2022  VP  Verksamhetsplan", timeout: 30)
        #expect(screen.contains("＋ Starta T1 (Tertialrapport 1) …"))
        try app.send("Down")
        try app.send("Enter")
        try app.waitFor("Starta tertialrapport 1 (T1) 2022 för Resursenheten?")
        try app.send("j")
        screen = try app.waitFor("Resursenheten · Tertialrapport 1 2022 (T1)")
        #expect(screen.contains("Startade T1 2022 för Resursenheten, från VP"))
        try app.send("t")
        screen = try app.waitFor("T1  Tertialrapport 1")
        try app.waitFor("pågår")
        try app.send("C-c")
        #expect(app.waitUntilExited())

        // Without arguments, the plan last opened on the default database opens again.
        app = try TmuxSession(command: bareCommand(), home: home, width: 80, height: 24)
        try app.waitFor("Resursenheten · Tertialrapport 1 2022 (T1)")
        try app.send("q")
        #expect(app.waitUntilExited())
        let state = home.appendingPathComponent(".local/state/vp-tui/last-plan.json").path
        let attributes = try FileManager.default.attributesOfItem(atPath: state)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
    }
}
