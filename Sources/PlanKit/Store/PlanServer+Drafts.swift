import Foundation

/// Drafts of the texts being written, kept on the server per login, so that a text begun on one
/// SSH host is offered on another after a lost link. The app keeps each draft on its own
/// computer too: the server is written in the background and may be out of reach.
public protocol PlanServerDrafts: AnyObject, Sendable {
    /// Puts `draft` on the server as this login's, in the background: never waits for the
    /// network. One the server cannot take now is written when it answers again. `kept` runs
    /// (on a background thread) once the server holds it.
    func keepDraft(_ draft: Draft, in plan: PlanRef, kept: @escaping @Sendable () -> Void)

    /// This login's newest draft of the field on the server, from what was read in the
    /// background for the plan on the screen and what this app kept or let go since. Waits a
    /// moment at most, only while that read is still under way; `.unknown` when the server
    /// cannot say (lost, or slower than that moment).
    func serverDraft(for field: FieldRef, in plan: PlanRef) -> ServerDraftAnswer

    /// Removes every draft of the field this login keeps on the server, in the background; one
    /// the server cannot remove now is removed when it answers again.
    func letGoOfDraft(for field: FieldRef, in plan: PlanRef)
}

/// What the server knows of a draft.
public enum ServerDraftAnswer: Equatable, Sendable {
    /// The server's newest draft of the field; nil: it holds none.
    case known(Draft?)
    /// The server could not be asked.
    case unknown
}

extension Draft {
    /// The field as the drafts table keeps it (the edit log's JSON of the field).
    public static func key(_ field: FieldRef) -> String { FieldJSON.encode(field) }

    /// The field of a drafts table's key; nil for a text that names none.
    public static func field(key: String) -> FieldRef? { FieldJSON.field(key) }
}
