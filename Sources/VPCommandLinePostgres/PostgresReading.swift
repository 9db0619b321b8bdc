import Foundation
import PlanKit
import PlanKitPostgres
import VPCommandLine

/// The reading commands and the app read a PostgreSQL database as a snapshot of what they read
/// (`PostgresSnapshot`).
extension LinkedPostgres {
    public func openPlan(_ url: String, unit: String, year: Int) throws -> (PlanStore, PlanRef) {
        let address = try PostgresAddress.parse(url)
        return try refusingInSwedish { try PostgresSnapshot.plan(address, unit: unit, year: year) }
    }

    public func openBoard(_ url: String, board: String?, department: String?, year: Int) throws -> PlanStore {
        let address = try PostgresAddress.parse(url)
        return try refusingInSwedish { try PostgresSnapshot.board(address, board: board, department: department, year: year) }
    }

    public func openEverything(_ url: String) throws -> (store: PlanStore, readable: Set<String>?) {
        let address = try PostgresAddress.parse(url)
        return try refusingInSwedish { try PostgresSnapshot.everything(address) }
    }

    public func openForApp(_ url: String) throws -> (store: PlanStore, readable: Set<String>?) {
        let address = try PostgresAddress.parse(url)
        return try refusingInSwedish { try PostgresSnapshot.chooser(address) }
    }

    public func planServer(_ url: String, copy: PlanStore) throws -> any PlanServer {
        let address = try PostgresAddress.parse(url)
        return try refusingInSwedish { try PostgresPlanServer(address: address, store: copy) }
    }

    public func saving(_ url: String) throws -> any FieldSaving {
        let address = try PostgresAddress.parse(url)
        return try refusingInSwedish { try PostgresPlanCommands(address: address) }
    }

    public func notPermitted(_ unit: Organisation) -> Error { SnapshotError.notPermitted(unit) }

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
