import Foundation
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// On PostgreSQL a login saves only into the units it was granted: the app's save is refused in
/// Swedish, and psql as that login changes no row of another unit either.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct SavingRightsTests {
    @Test func loginGrantedOneUnitCannotSaveIntoAnother() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let cluster = try #require(district.cluster)
        let database = try #require(district.database)
        let anna = try district.open("anna", granted: [district.a.unitID])
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        let rowsOfB = "SELECT string_agg(item_id || period || coalesce(analysis, '') || revision, ',' ORDER BY item_id, period) "
            + "FROM follow_up WHERE unit_id = '\(district.b.unitID)'"
        let before = try cluster.psql(database: database, rowsOfB)

        let refused = #expect(throws: PostgresCommandError.notAllowed(login: "anna", unit: district.b.unitID, year: district.b.year)) {
            try anna.set(field, to: .text("Kapad"), in: district.b, expectedRevision: nil)
        }
        let message = try #require(refused?.localizedDescription)
        #expect(message.hasPrefix("Du (”anna”) har inte behörighet till planen för \(district.b.unitID) \(district.b.year)"))
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM edit_log WHERE login = 'anna'") == "0")

        // psql as anna reaches none of B's follow-ups, and writes no log row for B.
        #expect(try cluster.psql(database: database, login: "anna", """
            WITH changed AS (UPDATE follow_up SET analysis = 'Kapad' WHERE unit_id = '\(district.b.unitID)' RETURNING 1)
            SELECT count(*) FROM changed
            """) == "0")
        #expect(throws: ClusterError.self) {
            try cluster.psql(database: database, login: "anna", """
                INSERT INTO edit_log (at, login, unit_id, year, action) VALUES ('x', 'anna', '\(district.b.unitID)', \(district.b.year), 'edit')
                """)
        }
        #expect(try cluster.psql(database: database, rowsOfB) == before)

        // Her own unit she changes.
        try anna.set(.analysis(item: district.ownGoal, period: district.openPeriod), to: .text("Egen"), in: district.a, expectedRevision: nil)
        #expect(try cluster.psql(database: database, "SELECT login || ' ' || unit_id FROM edit_log WHERE login = 'anna'") == "anna \(district.a.unitID)")
    }
}

/// The refusal names the unit as the person knows it once the app has its name.
@Suite(.temporaryFolders) struct NotAllowedNamesTheUnitTests {
    @Test func theRefusalShownNamesTheUnitByItsName() throws {
        let district = try TwoUnitDistrict(.sqlite)
        let store = try PlanStore(path: district.sqlitePath, login: "anna")
        let name = try store.unit(named: district.b.unitID).name
        #expect(name != district.b.unitID)
        let refusal = PostgresCommandError.notAllowed(login: "anna", unit: district.b.unitID, year: district.b.year)
        let shown = try #require((store.namingUnits(in: refusal) as? LocalizedError)?.errorDescription)
        #expect(shown.hasPrefix("Du (”anna”) har inte behörighet till planen för \(name) \(district.b.year),"), "\(shown)")
    }
}
