import Foundation
import Testing

/// The real binary in a real terminal, as a person uses it; the result read back through the CLI.
@Suite("End to end in tmux", .serialized)
struct EndToEndTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    func appCommand(_ arguments: String) -> String {
        "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare '\(Binary.url.path)' --db '\(database)' \(arguments)"
    }

    @Test("Search an enhetsmål, rate it 2, write an analysis with å ä ö, mark an activity a, quit, export")
    func followUpOneGoal() throws {
        #expect(try Binary.run(["units", "--db", database]).status == 0)
        let tmux = try TmuxSession(command: appCommand("--unit Resursenheten --year 2021 --period vb"))
        try tmux.waitFor("Resursenheten · Verksamhetsberättelse 2021 (VB)")

        try tmux.send("/")
        try tmux.type("välfungerande arbetsmiljö")
        try tmux.send("Enter")
        try tmux.waitFor("Träff 1 av 1")
        try tmux.send("2")
        try tmux.waitFor("Sparat: Uppfylls delvis")

        try tmux.send("e")
        try tmux.waitFor("Analys – Resursenheten har en välfungerande arbetsmiljö.")
        try tmux.type(" Året präglades av distansarbete; målet nåddes därför bara delvis. Åtgärder följer.")
        try tmux.send("Escape")
        // Back on the plan: its key hints are shown again.
        try tmux.waitFor("e Analys")

        try tmux.send("/")
        try tmux.type("kunskapsspridning")
        try tmux.send("Enter")
        try tmux.waitFor("Träff 1 av")
        try tmux.send("a")
        try tmux.waitFor("Analys – Förvaltningen ska genom regelbunden uppföljning")
        try tmux.type("Uppföljningen av livsmedelsinköpen sköts upp till våren.")
        try tmux.send("C-s")
        try tmux.waitFor("e Analys")

        try tmux.send("q")
        #expect(tmux.waitUntilExited(), "vp-tui should quit on q")

        let export = try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "--format", "json", "--db", database])
        #expect(export.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let plans = try #require(json["plans"] as? [[String: Any]])
        let followUps = try #require(plans.first?["followUps"] as? [[String: Any]])
        func followUp(_ item: String) -> [String: Any]? {
            followUps.first { $0["item"] as? String == item && $0["period"] as? String == "vb" }
        }
        let goal = try #require(followUp("re-2021-em-05"))
        #expect(goal["rating"] as? String == "partly")
        let analysis = try #require(goal["analysis"] as? String)
        #expect(analysis.hasSuffix("Året präglades av distansarbete; målet nåddes därför bara delvis. Åtgärder följer."))
        let activity = try #require(followUp("ha-2021-nm-12-a02"))
        #expect(activity["status"] as? String == "deviation")
        #expect(activity["analysis"] as? String == "Uppföljningen av livsmedelsinköpen sköts upp till våren.")
    }

    @Test("Keys that arrive together, as from a held key, are each handled: one frame for all, the same place")
    func keysTogether() throws {
        func session(_ name: String) throws -> TmuxSession {
            let database = directory.appendingPathComponent("\(name).sqlite").path
            #expect(try Binary.run(["units", "--db", database]).status == 0)
            let command = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare '\(Binary.url.path)' --db '\(database)' --unit Resursenheten --year 2021 --period vb"
            let tmux = try TmuxSession(command: command)
            try tmux.waitFor("Enter Öppna")
            return tmux
        }
        let oneByOne = try session("en-i-taget")
        let together = try session("alla-samtidigt")
        let keys = String(repeating: "j", count: 14) + "kk" + String(repeating: "j", count: 9)
        for key in keys {
            try oneByOne.type(String(key))
            Thread.sleep(forTimeInterval: 0.08)
        }
        try together.type(keys)
        Thread.sleep(forTimeInterval: 0.6)
        let expected = try oneByOne.screen()
        #expect(try together.screen() == expected)
        #expect(try together.screen() != session("oförändrad").screen())
        try oneByOne.send("q")
        try together.send("q")
        #expect(oneByOne.waitUntilExited() && together.waitUntilExited())
    }

    @Test("At 80×24 the plan, the header and the key hints fit; a resize to a tiny window says so")
    func terminalSizes() throws {
        #expect(try Binary.run(["units", "--db", database]).status == 0)
        let tmux = try TmuxSession(command: appCommand("--unit resursenheten --period vb"), width: 80, height: 24)
        let screen = try tmux.waitFor("Enter Öppna")
        #expect(screen.contains("Resursenheten · Verksamhetsberättelse 2021 (VB)"))
        try tmux.run(["resize-window", "-t", tmux.name, "-x", "40", "-y", "10"])
        try tmux.waitFor("Fönstret är för litet.")
        try tmux.run(["resize-window", "-t", tmux.name, "-x", "90", "-y", "26"])
        try tmux.waitFor("Enter Öppna")
        try tmux.send("q")
        #expect(tmux.waitUntilExited())
    }
}
