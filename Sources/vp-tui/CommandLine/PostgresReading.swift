import ArgumentParser
import Foundation
import PlanKit
import PlanKitPostgres

/// The reading commands and the app open a PostgreSQL database as a snapshot of what they read
/// (`PostgresSnapshot`), and a file as before; everything after runs the same on both.
extension DatabaseLocation {
    /// The PostgreSQL database that --db or VP_TUI_DB names; nil for a file. An empty --db is
    /// left to `open`, which refuses it.
    var postgresAddress: PostgresAddress? {
        get throws {
            guard path != "", PostgresAddress.isURL(resolvedPath) else { return nil }
            return try PostgresAddress.parse(resolvedPath)
        }
    }

    /// One unit's plan of one year (the unit by id or name).
    func openPlan(unit: String, year: Int) throws -> (PlanStore, PlanRef) {
        guard let address = try postgresAddress else {
            let store = try open()
            return (store, PlanRef(unitID: try store.unit(named: unit).id, year: year))
        }
        return try refusingInSwedish { try PostgresSnapshot.plan(address, unit: unit, year: year) }
    }

    /// What a board's or a department's status and roll-up of a year read.
    func openBoard(board: String?, department: String?, year: Int) throws -> PlanStore {
        guard let address = try postgresAddress else { return try open() }
        return try refusingInSwedish { try PostgresSnapshot.board(address, board: board, department: department, year: year) }
    }

    /// Every plan the login may read; `readable`: the organisations whose plans it may read, nil
    /// for all (a file, or PostgreSQL's owner).
    func openEverything() throws -> (store: PlanStore, readable: Set<String>?) {
        guard let address = try postgresAddress else { return (try open(), nil) }
        return try refusingInSwedish { try PostgresSnapshot.everything(address) }
    }

    /// A server that cannot be used, or a right the login does not hold, ends the command with
    /// exit 2 (as the other commands that reach PostgreSQL do) with the Swedish words; what the
    /// store says of the plans themselves is left to the command, as on a file.
    private func refusingInSwedish<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SnapshotError {
            return try reportingErrors(exitCode: 2) { throw error }
        } catch let error as PostgresStoreError {
            return try reportingErrors(exitCode: 2) { throw error }
        }
    }
}
