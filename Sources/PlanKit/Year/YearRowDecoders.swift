import GRDB

/// The year's hand-ins and carried-over items, read by hand when a plan is shown: they are read
/// before its first frame (the banner and whether a period is handed in), and a GRDB record's
/// first fetch builds generic machinery of a few hundred thousand instructions per record type
/// (docs/PERFORMANCE.md, "Rows decoded by hand"). Writing them stays with the records.
extension PlanStore {
    static func handInRow(_ row: ColumnPositions) -> HandInRow {
        HandInRow(id: row["id"], unitID: row["unit_id"], year: row["year"], period: row["period"], login: row["login"],
                  at: row["at"], content: row["content"], reopenedBy: row["reopened_by"], reopenedAt: row["reopened_at"],
                  reopenReason: row["reopen_reason"])
    }

    static func carryOverRow(_ row: ColumnPositions) -> CarryOverRow {
        CarryOverRow(unitID: row["unit_id"], year: row["year"], fromYear: row["from_year"], position: row["position"],
                     sourceID: row["source_id"], kind: row["kind"], title: row["title"], outcome: row["outcome"],
                     oldParentTitle: row["old_parent_title"], placedID: row["placed_id"], placedUnder: row["placed_under"],
                     snapshot: row["snapshot"], decided: row["decided"])
    }
}
