import Foundation
import PlanKitTestSupport
import Testing

/// The real binary in a real terminal, as a person uses it; the result read back through the CLI.
@Suite("End to end in tmux", .serialized, .temporaryFolders)
struct EndToEndTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }
    /// The app's HOME, inside the test's own folder.
    var home: URL { directory.appendingPathComponent("home") }

    func appCommand(_ arguments: String) -> String {
        "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare '\(Binary.url.path)' --db '\(database)' \(arguments)"
    }

    @Test("Search an enhetsmål, rate it 2, write an analysis with å ä ö, mark an activity a, quit, export")
    func followUpOneGoal() throws {
        try Binary.makeSamples(database)
        let tmux = try TmuxSession(command: appCommand("--unit Resursenheten --year 2021 --period vb"), home: home)
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
            try Binary.makeSamples(database)
            let command = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare '\(Binary.url.path)' --db '\(database)' --unit Resursenheten --year 2021 --period vb"
            let tmux = try TmuxSession(command: command, home: home)
            try tmux.waitFor("Enter Öppna")
            return tmux
        }
        let oneByOne = try session("en-i-taget")
        let together = try session("alla-samtidigt")
        let keys = String(repeating: "j", count: 14) + "kk" + String(repeating: "j", count: 9)
        for key in keys {
            // Each key handled and drawn before the next is typed: every one moves the selection.
            let before = try oneByOne.screen()
            try oneByOne.type(String(key))
            #expect(try oneByOne.waitUntil { try oneByOne.screen() != before }, "the key \(key) changed nothing")
        }
        let expected = try oneByOne.screen()
        try together.type(keys)
        #expect(try together.waitUntil { try together.screen() == expected })
        #expect(try together.screen() != session("oförändrad").screen())
        try oneByOne.send("q")
        try together.send("q")
        #expect(oneByOne.waitUntilExited() && together.waitUntilExited())
    }

    @Test("At 80×24 the plan, the header and the key hints fit; a resize to a tiny window says so")
    func terminalSizes() throws {
        try Binary.makeSamples(database)
        let tmux = try TmuxSession(command: appCommand("--unit resursenheten --period vb"), home: home, width: 80, height: 24)
        let screen = try tmux.waitFor("Enter Öppna")
        #expect(screen.contains("Resursenheten · Verksamhetsberättelse 2021 (VB)"))
        try tmux.run(["resize-window", "-t", tmux.name, "-x", "40", "-y", "10"])
        try tmux.waitFor("Fönstret är för litet.")
        try tmux.run(["resize-window", "-t", tmux.name, "-x", "90", "-y", "26"])
        try tmux.waitFor("Enter Öppna")
        try tmux.send("q")
        #expect(tmux.waitUntilExited())
    }

    /// An interactive shell in tmux, as a person has before and after running the app.
    func shell(width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let tmux = try TmuxSession(command: "env PS1='klar$ ' /bin/sh", home: home, width: width, height: height)
        try tmux.waitFor("klar$")
        return tmux
    }

    @Test("On exit the terminal is given back: the alternate screen left, the cursor shown, the shell usable")
    func terminalRestored() throws {
        try Binary.makeSamples(database)
        let tmux = try shell()
        try tmux.type("\(appCommand("--unit resursenheten --year 2021 --period vb"))")
        try tmux.send("Enter")
        try tmux.waitFor("Enter Öppna")
        // What must be undone was done: the app draws on the alternate screen.
        #expect(try tmux.paneFormat("#{alternate_on}") == "1")
        try tmux.send("e")
        try tmux.waitFor("Esc/Ctrl-S")
        try tmux.send("C-s")
        try tmux.waitFor("e Analys")
        try tmux.send("q")
        #expect(try tmux.waitUntil { try tmux.paneFormat("#{alternate_on} #{cursor_flag}") == "0 1" })
        // The shell's prompt again, then typed text is echoed and Enter ends the line: the
        // terminal is out of raw mode.
        #expect(try tmux.waitUntil { try tmux.screen().components(separatedBy: "klar$").count > 2 })
        try tmux.type("echo tillbaka-$((40+2))")
        try tmux.send("Enter")
        #expect(try tmux.waitUntil { try tmux.screen().split(separator: "\n").contains("tillbaka-42") })
    }

    @Test("TERM=dumb: a Swedish sentence on a terminal left as it was, and a non-zero status")
    func dumbTerminal() throws {
        let tmux = try shell(width: 200)
        let command = appCommand("").replacingOccurrences(of: "TERM=xterm-256color", with: "TERM=dumb")
        // The status printed as "utfall=N", which the typed command line itself does not show.
        try tmux.type("\(command); echo utfall:$? | tr : =")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("utfall=")
        #expect(screen.contains("utfall=1"))
        #expect(screen.contains("Terminalen (TERM=dumb) kan inte flytta markören"))
        #expect(try tmux.paneFormat("#{alternate_on}") == "0")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    /// SGR parameters that set a colour: 30–37, 38;…, 40–47, 48;…, 90–97, 100–107.
    static func colourSequences(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match -> String? in
            let parameters = (text as NSString).substring(with: match.range(at: 1)).split(separator: ";").compactMap { Int($0) }
            let colour = parameters.contains { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
            return colour ? (text as NSString).substring(with: match.range) : nil
        }
    }

    @Test("NO_COLOR and TERM=vt100 show the plan without a single colour; a colour terminal shows colours",
          arguments: [("NO_COLOR=1", "xterm-256color", false), ("", "vt100", false), ("", "xterm-256color", true)])
    func monochrome(setting: String, term: String, coloured: Bool) throws {
        try Binary.makeSamples(database)
        let command = appCommand("--unit resursenheten --year 2021 --period vb")
            .replacingOccurrences(of: "TERM=xterm-256color", with: "\(setting) TERM=\(term)")
        let tmux = try TmuxSession(command: command, home: home)
        try tmux.waitFor("Enter Öppna")
        try tmux.send("j")
        let colours = Self.colourSequences(in: try tmux.screenWithAttributes())
        #expect(colours.isEmpty != coloured, "colour sequences: \(colours.prefix(5))")
        try tmux.send("q")
        #expect(tmux.waitUntilExited())
    }
}
