import Foundation
import PlanKit
@testable import PlanKitPostgres
import PostgresTestSupport
import Testing

/// A text revision carries its item's rights: read where the item is read, written where the
/// item may be written, by every login and through psql alike.
@Suite(.throwawayPostgres, .serialized) struct TextRevisionRightsTests {
    @Test func textsFollowTheirItems() throws {
        let (cluster, database, owner) = try RowSecurityTests.districtDatabase()
        try cluster.psql(database: database, """
            INSERT INTO item (id, kind, author, board_id, year, unit_id, title) VALUES
                ('ga', 'goal', 'unit', 'nb', 2025, 'a', 'A:s mål'), ('gb', 'goal', 'unit', 'nb', 2025, 'b', 'B:s mål');
            INSERT INTO text_revision VALUES ('m1', 'vp', 'method', 'Nämndens'), ('ga', 'vp', 'method', 'A:s'),
                ('gb', 'vp', 'method', 'B:s');
            """)
        _ = try PostgresRights.grant(AccessGrant(login: "tove", scope: .unit, target: "a", kind: .write), on: owner)
        let tove = try PostgresDatabase.open(try cluster.address(database: database, login: "tove"))
        #expect(try tove.run("SELECT item_id FROM text_revision ORDER BY item_id").values == [[.text("ga")], [.text("m1")]])
        #expect(try tove.run("UPDATE text_revision SET text = 'Ny' WHERE item_id IN ('ga', 'gb', 'm1')").changed == 1)
        #expect(try tove.run("DELETE FROM text_revision WHERE item_id IN ('gb', 'm1')").changed == 0)
        #expect(throws: ClusterError.self) {
            try cluster.psql(database: database, login: "tove", "INSERT INTO text_revision VALUES ('gb', 't1', 'method', 'Kapad')")
        }
        #expect(try cluster.psql(database: database, login: "tove", "INSERT INTO text_revision VALUES ('ga', 't1', 'method', 'Egen') RETURNING 1") == "1")

        _ = try PostgresRights.grant(AccessGrant(login: "ulf", scope: .board, target: "nb", kind: .read), on: owner)
        let ulf = try PostgresDatabase.open(try cluster.address(database: database, login: "ulf"))
        #expect(try ulf.run("SELECT count(*) FROM text_revision").single == .integer(4))
        #expect(try ulf.run("UPDATE text_revision SET text = 'x'").changed == 0)
        #expect(try cluster.psql(database: database, "SELECT text FROM text_revision WHERE item_id = 'gb'") == "B:s")
    }
}
