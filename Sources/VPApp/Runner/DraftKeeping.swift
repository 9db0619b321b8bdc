import PlanKit

/// Where the drafts of texts being written are kept: in the database file beside the plan, or
/// on this computer when the plan is kept on a server (`LocalDrafts`). The runner saves, offers
/// and lets go of drafts the same way on both.
protocol DraftKeeping {
    func saveDraft(_ text: String, for field: FieldRef, baseRevision: Int, in plan: PlanRef) throws
    func draft(for field: FieldRef, in plan: PlanRef) throws -> Draft?
    func discardDraft(for field: FieldRef, in plan: PlanRef) throws
}

extension PlanStore: DraftKeeping {}

extension LocalDrafts: DraftKeeping {
    func saveDraft(_ text: String, for field: FieldRef, baseRevision: Int, in plan: PlanRef) throws {
        try save(text, for: field, baseRevision: baseRevision, in: plan)
    }

    func discardDraft(for field: FieldRef, in plan: PlanRef) throws {
        try discard(field, in: plan)
    }
}
