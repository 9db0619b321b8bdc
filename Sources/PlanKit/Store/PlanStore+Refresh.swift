import GRDB

extension PlanStore {
    /// The plan as it is after `field` changed in this store (a set, an undo, a redo): only the
    /// changed record is read again (the item, the follow-up, the section), where `loadPlan`
    /// reads the whole cascade. Adding or deleting an item, or a record that is not where the plan
    /// had it, reads the whole plan.
    ///
    /// Why: the app shows the result of each change at once, and reading the whole plan was most
    /// of the time of a key that saves.
    public func refreshing(_ plan: PlanDocument, after field: FieldRef) throws -> PlanDocument {
        var plan = plan
        let ref = plan.ref
        switch field {
        case .itemRecord, .followedUp, .sectionRecord, .sectionTitle:
            return try loadPlan(ref)
        case .itemText(let id, _), .itemDate(let id, _):
            let row = try read { db in try Row.fetchOne(cached: db, sql: "SELECT * FROM item WHERE id = ?", arguments: [id]) }
            guard let row, let old = plan.items[id] else { return try loadPlan(ref) }
            var item = Self.item(row)
            // Text revisions belong to board items, which no command changes.
            item.revisions = old.revisions
            plan.items[id] = item
        case .rating(let id, let period), .status(let id, let period), .outcome(let id, let period),
             .analysis(let id, let period):
            let row = try read { db in
                try Row.fetchOne(cached: db, sql: "SELECT * FROM follow_up WHERE unit_id = ? AND year = ? AND item_id = ? AND period = ?",
                                 arguments: [ref.unitID, ref.year, id, period.rawValue])
            }
            if let row {
                plan.followUps[period, default: [:]][id] = Self.followUp(row)
            } else {
                plan.followUps[period]?[id] = nil
                if plan.followUps[period]?.isEmpty == true { plan.followUps[period] = nil }
            }
        case .sectionText(let id, let period):
            let row = try read { db in
                try SectionRow.fetchOne(cached: db, sql: "SELECT * FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                        arguments: [ref.unitID, ref.year, period.rawValue, id])
            }
            guard let row, let index = plan.sections[period]?.firstIndex(where: { $0.id == id }) else { return try loadPlan(ref) }
            plan.sections[period]?[index] = row.section
        }
        return plan
    }
}
