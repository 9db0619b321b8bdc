import Foundation
import GRDB

/// The last board cascade (every item of a board's plan for a year, with its revisions) read in
/// full, kept while the database is unchanged.
///
/// Every plan of a board and year shows the same cascade; exporting, reporting or checking all
/// the units of a district read it once per unit, and decoding its few hundred items was most
/// of that work. The cache holds one cascade, is dropped by every commit of this store and is
/// not used once another connection has committed (SQLite's `data_version` moved). A single
/// plan opened once does not fill it: only a second read of the same cascade does, so that
/// opening the app still decodes just the items it shows.
final class CascadeCache: @unchecked Sendable {
    private struct Key: Hashable {
        var board: String
        var year: Int
    }

    private let lock = NSLock()
    private var entry: (key: Key, version: Int, items: [String: PlanItem])?
    /// The cascade asked for last without being kept.
    private var lastMiss: Key?

    private enum Lookup {
        case kept([String: PlanItem])
        case read
        case skip
    }

    /// The cascade if kept and still current; else, when `fill` or when this cascade was asked
    /// for before, reads it, keeps it and returns it; else nil (the caller reads what it needs).
    func items(board: String, year: Int, fill: Bool, _ db: Database) throws -> [String: PlanItem]? {
        let key = Key(board: board, year: year)
        let version = try Int.fetchOne(cached: db, sql: "PRAGMA data_version") ?? 0
        let lookup: Lookup = lock.withLock {
            if let entry, entry.key == key, entry.version == version { return .kept(entry.items) }
            if fill || lastMiss == key { return .read }
            lastMiss = key
            return .skip
        }
        switch lookup {
        case .kept(let items):
            return items
        case .skip:
            return nil
        case .read:
            let items = try PlanStore.cascadeItemsByID(board: board, year: year, db)
            lock.withLock {
                entry = (key, version, items)
                lastMiss = nil
            }
            return items
        }
    }

    /// This store committed: what it kept may be out of date.
    func invalidate() {
        lock.withLock { entry = nil }
    }
}
