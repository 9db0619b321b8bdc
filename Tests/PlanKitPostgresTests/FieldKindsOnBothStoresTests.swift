import Foundation
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The store's saving of every kind of field, its refusals and its undo and redo, on the SQLite
/// file and on PostgreSQL: one test body, run on each (`arguments: Backend.allCases`).
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct FieldKindsOnBothStoresTests {
    /// Every kind of value a field holds, saved, read back and logged, and then cleared where a
    /// field can be empty.
    @Test(arguments: Backend.allCases)
    func everyKindOfFieldIsSavedReadBackAndLogged(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try district.open("anna")
        let period = district.openPeriod
        let followedUp = FieldRef.followedUp(item: district.followedUpItem)
        let isFollowedUp = try anna.value(of: followedUp, in: district.a).value == .flag(true)
        let changes: [(FieldRef, FieldValue?)] = [
            (.rating(item: district.ownGoal, period: period), .rating(.not)),
            (.rating(item: district.ownGoal, period: period), nil),
            (.status(item: district.ownActivity, period: period), .status(.deviation)),
            (.outcome(item: district.ownIndicator, period: period), .number(Decimal(string: "87.125")!)),
            (.outcome(item: district.ownIndicator, period: period), nil),
            (.analysis(item: district.ownGoal, period: period), .text("Läget följs upp varje månad: ökad närvaro.")),
            (.analysis(item: district.ownGoal, period: period), nil),
            (.itemText(item: district.ownGoal, field: .title), .text("Alla barn känner sig trygga")),
            (.itemText(item: district.ownGoal, field: .method), .text("Samtal i små grupper")),
            (.itemDate(item: district.ownActivity, field: .start), .text("\(district.a.year)-03-01")),
            (.itemDate(item: district.ownActivity, field: .end), nil),
            (.sectionText(section: district.openSection, period: period), .text("Sammanfattningen är skriven.")),
            (followedUp, .flag(!isFollowedUp)),
            (followedUp, .flag(isFollowedUp)),
        ]
        var logged = 0
        for (field, value) in changes {
            let (before, revision) = try anna.value(of: field, in: district.a)
            try #require(before != value, "the district already holds \(String(describing: value)) in \(field)")
            let newRevision = try anna.set(field, to: value, in: district.a, expectedRevision: revision)
            // Whether an inherited item is followed up has no revision of its own.
            let expectedRevision = if case .followedUp = field { 0 } else { revision + 1 }
            #expect(newRevision == expectedRevision, "\(field)")
            #expect(try anna.value(of: field, in: district.a) == (value, expectedRevision), "\(field)")
            logged += 1
            let entry = try #require(try district.log(anna).last)
            #expect(entry.field == field)
            #expect(entry.oldValue == before, "\(field)")
            #expect(entry.newValue == value, "\(field)")
            #expect(entry.login == "anna")
        }
        #expect(try district.log(anna).count == logged)
    }

    @Test(arguments: Backend.allCases)
    func savingTheValueAFieldHoldsLogsNothing(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try district.open("anna")
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        let (value, revision) = try anna.value(of: field, in: district.a)
        #expect(try anna.set(field, to: value, in: district.a, expectedRevision: revision) == revision)
        #expect(try anna.value(of: field, in: district.a).revision == revision)
        #expect(try district.log(anna).isEmpty)
    }

    /// What PlanKit's edit rules refuse is refused on both, and leaves the field and the log.
    @Test(arguments: Backend.allCases)
    func whatTheRulesRefuseIsRefused(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let period = district.openPeriod
        let refusals: [(FieldRef, FieldValue, PlanError)] = [
            (.status(item: district.ownGoal, period: period), .status(.done),
             PlanError.fieldNotApplicable(itemID: district.ownGoal, field: "status")),
            (.rating(item: "finns-inte", period: period), .rating(.fully), PlanError.unknownItem("finns-inte")),
            (.sectionText(section: "finns-inte", period: period), .text("Text"), PlanError.unknownSection("finns-inte", period)),
            (.itemDate(item: district.inheritedGoal, field: .start), .text("\(district.a.year)-01-01"),
             PlanError.inherited(itemID: district.inheritedGoal, author: district.inheritedGoalAuthor)),
            (.followedUp(item: district.ownActivity), .flag(false),
             PlanError.fieldNotApplicable(itemID: district.ownActivity, field: Strings.followedUpLabel)),
        ]
        for (field, value, expected) in refusals {
            let refused = try SavingOnBothStoresTests.refusal(district, field, value)
            #expect(refused as? PlanError == expected, "\(field)")
        }
    }

    @Test(arguments: Backend.allCases)
    func aNewChangeDiscardsTheRedoChain(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try district.open("anna")
        let rating = FieldRef.rating(item: district.ownGoal, period: district.openPeriod)
        let analysis = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        try anna.set(rating, to: .rating(.not), in: district.a, expectedRevision: nil)
        #expect(try anna.undo(in: district.a) == rating)
        try anna.set(analysis, to: .text("En ny ändring"), in: district.a, expectedRevision: nil)
        #expect(throws: PlanError.nothingToRedo) { try anna.redo(in: district.a) }
        #expect(try anna.value(of: rating, in: district.a).value != .rating(.not))
        // Undo now takes back the new change, and then nothing: the undone one is gone for good.
        #expect(try anna.undo(in: district.a) == analysis)
        #expect(throws: PlanError.nothingToUndo) { try anna.undo(in: district.a) }
    }

    /// Undo never throws away someone else's later work: when another login changed the field
    /// after my change, my undo is refused and the field keeps their value.
    @Test(arguments: Backend.allCases)
    func undoOverAnotherLoginsLaterChangeIsRefused(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try district.open("anna")
        let berit = try district.open("berit")
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        try anna.set(field, to: .text("Annas text"), in: district.a, expectedRevision: nil)
        #expect(throws: PlanError.nothingToUndo) { try berit.undo(in: district.a) }
        try berit.set(field, to: .text("Berits text"), in: district.a, expectedRevision: nil)
        #expect(throws: PlanError.undoConflict) { try anna.undo(in: district.a) }
        #expect(try anna.value(of: field, in: district.a).value == .text("Berits text"))
    }
}
