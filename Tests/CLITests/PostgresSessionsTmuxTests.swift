import Foundation
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// Who-is-editing on PostgreSQL in the app (80×24, empty HOME): two logins in one plan see
/// each other on the status line, and the one who stays sees the other leave.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PostgresSessionsTmuxTests {
    typealias Reading = PostgresReadingTests

    @Test func twoLoginsInOnePlanSeeEachOther() throws {
        let district = try Reading.District()
        try district.grant("anna", "--unit", Reading.lyktan)
        try district.grant("bertil", "--unit", Reading.lyktan)
        let anna = try PostgresSavingTmuxTests.openLyktan(district, as: "anna", home: district.folder.appendingPathComponent("anna"))
        let bertil = try PostgresSavingTmuxTests.openLyktan(district, as: "bertil", home: district.folder.appendingPathComponent("bertil"))
        try bertil.waitFor("Öppen även av anna@", timeout: 20)
        // Anna hears of Bertil from the server, well before her next heartbeat.
        try anna.waitFor("Öppen även av bertil@", timeout: 15)

        try bertil.send("C-c")
        try bertil.waitFor("utgång 0", timeout: 20)
        #expect(anna.waitUntil(timeout: 20) { !((try? anna.screen()) ?? "").contains("Öppen även av") }, "\((try? anna.screen()) ?? "")")
    }
}
