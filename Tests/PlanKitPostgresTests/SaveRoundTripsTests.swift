import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// What a saved change costs in round trips to the server: the latency of a save on a loaded
/// server is mostly their number (Benchmarks/load.sh).
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct SaveRoundTripsTests {
    @Test func aSaveIsTwoStatementsAReadOneAndAnUndoFive() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let anna = try #require(try district.open("anna") as? PostgresPlanCommands)
        let fields: [(FieldRef, FieldValue)] = [
            (.rating(item: district.ownGoal, period: district.openPeriod), .rating(.partly)),
            (.analysis(item: district.ownGoal, period: district.openPeriod), .text("Målet nåddes till hälften.")),
            (.itemText(item: district.ownGoal, field: .description), .text("En ny beskrivning")),
        ]
        for (field, value) in fields {
            var sent = anna.link.statementsSent
            let revision = try anna.value(of: field, in: district.a).revision
            #expect(anna.link.statementsSent - sent == 1, "read of \(field)")
            sent = anna.link.statementsSent
            try anna.set(field, to: value, in: district.a, expectedRevision: revision)
            #expect(anna.link.statementsSent - sent == 2, "save of \(field)")
            // Saving the value the field already holds reads, and writes nothing.
            sent = anna.link.statementsSent
            try anna.set(field, to: value, in: district.a, expectedRevision: nil)
            #expect(anna.link.statementsSent - sent == 1, "unchanged \(field)")
        }
        var sent = anna.link.statementsSent
        try anna.undo(in: district.a)
        #expect(anna.link.statementsSent - sent == 5, "undo")
        sent = anna.link.statementsSent
        try anna.redo(in: district.a)
        #expect(anna.link.statementsSent - sent == 5, "redo")
    }
}
