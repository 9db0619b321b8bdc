import PlanKit

/// Where the drafts of texts being written are kept: in the database file beside the plan, or,
/// when the plan is kept on a server, on the server and on this computer (`ServerDrafts`). The
/// runner saves, offers and lets go of drafts the same way on both.
protocol DraftKeeping {
    func saveDraft(_ text: String, for field: FieldRef, baseRevision: Int, in plan: PlanRef) throws
    func draft(for field: FieldRef, in plan: PlanRef) throws -> Draft?
    func discardDraft(for field: FieldRef, in plan: PlanRef) throws
    /// This login's drafts in the plan, oldest first.
    func drafts(in plan: PlanRef) throws -> [Draft]
}

extension PlanStore: DraftKeeping {}
