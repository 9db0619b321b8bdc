import Foundation
import GRDB

/// A board (nämnd) or one of its departments (avdelning), with the units under it.
public struct BoardScope: Sendable {
    public var board: Organisation
    public var department: Organisation?
    /// Every unit under the scope, in the organisation's order.
    public var units: [Organisation]
    /// The department above each unit, by unit id; a unit straight under the board has none.
    public var departmentOfUnit: [String: Organisation]

    /// The department if one was asked for, else the board.
    public var organisation: Organisation { department ?? board }
}

/// Why a board's view cannot be made.
public enum RollupError: Error, Equatable, LocalizedError {
    case boardOrDepartmentNeeded
    case unknownBoard(String, known: [String])
    case unknownDepartment(String, known: [String])
    case ambiguous(String, candidates: [String])
    case departmentNotInBoard(department: String, board: String)
    case noUnits(String)
    case noPlansForYear(scope: String, year: Int, years: [Int])
    case periodInNoPlan(scope: String, year: Int, period: ReportPeriod)

    public var errorDescription: String? { Strings.Rollup.error(self) }
}

extension PlanStore {
    /// Finds the board or department (by id or name, case-insensitively) and the units under it.
    /// With both, the department must belong to the board.
    public func boardScope(board boardName: String?, department departmentName: String?) throws -> BoardScope {
        let organisations = try organisations()
        let byID = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func find(_ name: String, kind: OrganisationKind) throws -> Organisation? {
            let candidates = organisations.filter { $0.kind == kind }
            if let exact = candidates.first(where: { $0.id == name }) { return exact }
            let folded = Self.folded(name)
            let matches = candidates.filter { Self.folded($0.id) == folded || Self.folded($0.name) == folded }
            if matches.count > 1 { throw RollupError.ambiguous(name, candidates: matches.map(\.id)) }
            return matches.first
        }
        func names(_ kind: OrganisationKind) -> [String] {
            organisations.filter { $0.kind == kind }.map(\.name)
        }
        func ancestor(of id: String, kind: OrganisationKind) -> Organisation? {
            var current = byID[id]?.parentID.flatMap { byID[$0] }
            var seen: Set<String> = []
            while let organisation = current, seen.insert(organisation.id).inserted {
                if organisation.kind == kind { return organisation }
                current = organisation.parentID.flatMap { byID[$0] }
            }
            return nil
        }

        var department: Organisation?
        if let departmentName {
            guard let found = try find(departmentName, kind: .department) else {
                throw RollupError.unknownDepartment(departmentName, known: names(.department))
            }
            department = found
        }
        let board: Organisation
        if let boardName {
            guard let found = try find(boardName, kind: .board) else { throw RollupError.unknownBoard(boardName, known: names(.board)) }
            board = found
            if let department, ancestor(of: department.id, kind: .board)?.id != found.id {
                throw RollupError.departmentNotInBoard(department: department.name, board: found.name)
            }
        } else if let department {
            guard let found = ancestor(of: department.id, kind: .board) else {
                throw RollupError.unknownBoard(department.name, known: names(.board))
            }
            board = found
        } else {
            throw RollupError.boardOrDepartmentNeeded
        }

        let top = department ?? board
        var units: [Organisation] = []
        var departmentOfUnit: [String: Organisation] = [:]
        for unit in organisations where unit.kind == .unit {
            var current = unit.parentID.flatMap { byID[$0] }
            var seen: Set<String> = []
            var nearestDepartment: Organisation?
            var inside = false
            while let organisation = current, seen.insert(organisation.id).inserted {
                if organisation.kind == .department && nearestDepartment == nil { nearestDepartment = organisation }
                if organisation.id == top.id { inside = true }
                current = organisation.parentID.flatMap { byID[$0] }
            }
            guard inside else { continue }
            units.append(unit)
            if let nearestDepartment { departmentOfUnit[unit.id] = nearestDepartment }
        }
        guard !units.isEmpty else { throw RollupError.noUnits(top.name) }
        return BoardScope(board: board, department: department, units: units, departmentOfUnit: departmentOfUnit)
    }

    /// Case and diacritics do not matter: "Hagersten-Alvsjo stadsdelsnamnd" finds the board.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "sv_SE"))
            .trimmingCharacters(in: .whitespaces)
    }
}
