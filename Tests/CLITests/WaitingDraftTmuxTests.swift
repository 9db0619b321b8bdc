import Foundation
import PlanKit
import PlanKitTestSupport
import Testing

/// The terminal is gone while a text is being written (a dropped SSH link): the next app on the
/// plan says on its status line that a draft is waiting, and where.
@Suite("A waiting draft said at start, in tmux", .serialized, .temporaryFolders)
struct WaitingDraftTmuxTests {
    let directory = Binary.temporaryDirectory()

    private func open(_ database: String) throws -> TmuxSession {
        try TmuxSession(command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare '\(Binary.url.path)' "
                        + "--db '\(database)' --unit Resursenheten --year 2021 --period vb",
                        home: directory.appendingPathComponent("home"), width: 160, height: 30)
    }

    @Test("A draft left by a killed terminal is said on the status line of the next start")
    func saidAtStart() throws {
        let database = directory.appendingPathComponent("plan.sqlite").path
        try Binary.makeSamples(database)
        let first = try open(database)
        try first.waitFor("Resursenheten · Verksamhetsberättelse 2021 (VB)", timeout: 20)
        try first.send("/")
        try first.type("Gruppen är en tillgång")
        try first.send("Enter")
        try first.waitFor("Träff 1 av", timeout: 20)
        try first.send("e")
        try first.waitFor("Esc/Ctrl-S Spara och stäng", timeout: 20)
        try first.type(" SKRIVET FORE AVBROTTET")
        let store = try PlanStore(path: database, login: "testare")
        let ref = PlanRef(unitID: "resursenheten", year: 2021)
        #expect(first.waitUntil(timeout: 20) { (try? store.drafts(in: ref))?.first?.text.hasSuffix("SKRIVET FORE AVBROTTET") == true })
        // The link drops: the app and its terminal are gone without a word.
        try first.run(["kill-server"], captureOutput: false)

        let second = try open(database)
        try second.waitFor("Ett osparat utkast väntar i ”Gruppen", timeout: 20)
    }
}
