import Foundation
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The server goes silent while a text is being written (frozen with SIGSTOP: the connection
/// stays open and nothing answers, as when a network goes down without a reset): the app tells
/// within seconds, without a save having to wait for it, keeps the text as a draft on this
/// computer and refuses a save at once. A suite of its own: it freezes its cluster's server.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PostgresSilentServerTmuxTests {
    typealias Lost = PostgresLostServerTmuxTests

    @Test func aSilentServerIsToldWithinSecondsAndTheTextKeptHere() throws {
        let district = try PostgresReadingTests.District()
        let home = district.folder.appendingPathComponent("home")
        let app = try Lost.writing(" FORE", district, home: home)

        try district.cluster.pauseServer()
        var resumed = false
        defer { if !resumed { try? district.cluster.resumeServer() } }
        // Within ten seconds of the freeze, with no key pressed.
        try app.waitFor("Förbindelsen med databasen bröts: det du skriver sparas på den här datorn.", timeout: 10)
        try app.type(" TYST")
        #expect(app.waitUntil(timeout: 20) { Lost.drafts(home).contains("FORE TYST") }, "\(Lost.drafts(home))")
        let saving = Date()
        try app.send("C-s")
        try app.waitFor("Databasen svarar inte: inget sparat än. Sparas när den svarar igen.", timeout: 20)
        #expect(Date().timeIntervalSince(saving) < 5, "the save waited for the silent server")

        try district.cluster.resumeServer()
        resumed = true
        let saved = try app.waitFor("Sparat", timeout: 30)
        #expect(!saved.contains("Esc/Ctrl-S"), "the editor closed: \(saved)")
        #expect(try Lost.analysis(district).hasSuffix(" FORE TYST"))
    }
}
