import Foundation
import GRDB
import PlanKit
@testable import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// An import into PostgreSQL while others work: a row someone changed after the import read it
/// has the import read and run again instead of writing over it, a unit's text written
/// meanwhile stays, and the sessions showing the board's plans hear of the import and show it.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct CascadeImportMeanwhileTests {
    static let renamed = "En modern storstad för alla"

    static func renamedCascade() throws -> InterchangeFile {
        try CascadeImportTests.sampleCascade {
            $0.replacingOccurrences(of: "En modern storstad med möjligheter och valfrihet för alla", with: renamed)
        }
    }

    @Test func aRowChangedMeanwhileIsReadAgainAndAUnitsTextStays() throws {
        let samples = try CascadeImportTests.Samples(admin: "lars", writer: "maja")
        let maja = try PostgresDatabase.open(try samples.address("maja"))
        let owner = try PostgresDatabase.open(try samples.address())
        let followUp = try owner.run("SELECT item_id, period FROM follow_up WHERE unit_id = 'resursenheten' ORDER BY item_id, period LIMIT 1").values[0]
        let file = try Self.renamedCascade()
        var runs = 0
        try PostgresImport.run(try samples.address("lars"), years: file.boardYears) { store in
            runs += 1
            if runs == 1 {
                // After the import read the board's year: the goal it renames, and the unit's analysis.
                #expect(try owner.run("UPDATE item SET comment = 'Under tiden' WHERE id = 'ha-2021-kf-1'").changed == 1)
                #expect(try maja.run("UPDATE follow_up SET analysis = 'Skrivet under tiden' WHERE unit_id = 'resursenheten' "
                                     + "AND item_id = $1 AND period = $2", followUp).changed == 1)
            }
            return try store.importDecoded([("plan.json", file)])
        }
        #expect(runs == 2)
        #expect(try owner.run("SELECT title FROM item WHERE id = 'ha-2021-kf-1'").single == .text(Self.renamed))
        #expect(try owner.run("SELECT analysis FROM follow_up WHERE unit_id = 'resursenheten' AND item_id = $1 AND period = $2",
                              followUp).single == .text("Skrivet under tiden"))
        #expect(try owner.run("SELECT count(*) FROM edit_log WHERE login = 'lars'").single == .integer(1))
    }

    @Test func sessionsShowingTheBoardsPlansHearOfTheImport() throws {
        let samples = try CascadeImportTests.Samples(admin: "nora", writer: "olof")
        let olof = try PostgresDatabase.open(try samples.address("olof"))
        let heard = Heard()
        let channel = PostgresChannels.unit("resursenheten")
        try PostgresChannels.listen(units: ["resursenheten"], on: olof) { payload, _ in heard.add(payload) }
        try olof.run("SELECT pg_notify($1, 'lyssnar')", [.text(channel)])
        try ChangeNotificationTests.waitUntil { heard.payloads == ["lyssnar"] }
        let file = try Self.renamedCascade()
        try PostgresImport.run(try samples.address("nora"), years: file.boardYears) { store in
            try store.importDecoded([("plan.json", file)])
        }
        try ChangeNotificationTests.waitUntil { heard.payloads.count == 2 }
        #expect(heard.payloads == ["lyssnar", "cascade:resursenheten/2021"])
    }

    @Test func aPlanOnTheScreenShowsTheImportedCascadeAndAPlanHeldShowsItWhenOpenedAgain() throws {
        let samples = try CascadeImportTests.Samples(admin: "rut", writer: "sven")
        let address = try samples.address("sven")
        let copy = try PostgresSnapshot.chooser(address).store
        let server = try PostgresPlanServer(address: address, store: copy)
        let plan = PlanRef(unitID: "resursenheten", year: 2021)
        try server.bringIn(plan)
        server.watch(plan)
        try samples.importOnServer(try Self.renamedCascade(), as: "rut")
        try ChangeNotificationTests.waitUntil { server.takeOthersChanged() }
        #expect(try Self.title(in: copy) == Self.renamed)

        // Not on the screen when the board's next import came: read with it when opened again.
        server.watch(nil)
        try samples.importOnServer(try CascadeImportTests.sampleCascade { $0 }, as: "rut")
        try ChangeNotificationTests.waitUntil { server.reading.with { $0.stale.contains(plan) } }
        #expect(try Self.title(in: copy) == Self.renamed)
        try server.bringIn(plan)
        #expect(try Self.title(in: copy) == "En modern storstad med möjligheter och valfrihet för alla")
    }

    static func title(in copy: PlanStore) throws -> String? {
        try copy.queue.read { try String.fetchOne($0, sql: "SELECT title FROM item WHERE id = 'ha-2021-kf-1'") }
    }

    @Test func aChooserLearnsOfANewYearsCascadeBeforeAnyPlanOfIt() throws {
        let samples = try CascadeImportTests.Samples(admin: "ulla", writer: "vera")
        let address = try samples.address("vera")
        let copy = try PostgresSnapshot.chooser(address).store
        let server = try PostgresPlanServer(address: address, store: copy)
        server.showChooser(true)
        #expect(try Self.cascades(of: 2022, in: copy) == 0)
        let nextYear = try CascadeImportTests.sampleCascade {
            $0.replacingOccurrences(of: "ha-2021-", with: "ha-2022-").replacingOccurrences(of: "\"year\": 2021", with: "\"year\": 2022")
        }
        try samples.importOnServer(nextYear, as: "ulla")
        try ChangeNotificationTests.waitUntil { server.takeChangedPlans()?.listChanged == true }
        #expect(try Self.cascades(of: 2022, in: copy) == 1)
        #expect(try copy.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM item WHERE unit_id IS NULL AND year = 2022") } ?? 0 > 0)
    }

    static func cascades(of year: Int, in copy: PlanStore) throws -> Int? {
        try copy.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cascade WHERE year = ?", arguments: [year]) }
    }
}
