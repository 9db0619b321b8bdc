import Foundation
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The promise across SSH hosts: the app is killed while a text is being written on one host
/// (its HOME and state folder A), and the same login opens the text on another (HOME B, with no
/// draft file): the draft is offered there, from the server. A suite of its own, for its own
/// cluster.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PostgresDraftsTmuxTests {
    typealias Reading = PostgresReadingTests

    /// The texts of the drafts on the server ("" when none).
    static func serverDrafts(_ district: Reading.District) -> String {
        (try? district.cluster.psql(database: district.database, "SELECT coalesce(string_agg(text, ','), '') FROM draft")) ?? ""
    }

    @Test func draftOfAnAppKilledOnOneHostIsOfferedOnAnother() throws {
        let district = try Reading.District()
        let hostA = district.folder.appendingPathComponent("host-a")
        let hostB = district.folder.appendingPathComponent("host-b")
        let app = try PostgresLostServerTmuxTests.writing(" SKRIVET PA VARD A", district, home: hostA)
        #expect(app.waitUntil(timeout: 20) { Self.serverDrafts(district).hasSuffix(" SKRIVET PA VARD A") }, "\(Self.serverDrafts(district))")
        // The link drops: the app and its terminal are gone, without a word to the server.
        try app.run(["kill-server"], captureOutput: false)

        let again = try PostgresSavingTmuxTests.openLyktan(district, as: "anna", home: hostB)
        try again.send("e")
        try again.waitFor("Det finns ett osparat utkast av den här texten", timeout: 20)
        try again.send("u")
        try again.send("C-s")
        try again.waitFor("Sparat", timeout: 20)
        #expect(try PostgresLostServerTmuxTests.analysis(district).hasSuffix(" SKRIVET PA VARD A"))
        // Saved: the draft is let go of on the server too.
        #expect(again.waitUntil(timeout: 20) { Self.serverDrafts(district) == "" }, "\(Self.serverDrafts(district))")
    }
}
