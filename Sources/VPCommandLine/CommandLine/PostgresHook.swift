import Foundation
import PlanKit

/// What the command line needs of PostgreSQL. The PostgreSQL client and what it brings (SwiftNIO,
/// swift-crypto) are large enough to slow every start of the program, whatever it is asked to do
/// (docs/PERFORMANCE.md), so `vp-tui` is built without them; `vp-tui-postgres`, built with them,
/// installs these before running the same command line. Addresses are passed as given
/// (`postgresql://…`) and parsed on the other side.
public protocol PostgresCommands {
    /// One unit's plan of one year (the unit by id or name).
    func openPlan(_ url: String, unit: String, year: Int) throws -> (PlanStore, PlanRef)
    /// What a board's or a department's status and roll-up of a year read.
    func openBoard(_ url: String, board: String?, department: String?, year: Int) throws -> PlanStore
    /// Every plan the login may read; `readable`: the organisations whose plans it may read, nil for all.
    func openEverything(_ url: String) throws -> (store: PlanStore, readable: Set<String>?)
    /// What the app needs before its first screen: the organisation, the list of plans the login
    /// may read and the boards' goals; the plans themselves are read as they are opened
    /// (`PlanServer.bringIn`). `readable` as for `openEverything`.
    func openForApp(_ url: String) throws -> (store: PlanStore, readable: Set<String>?)
    /// Where the app saves the changes of plans read from the database into `copy`.
    func planServer(_ url: String, copy: PlanStore) throws -> any PlanServer
    /// Where a command that changes a plan saves it, as the address's login.
    func saving(_ url: String) throws -> any FieldSaving
    /// The refusal of a unit that the login may not read.
    func notPermitted(_ unit: Organisation) -> Error
    /// `grant` and `revoke`: do it and tell the person what was done.
    func grant(_ right: AccessGrant, url: String) throws
    func revoke(_ right: AccessGrant, url: String) throws
    /// `import` and `import-text`: `change` runs on a store in memory that holds the boards'
    /// `years` as the database has them; when `writing`, what it changed is written there in
    /// one transaction (all or nothing, with a progress line), which only the tables' owner and
    /// the boards' admin may. Its result is returned once written.
    func importing<T>(_ url: String, years: Set<BoardYear>, writing: Bool, _ change: (PlanStore) throws -> T) throws -> T
    /// `copy`: a whole database into an empty one, either of them a SQLite file or a PostgreSQL address.
    func copy(from source: String, to target: String) throws
}

/// The PostgreSQL commands of this program, when it has them.
public enum PostgresHook {
    /// Set once, before the command line is read, by the program built with the PostgreSQL client.
    nonisolated(unsafe) public static var installed: PostgresCommands?

    /// The installed commands; without them this process is replaced by `vp-tui-postgres`,
    /// which reads the same command line again and comes back here with them.
    static var commands: PostgresCommands {
        if let installed { return installed }
        PostgresSibling.replaceProcess()
    }

    /// A PostgreSQL address rather than a file name; the same test as `PostgresAddress.isURL`,
    /// which this program is built without.
    static func isURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://")
    }
}
