import GRDB
import PlanKit

/// The boards' cascades of a year in the app's copy, read again after an import announced
/// that a board's cascade changed: the chooser then knows a year whose goals came meanwhile,
/// and a plan is started under them.
extension PlanCopyRefresh {
    /// The boards' own items of a year and their texts, and the list of cascades, with the
    /// year as the one placeholder.
    static let cascadeYearTables: [CopyTable] = itemsWithTexts(server: "unit_id IS NULL AND year = $1", local: "unit_id IS NULL AND year = ?")
        + [("cascade", "year = $1", "year = ?")]

    /// Replaces the copy's cascades of the years (every board's the login may read) with the
    /// server's, read in one snapshot.
    static func cascades(years: Set<Int>, from link: PostgresLink, into store: PlanStore) throws {
        guard !years.isEmpty else { return }
        try replace(cascadeYearTables, for: years.sorted().map { [.integer($0)] }, from: link, into: store)
    }
}
