import Foundation
import PlanKit

/// The reading commands and the app open a PostgreSQL database as a snapshot of what they read
/// (through `PostgresHook`), and a file as before; everything after runs the same on both.
/// A command given a file that does not exist refuses it rather than reading the samples a new
/// database would be filled with; the default database, and the app, make it as on a first run.
extension DatabaseLocation {
    /// A file to read: made with the samples only at the default place.
    private func openExisting() throws -> PlanStore { try open(makesMissing: !isNamed) }

    /// The PostgreSQL address that --db or VP_TUI_DB names; nil for a file. An empty --db is
    /// left to `open`, which refuses it.
    var postgresURL: String? {
        guard path != "", PostgresHook.isURL(resolvedPath) else { return nil }
        return resolvedPath
    }

    /// One unit's plan of one year (the unit by id or name).
    func openPlan(unit: String, year: Int) throws -> (PlanStore, PlanRef) {
        guard let url = postgresURL else {
            let store = try openExisting()
            return (store, PlanRef(unitID: try store.unit(named: unit).id, year: year))
        }
        return try PostgresHook.commands.openPlan(url, unit: unit, year: year)
    }

    /// What a board's or a department's status and roll-up of a year read.
    func openBoard(board: String?, department: String?, year: Int) throws -> PlanStore {
        guard let url = postgresURL else { return try openExisting() }
        return try PostgresHook.commands.openBoard(url, board: board, department: department, year: year)
    }

    /// Every plan the login may read; `readable`: the organisations whose plans it may read, nil
    /// for all (a file, or PostgreSQL's owner).
    func openEverything() throws -> (store: PlanStore, readable: Set<String>?) {
        guard let url = postgresURL else { return (try openExisting(), nil) }
        return try PostgresHook.commands.openEverything(url)
    }

    /// What the app opens with: a file, or what its first screen needs of a PostgreSQL database
    /// (the plans are read from the server as they are opened).
    func openForApp() throws -> (store: PlanStore, readable: Set<String>?) {
        guard let url = postgresURL else { return (try open(), nil) }
        return try PostgresHook.commands.openForApp(url)
    }
}
