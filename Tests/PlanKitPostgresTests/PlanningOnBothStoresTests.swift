import Foundation
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// An own indicator added and changed, and an activity's dates set, on the SQLite file and on
/// PostgreSQL alike, with their log entries and refusals.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PlanningOnBothStoresTests {
    func open(_ district: TwoUnitDistrict, _ login: String) throws -> any FieldSaving {
        try district.open(login)
    }

    @Test(arguments: Backend.allCases)
    func anOwnIndicatorIsAddedChangedAndUndone(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try open(district, "anna")
        let id = try anna.addIndicator(name: " Andel nöjda vårdnadshavare ", under: district.ownGoal, target: "85",
                                       targetKind: .number, measureUnit: "%", periodicity: .tertial,
                                       direction: .higherIsBetter, in: district.a)
        let record = FieldRef.itemRecord(item: id)
        guard case .record(let added)? = try anna.value(of: record, in: district.a).value else {
            Issue.record("no indicator \(id) after adding it")
            return
        }
        #expect(added.rows.first?.texts[TextField.title.rawValue] == "Andel nöjda vårdnadshavare")
        #expect(added.rows.first?.indicator?.target == "85")
        #expect(added.rows.first?.indicator?.measureUnit == "%")

        try anna.setIndicator(id, target: "90", targetKind: .number, measureUnit: "%", periodicity: .year,
                              direction: .higherIsBetter, in: district.a)
        guard case .record(let changed)? = try anna.value(of: record, in: district.a).value else {
            Issue.record("no indicator \(id) after changing it")
            return
        }
        #expect(changed.rows.first?.indicator?.target == "90")
        #expect(changed.rows.first?.indicator?.periodicity == .year)
        let entry = try #require(try district.log(anna).last)
        #expect(entry.oldValue == .record(added))
        #expect(entry.newValue == .record(changed))

        try anna.undo(in: district.a)
        #expect(try anna.value(of: record, in: district.a).value == .record(added))
        #expect(throws: YearError.invalidTarget("öka")) {
            try anna.addIndicator(name: "x", under: district.ownGoal, target: "öka", targetKind: .number, measureUnit: nil,
                                  periodicity: .year, direction: .higherIsBetter, in: district.a)
        }
    }

    @Test(arguments: Backend.allCases)
    func anIndicatorOfADirectionIsRefusedANumberAndUndoneAway(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try open(district, "anna")
        let plan = district.a
        let id = try anna.addIndicator(name: "Nöjda föräldrar", under: district.ownGoal, target: "85 %", targetKind: .number,
                                       measureUnit: "%", periodicity: .halfYear, direction: .higherIsBetter, in: plan)
        try anna.setIndicator(id, target: "minska", targetKind: .direction, measureUnit: nil, periodicity: .year,
                              direction: .lowerIsBetter, in: plan)
        guard case .record(let changed)? = try anna.value(of: .itemRecord(item: id), in: plan).value else {
            Issue.record("no indicator \(id) after changing it")
            return
        }
        #expect(changed.rows.first?.indicator?.target == "minska")
        #expect(changed.rows.first?.indicator?.direction == .lowerIsBetter)
        #expect(changed.rows.first?.indicator?.measureUnit == nil)

        let logged = try district.log(anna).count
        #expect(throws: YearError.invalidTarget("12")) {
            try anna.setIndicator(id, target: "12", targetKind: .direction, measureUnit: nil, periodicity: .year,
                                  direction: .higherIsBetter, in: plan)
        }
        #expect(throws: PlanError.inherited(itemID: district.inheritedGoal, author: district.inheritedGoalAuthor)) {
            try anna.addIndicator(name: "X", under: district.inheritedGoal, target: "1", targetKind: .number, measureUnit: nil,
                                  periodicity: .year, direction: .higherIsBetter, in: plan)
        }
        #expect(try district.log(anna).count == logged)
        try anna.undo(in: plan)
        guard case .record(let undone)? = try anna.value(of: .itemRecord(item: id), in: plan).value else {
            Issue.record("the indicator \(id) went away with the undo of its change")
            return
        }
        #expect(undone.rows.first?.indicator?.target == "85 %")
        try anna.undo(in: plan)
        #expect(try anna.value(of: .itemRecord(item: id), in: plan).value == nil)
    }

    @Test(arguments: Backend.allCases)
    func anActivitysDatesAreSetTogether(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try open(district, "anna")
        let year = district.a.year
        try anna.setActivityDates(start: "\(year)-02-01", end: "\(year)-05-31", activity: district.ownActivity, in: district.a)
        #expect(try anna.value(of: .itemDate(item: district.ownActivity, field: .start), in: district.a).value == .text("\(year)-02-01"))
        #expect(try anna.value(of: .itemDate(item: district.ownActivity, field: .end), in: district.a).value == .text("\(year)-05-31"))
        let logged = try district.log(anna).count
        #expect(throws: (any Error).self) {
            try anna.setActivityDates(start: "\(year)-06-01", end: "\(year)-03-01", activity: district.ownActivity, in: district.a)
        }
        #expect(try district.log(anna).count == logged)
        #expect(try anna.value(of: .itemDate(item: district.ownActivity, field: .start), in: district.a).value == .text("\(year)-02-01"))
    }
}
