import Foundation
import GRDB

extension PlanStore {
    /// The board's table before anything is counted, from the plans' rows alone: every unit of
    /// the scope in the order of `boardStatus`, a unit without a plan for the year marked so
    /// (as `boardStatus` marks it), the others without a state, gaps or error yet. Throws when
    /// no unit of the scope has a plan for the year, or when none of the plans has the period;
    /// `boardStatus` then throws the same. (A period that only damaged plans have is found out
    /// by `boardStatus` alone.)
    public func boardNames(_ scope: BoardScope, year: Int, period: ReportPeriod) throws -> BoardStatus {
        let unitList = String(decoding: try JSONEncoder().encode(scope.units.map(\.id)), as: UTF8.self)
        let periodsByUnit = try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT unit_id, periods FROM plan WHERE unit_id IN (SELECT value FROM json_each(?)) AND year = ?"),
                             arguments: [unitList, year])
                .reduce(into: [String: String]()) { $0[$1[0]] = $1[1] }
        }
        if periodsByUnit.isEmpty {
            throw RollupError.noPlansForYear(scope: scope.organisation.name, year: year, years: try planYears(of: scope))
        }
        if !periodsByUnit.values.contains(where: { Self.periods($0).contains(period) }) {
            throw RollupError.periodInNoPlan(scope: scope.organisation.name, year: year, period: period)
        }
        let lines = scope.units.map { unit in
            var line = UnitStatusLine(unit, department: scope.departmentOfUnit[unit.id])
            if periodsByUnit[unit.id] == nil { line.markNoPlan() }
            return line
        }
        return BoardStatus(scope: scope, year: year, period: period, lines: lines)
    }
}
