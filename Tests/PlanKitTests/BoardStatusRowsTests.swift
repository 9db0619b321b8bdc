import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport
import PlanGenerator

@Suite("The board's status read from the period's rows agrees with each unit's whole plan", .temporaryFolders)
struct BoardStatusRowsTests {
    /// Both ways of making the table, for every period: the same lines and totals, or the same error.
    private func expectSame(_ store: PlanStore, _ scope: BoardScope, year: Int,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> [ReportPeriod: BoardStatus] {
        var tables: [ReportPeriod: BoardStatus] = [:]
        for period in ReportPeriod.allCases {
            let walked = Result { BoardStatus(try store.boardPlans(scope, year: year, period: period), period: period) }
            let fromRows = Result { try store.boardStatus(scope, year: year, period: period) }
            switch (walked, fromRows) {
            case (.success(let expected), .success(let actual)):
                for (want, got) in zip(expected.lines, actual.lines) {
                    #expect(got == want, "\(period.rawValue) \(want.unitID)", sourceLocation: sourceLocation)
                }
                #expect(actual == expected, sourceLocation: sourceLocation)
                tables[period] = actual
            case (.failure(let expected), .failure(let actual)):
                #expect(actual as? RollupError == expected as? RollupError, sourceLocation: sourceLocation)
                #expect(expected is RollupError, "\(expected)", sourceLocation: sourceLocation)
            default:
                Issue.record("\(period.rawValue): \(walked) but \(fromRows)", sourceLocation: sourceLocation)
            }
        }
        return tables
    }

    @Test("The samples, in every period and for the department too")
    func samples() throws {
        let store = try PlanStore(inMemoryWithLogin: "test")
        _ = try BundledSamples.load(into: store)
        let tables = try expectSame(store, try store.boardScope(board: "hagersten-alvsjo", department: nil), year: 2021)
        #expect(tables[.vb]?.lines.contains { $0.gaps != nil } == true)
        let department = try #require(try store.boardScope(board: nil, department: "Förskoleavdelningen").department)
        _ = try expectSame(store, try store.boardScope(board: nil, department: department.id), year: 2021)
    }

    @Test("A generated district with blank and odd texts, a damaged unit, a unit without a plan and a hand-in")
    func generatedDistrict() throws {
        let path = Fixture.temporaryDirectory().appendingPathComponent("district.sqlite").path
        let store = try PlanStore(path: path, login: "anna")
        try store.generateDistrict(try DistrictGenerator(options: .init(units: 14, years: 1, seed: 7)), editsPerUnit: 2)
        let scope = try store.boardScope(board: "hagersten-alvsjo", department: nil)
        let year = try #require(try store.plans().first?.year)
        let untouched = try expectSame(store, scope, year: year)
        #expect(untouched[.vb]?.total.gaps ?? 0 > 0)

        let units = scope.units.map(\.id)
        #expect(units.count == 14)
        let where_ = { (unit: Int) in "unit_id = '\(units[unit])' AND year = \(year)" }
        try store.executeForTesting("""
            UPDATE follow_up SET rating = 'kanske' WHERE rowid = (SELECT rowid FROM follow_up WHERE \(where_(0)) AND rating IS NOT NULL LIMIT 1);
            DELETE FROM plan WHERE \(where_(1));
            UPDATE follow_up SET analysis = char(32, 10, 9, 160) WHERE \(where_(2)) AND item_id IN (SELECT item_id FROM follow_up WHERE \(where_(2)) LIMIT 3);
            UPDATE follow_up SET analysis = ' text efter ett blanksteg' WHERE \(where_(3));
            UPDATE follow_up SET analysis = 'Åtgärd' WHERE \(where_(4)) AND analysis IS NULL;
            UPDATE follow_up SET analysis = char(8203) WHERE \(where_(4)) AND status = 'deviation';
            UPDATE follow_up SET status = 'deviation', analysis = '' WHERE \(where_(5)) AND status IS NOT NULL;
            UPDATE follow_up SET rating = NULL, outcome = NULL WHERE \(where_(6));
            UPDATE plan_inherits SET followed_up = 0 WHERE \(where_(7)) AND item_id IN (SELECT item_id FROM plan_inherits WHERE \(where_(7)) LIMIT 4);
            UPDATE section SET text = char(12288, 32) WHERE \(where_(8)) AND id IN ('inledning', 'sammanfattande-analys');
            DELETE FROM section WHERE \(where_(9)) AND id IN ('inledning', 'sammanfattande-analys');
            INSERT INTO hand_in (unit_id, year, period, login, at, content) VALUES ('\(units[10])', \(year), 'vb', 'anna', '2026-01-01', '[]');
            UPDATE plan SET periods = 'vp,t1' WHERE \(where_(11));
            UPDATE item SET method = char(160, 32), expected_result = NULL WHERE \(where_(12)) AND kind = 'goal';
            UPDATE item SET end_date = NULL WHERE \(where_(12)) AND kind = 'activity';
            UPDATE item SET target = NULL WHERE \(where_(12)) AND kind = 'indicator';
            UPDATE item SET start_date = '\(year)-12-30' WHERE \(where_(13)) AND kind = 'activity';
            """)
        let changed = try expectSame(store, scope, year: year)
        let vb = try #require(changed[.vb])
        let damaged = try #require(vb.lines.first { $0.unitID == units[0] })
        #expect(damaged.error?.contains("kanske") == true)
        #expect(vb.lines.first { $0.unitID == units[1] }?.noPlan == true)
        #expect(vb.lines.first { $0.unitID == units[10] }?.state == .submitted)
        #expect(vb.lines.first { $0.unitID == units[11] }?.state == .notStarted)
        #expect(vb.total.deviations > 0)
        #expect(vb.lines.contains { $0.state == .complete } || vb.lines.contains { $0.state == .ongoing })
        // The changes are seen: the status is not the untouched one.
        #expect(vb != untouched[.vb])
        #expect(changed[.vp] != untouched[.vp])
    }

    @Test("Damaged items and a damaged follow-up of another period make the unit's line an error in every period")
    func damagedRows() throws {
        let path = Fixture.temporaryDirectory().appendingPathComponent("district.sqlite").path
        let store = try PlanStore(path: path, login: "anna")
        try store.generateDistrict(try DistrictGenerator(options: .init(units: 9, years: 1, seed: 3)), editsPerUnit: 0)
        let scope = try store.boardScope(board: "hagersten-alvsjo", department: nil)
        let year = try #require(try store.plans().first?.year)
        let units = scope.units.map(\.id)
        let where_ = { (unit: Int) in "unit_id = '\(units[unit])' AND year = \(year)" }
        let oneGoal = { (unit: Int) in "id = (SELECT id FROM item WHERE \(where_(unit)) AND kind = 'goal' LIMIT 1)" }
        let oneActivity = { (unit: Int) in "id = (SELECT id FROM item WHERE \(where_(unit)) AND kind = 'activity' LIMIT 1)" }
        try store.executeForTesting("""
            PRAGMA foreign_keys = OFF;
            UPDATE item SET kind = 'mål' WHERE \(oneActivity(0));
            UPDATE item SET level = NULL WHERE \(oneGoal(1));
            UPDATE item SET parent_id = 'finns-inte' WHERE \(oneActivity(2));
            UPDATE item SET parent_id = CAST(parent_id AS BLOB) WHERE \(oneActivity(3));
            UPDATE follow_up SET status = 'klar' WHERE rowid = (SELECT rowid FROM follow_up WHERE \(where_(4)) AND period = 't1' AND status IS NOT NULL LIMIT 1);
            UPDATE follow_up SET analysis = x'00' WHERE rowid = (SELECT rowid FROM follow_up WHERE \(where_(5)) AND period = 't2' LIMIT 1);
            UPDATE item SET parent_id = (SELECT id FROM item WHERE unit_id = '\(units[7])' AND year = \(year) AND kind = 'goal' LIMIT 1)
                WHERE \(oneActivity(6));
            PRAGMA foreign_keys = ON;
            """)
        let tables = try expectSame(store, scope, year: year)
        for period in ReportPeriod.allCases {
            let lines = try #require(tables[period]?.lines)
            for unit in 0..<6 {
                #expect(lines.first { $0.unitID == units[unit] }?.error != nil, "\(period.rawValue) \(units[unit])")
            }
            // A parent in another unit's plan is in the database: nothing is damaged.
            #expect(lines.first { $0.unitID == units[6] }?.error == nil, "\(period.rawValue)")
            #expect(lines.first { $0.unitID == units[8] }?.error == nil, "\(period.rawValue)")
        }
        // A department of a few units is read through the indexes, most of the file's plans
        // from whole tables: both ways agree with the walk.
        let departments = Set(scope.departmentOfUnit.values.map(\.id))
        #expect(departments.count > 1)
        for department in departments.sorted() {
            _ = try expectSame(store, try store.boardScope(board: nil, department: department), year: year)
        }
    }
}
