import Foundation
import PlanKit

/// What comes into `Update`: a key, the time, or what an effect found out. The runner turns
/// every effect into messages, so the state changes only in `Update`.
public enum Message: Sendable {
    case key(KeyEvent)
    /// The clock moved on: drafts, change polling and the heartbeat are due by it.
    case tick(Date)
    /// The terminal the app is drawn on is known: its size and what it can show.
    case attached(width: Int, height: Int, unicode: Bool, colors: Bool)
    /// A plan was opened: show it in the period, at the first thing missing.
    case opened(PlanDocument, period: ReportPeriod)
    /// The list of plans for the chooser; `select` picks the line, nil the plan on the screen.
    /// `statesValid`: the period states read before still hold (no other session has committed).
    case choices(ChooserData, select: PlanChoice?, statesValid: Bool)
    /// The chooser's list read again for Enter on next year's plan (`Effect.recheckStart`).
    case startRechecked(ChooserData, statesValid: Bool)
    /// Period states read in the background.
    case periodStates([PlanRef: ChooserPlanStates])
    /// Others changed these plans on the server: their period states are read again; `list`:
    /// the chooser's list read again, as a plan came or its periods changed.
    case plansChangedElsewhere(Set<PlanRef>, list: ChooserData?)
    /// A message for the status line that is not an error.
    case note(String)
    /// This session changed a field and the plan was read back; `reloaded` when items came or
    /// went (the outline is built again), `focusing` to show the changed field.
    case changed(FieldRef, PlanDocument, reloaded: Bool, focusing: Bool, status: String)
    /// The editor's text is in the store.
    case editorSaved(FieldRef, PlanDocument, reloaded: Bool)
    /// The plan as the store has it now (after a failure, or after another session's change).
    case reloaded(PlanDocument)
    /// Another session changed the plan; `fingerprint` of the plan before tells whether
    /// anything shown changed.
    case othersChanged(PlanDocument)
    case otherSessions([OpenSession])
    /// Someone else saved the field while this person was writing.
    case conflict(Conflict)
    /// An earlier draft of the field the editor just opened on.
    case draftFound(Draft)
    case added(itemID: String, PlanDocument)
    case deleted(parent: OutlineTarget?, PlanDocument)
    case exported(path: String)
    case failed(String)
    /// The status table of a board or department, to show on the board page; `counting`: with
    /// the units' names only, the counts to come (`boardCounted`).
    case boardOpened(BoardStatus, counting: Bool)
    /// The counts of the board's table shown with names only.
    case boardCounted(BoardStatus)
    /// Counting the board's table failed; the message says why.
    case boardCountFailed(String)
    /// The roll-up of the board's table, to show on the roll-up page.
    case rollupOpened(Rollup)
    /// The text came back from the external editor (nil: unchanged).
    case externalEditorFinished(String?)
    case externalEditorFailed
    case year(YearMessage)
}
