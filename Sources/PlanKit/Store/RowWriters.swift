import GRDB

/// The one way each kind of row is written, shared by the importer, the generator and the
/// re-creation of deleted items: an item, a follow-up and a section are inserted, or replaced
/// with their revision bumped when the row exists. Statements are cached, since a large import
/// writes thousands of rows.
extension PlanStore {
    static func writeItem(_ row: ItemSnapshot.Row, _ db: some SQLConnection) throws {
        func text(_ field: TextField) -> String? {
            guard let value = row.texts[field.rawValue], !value.isEmpty else { return nil }
            return value
        }
        try db.sqlExecute("""
            INSERT INTO item (id, kind, level, author, board_id, year, unit_id, parent_id, position, number, title,
                description, expected_result, method, resources, follow_up, development, comment, start_date, end_date,
                measure_unit, target, council_target, periodicity, direction, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, level = excluded.level, author = excluded.author,
                parent_id = excluded.parent_id, position = excluded.position, number = excluded.number,
                title = excluded.title, description = excluded.description, expected_result = excluded.expected_result,
                method = excluded.method, resources = excluded.resources, follow_up = excluded.follow_up,
                development = excluded.development, comment = excluded.comment, start_date = excluded.start_date,
                end_date = excluded.end_date, measure_unit = excluded.measure_unit, target = excluded.target,
                council_target = excluded.council_target, periodicity = excluded.periodicity,
                direction = excluded.direction, revision = item.revision + 1
            """, [
                row.id, row.kind.rawValue, row.level?.rawValue, row.author.rawValue, row.board, row.year, row.unit,
                row.parent, row.position, row.number, text(.title) ?? "", text(.description), text(.expectedResult),
                text(.method), text(.resources), text(.followUp), text(.development), text(.comment), row.start, row.end,
                row.indicator?.measureUnit, row.indicator?.target, row.indicator?.councilTarget,
                row.indicator?.periodicity.rawValue, row.indicator?.direction.rawValue,
            ] as StatementArguments)
    }

    static func writeFollowUp(_ followUp: ItemSnapshot.FollowUpRow, in plan: PlanRef, _ db: some SQLConnection) throws {
        let analysis = (followUp.analysis ?? "").isEmpty ? nil : followUp.analysis
        try db.sqlExecute("""
            INSERT INTO follow_up (unit_id, year, item_id, period, rating, status, outcome, analysis, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (unit_id, year, item_id, period) DO UPDATE SET rating = excluded.rating, status = excluded.status,
                outcome = excluded.outcome, analysis = excluded.analysis, revision = follow_up.revision + 1
            """, [plan.unitID, plan.year, followUp.item, followUp.period.rawValue, followUp.rating?.rawValue,
                                     followUp.status?.rawValue, OutcomeColumn.stored(followUp.outcome), analysis])
    }

    static func writeSection(_ section: Section, period: ReportPeriod, position: Int, in plan: PlanRef, _ db: some SQLConnection) throws {
        // `section.revision`: beside `excluded`, PostgreSQL finds a bare `revision` ambiguous.
        try db.sqlExecute("""
            INSERT INTO section (unit_id, year, period, id, parent_id, title, placement, position, text, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (unit_id, year, period, id) DO UPDATE SET parent_id = excluded.parent_id, title = excluded.title,
                placement = excluded.placement, position = excluded.position, text = excluded.text, revision = section.revision + 1
            """, [plan.unitID, plan.year, period.rawValue, section.id, section.parentID, section.title,
                  section.placement.rawValue, position, section.text.isEmpty ? nil : section.text])
    }
}

extension SectionRecord {
    /// Where a section of a file stands: as given, else as its parent (already placed), else as
    /// the standard section of that id, else after the goals.
    func resolvedPlacement(parentPlacement: SectionPlacement?) -> SectionPlacement {
        let template = SectionTemplate.entries(for: period).first { $0.id == id }
        return placement ?? parentPlacement ?? template?.placement ?? .afterGoals
    }

    func section(placement: SectionPlacement) -> Section {
        Section(id: id, parentID: parent, title: title, placement: placement, text: text ?? "")
    }
}
