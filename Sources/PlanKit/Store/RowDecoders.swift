import GRDB

/// The rows of a plan load decoded by hand (its items, 26 columns each, its follow-ups, sections,
/// unit and board), and an organisation for each of a district's plans when they are listed. Each
/// query's columns are found once and then read by position (see ColumnPositions); a GRDB
/// record decoded through Codable looks every column up by name, case-insensitively, on every
/// row (docs/PERFORMANCE.md, "Rows decoded by hand"). The other tables are read and written as
/// GRDB records (Records.swift).
extension PlanStore {
    static func organisation(_ row: Row) -> Organisation {
        organisation(ColumnPositions(row, ColumnPositions.Layout(row)))
    }

    static func organisation(_ row: ColumnPositions) -> Organisation {
        Organisation(id: row["id"], kind: OrganisationKind(rawValue: row["kind"]) ?? .unit,
                     name: row["name"], parentID: row["parent_id"])
    }

    static func section(_ row: ColumnPositions) -> Section {
        Section(id: row["id"], parentID: row["parent_id"], title: row["title"],
                placement: SectionPlacement(rawValue: row["placement"]) ?? .afterGoals,
                text: row["text"] ?? "", revision: row["revision"])
    }

    static func periods(_ text: String) -> [ReportPeriod] {
        text.split(separator: ",").compactMap { ReportPeriod(rawValue: String($0)) }.sorted()
    }

    static let textColumns: [(TextField, String)] = [
        (.title, "title"), (.description, "description"), (.expectedResult, "expected_result"),
        (.method, "method"), (.resources, "resources"), (.followUp, "follow_up"),
        (.development, "development"), (.comment, "comment"),
    ]

    static func column(for field: TextField) -> String {
        textColumns.first { $0.0 == field }!.1
    }

    static func item(_ row: Row) -> PlanItem {
        item(ColumnPositions(row, ColumnPositions.Layout(row)))
    }

    static func item(_ row: ColumnPositions) -> PlanItem {
        var texts: [TextField: String] = [:]
        for (field, column) in textColumns {
            if let text: String = row[column], !text.isEmpty { texts[field] = text }
        }
        let kind = ItemKind(rawValue: row["kind"]) ?? .goal
        var indicator: IndicatorSpec?
        if kind == .indicator {
            indicator = IndicatorSpec(measureUnit: row["measure_unit"], target: row["target"],
                                      councilTarget: row["council_target"],
                                      periodicity: Periodicity(rawValue: row["periodicity"] ?? "") ?? .year,
                                      direction: Direction(rawValue: row["direction"] ?? "") ?? .higherIsBetter)
        }
        return PlanItem(id: row["id"], kind: kind, level: (row["level"] as String?).flatMap(GoalLevel.init(rawValue:)),
                        author: Author(rawValue: row["author"]) ?? .unit, parentID: row["parent_id"],
                        position: row["position"], number: row["number"], texts: texts,
                        start: row["start_date"], end: row["end_date"], indicator: indicator,
                        revision: row["revision"])
    }

    static func followUp(_ row: Row) -> FollowUp {
        followUp(ColumnPositions(row, ColumnPositions.Layout(row)))
    }

    static func followUp(_ row: ColumnPositions) -> FollowUp {
        FollowUp(rating: (row["rating"] as String?).flatMap(Rating.init(rawValue:)),
                 status: (row["status"] as String?).flatMap(ActivityStatus.init(rawValue:)),
                 outcome: OutcomeColumn.value(row["outcome"] ?? .null), analysis: row["analysis"] ?? "", revision: row["revision"])
    }

}
