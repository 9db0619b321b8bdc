import Foundation
import PlanKit
import PlanKitTestSupport
import Testing

/// Interruptions as they happen: the SSH link drops (SIGHUP), the machine or process dies
/// (kill -9), a colleague edits the same text. The typed words must survive each.
@Suite("No word lost, end to end in tmux", .serialized, .temporaryFolders)
struct NoWordLostTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }
    /// The app's HOME, inside the test's own folder.
    var home: URL { directory.appendingPathComponent("home") }

    func appCommand(login: String = "testare") -> String {
        // exec: the pane's process is the app itself, so that a signal sent to it reaches the app.
        "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=\(login) '\(Binary.url.path)' --db '\(database)' --unit resursenheten --year 2021 --period vb"
    }

    /// Opens the analysis editor of "Resursenhetens budget är i balans" (or what it offers first).
    func openBudgetAnalysis(_ tmux: TmuxSession, expecting: String = "Analys – Resursenhetens budget är i balans") throws {
        try tmux.waitFor("e Analys")
        try tmux.send("/")
        try tmux.type("Resursenhetens budget")
        try tmux.send("Enter")
        try tmux.waitFor("Träff 1 av 1")
        try tmux.send("e")
        try tmux.waitFor(expecting)
    }

    func savedAnalysis() throws -> String {
        let export = try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "--db", database])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let followUps = try #require((json["plans"] as? [[String: Any]])?.first?["followUps"] as? [[String: Any]])
        let budget = followUps.first { $0["item"] as? String == "re-2021-em-04" && $0["period"] as? String == "vb" }
        return budget?["analysis"] as? String ?? ""
    }

    /// The drafts of the plan stored for the login "testare", read as another program would.
    func storedDrafts() throws -> [String] {
        let store = try PlanStore(path: database, login: "testare", readOnly: true)
        let ref = PlanRef(unitID: try store.unit(named: "resursenheten").id, year: 2021)
        return try store.drafts(in: ref).map(\.text)
    }

    /// Reopens the app, opens the same analysis and takes the draft it offers.
    func restoreDraft(expecting text: String) throws {
        let tmux = try TmuxSession(command: appCommand(), home: home)
        try openBudgetAnalysis(tmux, expecting: "Det finns ett osparat utkast")
        try tmux.waitFor(String(text.suffix(12)))
        try tmux.send("u")
        try tmux.waitFor("Esc/Ctrl-S")
        try tmux.send("C-s")
        try tmux.waitFor("e Analys")
        try tmux.send("q")
        #expect(tmux.waitUntilExited())
        #expect(try savedAnalysis().hasSuffix(text))
    }

    @Test("The draft survives the session being killed (SIGHUP), without waiting")
    func hangUp() throws {
        try Binary.makeSamples(database)
        let tmux = try TmuxSession(command: appCommand(), home: home)
        try openBudgetAnalysis(tmux)
        try tmux.type(" Skrivet innan länken bröts: åäö.")
        try tmux.waitFor("bröts: åäö.")
        try tmux.run(["kill-session", "-t", tmux.name])
        #expect(tmux.waitUntilExited())
        // The app, told by SIGHUP, stores the draft as it goes (the tmux session is gone already).
        #expect(try tmux.waitUntil { try storedDrafts().contains { $0.hasSuffix("länken bröts: åäö.") } })
        #expect(try !savedAnalysis().contains("länken bröts"))
        try restoreDraft(expecting: "Skrivet innan länken bröts: åäö.")
    }

    @Test("SIGTERM (a shutdown, a kill) keeps what was typed as a draft at once, without waiting for the timer")
    func terminate() throws {
        try Binary.makeSamples(database)
        let tmux = try TmuxSession(command: appCommand(), home: home)
        try openBudgetAnalysis(tmux)
        try tmux.type(" Skrivet före SIGTERM: åäö.")
        try tmux.waitFor("SIGTERM: åäö.")
        let pid = try tmux.paneFormat("#{pane_pid}")
        #expect(kill(pid_t(pid) ?? 0, SIGTERM) == 0)
        #expect(tmux.waitUntilExited())
        #expect(try storedDrafts().contains { $0.hasSuffix("Skrivet före SIGTERM: åäö.") })
        #expect(try !savedAnalysis().contains("före SIGTERM"))
        try restoreDraft(expecting: "Skrivet före SIGTERM: åäö.")
    }

    @Test("After kill -9, reopening loses nothing typed more than a second before it")
    func killNine() throws {
        try Binary.makeSamples(database)
        let tmux = try TmuxSession(command: appCommand(), home: home)
        try openBudgetAnalysis(tmux)
        try tmux.type(" Skrivet före kraschen.")
        try tmux.waitFor("före kraschen.")
        // The draft is stored within a second of typing, with no key pressed after it.
        #expect(try tmux.waitUntil(timeout: 1.5) { try storedDrafts().contains { $0.hasSuffix("Skrivet före kraschen.") } })
        let pid = try tmux.paneFormat("#{pane_pid}")
        #expect(kill(pid_t(pid) ?? 0, SIGKILL) == 0)
        #expect(tmux.waitUntilExited())
        // The database is whole: SQLite's integrity check passes and the plan reads back.
        #expect(try PlanStore(path: database, login: "testare").integrityProblems().isEmpty)
        #expect(try Binary.run(["check", "--unit", "resursenheten", "--year", "2021", "--period", "vb", "--db", database]).status == 0)
        try restoreDraft(expecting: "Skrivet före kraschen.")
    }

    @Test("Two sessions on one database: the second to save gets the conflict prompt, not a lost edit")
    func twoSessions() throws {
        try Binary.makeSamples(database)
        let anna = try TmuxSession(command: appCommand(login: "anna"), home: home)
        try openBudgetAnalysis(anna)
        let bertil = try TmuxSession(command: appCommand(login: "bertil"), home: home)
        try bertil.waitFor("Öppen även av anna@")
        try openBudgetAnalysis(bertil)
        try bertil.type(" Bertils tillägg.")
        try bertil.send("C-s")
        try bertil.waitFor("e Analys")

        try anna.type(" Annas tillägg.")
        try anna.send("C-s")
        try anna.waitFor("bertil sparade en ändring av texten")
        try anna.waitFor("Sparad text (av bertil)")
        #expect(try savedAnalysis().hasSuffix("Bertils tillägg."))
        try anna.send("s")
        try anna.waitFor("--- Sparat av bertil ---")
        try anna.send("C-s")
        try anna.waitFor("e Analys")
        let saved = try savedAnalysis()
        #expect(saved.contains("Annas tillägg.") && saved.contains("Bertils tillägg."))
        try anna.send("q")
        try bertil.send("q")
        #expect(anna.waitUntilExited() && bertil.waitUntilExited())
        // After both have quit, the stored text holds each addition exactly once.
        let final = try savedAnalysis()
        #expect(final.components(separatedBy: "Annas tillägg.").count == 2, "\(final)")
        #expect(final.components(separatedBy: "Bertils tillägg.").count == 2, "\(final)")
    }

    @Test("$VISUAL: the file ends with a newline and comes back without it, the cursor at the end; a missing editor is said")
    func externalEditor() throws {
        try Binary.makeSamples(database)
        // An "editor" that adds a line, as a person would at the end of the file.
        let script = directory.appendingPathComponent("lägg-till.sh")
        try "#!/bin/sh\nprintf 'Rad från editorn.\\n' >> \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        let command = appCommand().replacingOccurrences(of: "USER=testare", with: "USER=testare VISUAL='\(script.path)'")
        let tmux = try TmuxSession(command: command, home: home)
        try openBudgetAnalysis(tmux)
        let before = try savedAnalysis()
        try tmux.send("C-e")
        try tmux.waitFor("Rad från editorn.")
        // The next typing lands at the end, after the editor's line.
        try tmux.type(" Sist.")
        try tmux.waitFor("editorn. Sist.")
        try tmux.send("C-s")
        try tmux.waitFor("e Analys")
        try tmux.send("q")
        #expect(tmux.waitUntilExited())
        #expect(try savedAnalysis() == before + "\nRad från editorn. Sist.")

        let missing = appCommand().replacingOccurrences(of: "USER=testare", with: "USER=testare VISUAL=/finns/inte/editor")
        let again = try TmuxSession(command: missing, home: home)
        try openBudgetAnalysis(again)
        try again.send("C-e")
        try again.waitFor("Den externa editorn gick inte att starta")
        try again.send("C-s")
        try again.waitFor("e Analys")
        try again.send("q")
        #expect(again.waitUntilExited())
    }
}
