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
package final class CascadeCache: @unchecked Sendable {
    private struct Key: Hashable {
        var board: String
        var year: Int
    }

    private let lock = NSLock()
    private var entry: (key: Key, version: Int, items: [String: PlanItem])?
    /// The cascade asked for last without being kept.
    private var lastMiss: Key?

    /// The whole cascade: the one kept if still current, else read now and kept.
    func items(board: String, year: Int, _ db: Database) throws -> [String: PlanItem] {
        let key = Key(board: board, year: year)
        let version = try Self.version(db)
        if let kept = lock.withLock({ current(key, version) }) { return kept }
        return try read(key, version, db)
    }

    /// The whole cascade if it is kept, or if it was asked for before (then it is read and
    /// kept); nil the first time, when the caller reads only what it needs.
    func itemsIfWorthKeeping(board: String, year: Int, _ db: Database) throws -> [String: PlanItem]? {
        let key = Key(board: board, year: year)
        let version = try Self.version(db)
        let (kept, askedBefore): ([String: PlanItem]?, Bool) = lock.withLock {
            if let kept = current(key, version) { return (kept, true) }
            defer { lastMiss = key }
            return (nil, lastMiss == key)
        }
        if let kept { return kept }
        return askedBefore ? try read(key, version, db) : nil
    }

    /// This store committed: what it kept may be out of date.
    package func invalidate() {
        lock.withLock { entry = nil }
    }

    /// Another connection's commit moves it; this connection's own do not (hence `invalidate`).
    private static func version(_ db: Database) throws -> Int {
        try PlanStore.dataVersion(db)
    }

    /// Under `lock`.
    private func current(_ key: Key, _ version: Int) -> [String: PlanItem]? {
        guard let entry, entry.key == key, entry.version == version else { return nil }
        return entry.items
    }

    private func read(_ key: Key, _ version: Int, _ db: Database) throws -> [String: PlanItem] {
        let items = try PlanStore.cascadeItemsByID(board: key.board, year: key.year, db)
        lock.withLock {
            entry = (key, version, items)
            lastMiss = nil
        }
        return items
    }
}
