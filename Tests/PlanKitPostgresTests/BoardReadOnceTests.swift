import Foundation
import PlanKit
@testable import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// A board's table and its roll-up read the board's year once between them: it is read again
/// only after a change, another session's (heard) or this app's own.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct BoardReadOnceTests {
    @Test func aBoardIsReadAgainOnlyAfterAChange() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (server, copy, everything) = try AppReadingTests.opened(district)
        let board = try everything.loadPlan(district.a).board.id
        let year = district.a.year
        #expect(try everything.loadPlan(district.b).board.id == board && district.b.year == year)
        let sent = { server.commands?.link.statementsSent ?? 0 }
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)

        try server.bringIn(board: board, year: year)
        let afterTable = sent()
        try server.bringIn(board: board, year: year)
        #expect(sent() == afterTable, "the roll-up after the table reads nothing")

        let cecilia = try district.open("cecilia")
        try cecilia.set(field, to: .text("Ändrad i ett annat fönster"), in: district.a, expectedRevision: nil)
        try PlanServerTests.waitUntil { server.reading.with { $0.heard.contains(district.a) } }
        try server.bringIn(board: board, year: year)
        #expect(sent() > afterTable)
        #expect(try copy.value(of: field, in: district.a).value == .text("Ändrad i ett annat fönster"))
        let afterHeard = sent()
        try server.bringIn(board: board, year: year)
        #expect(sent() == afterHeard)

        try server.change(district.a) { try $0.set(field, to: .text("Ändrad här"), in: district.a, expectedRevision: nil) }
        let afterOwn = sent()
        try server.bringIn(board: board, year: year)
        #expect(sent() > afterOwn, "read again after this app's own change")
        #expect(try copy.value(of: field, in: district.a).value == .text("Ändrad här"))
    }
}
