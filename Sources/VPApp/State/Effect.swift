import PlanKit

/// What `Update` asks the outside world to do. The runner performs them and answers with
/// messages (`Message`) that go back through `Update`; `quit` and `runExternalEditor` go on
/// to the main loop, which owns the terminal.
public enum Effect: Equatable, Sendable {
    case set(FieldRef, FieldValue?, expectedRevision: Int?, message: String?)
    case undo
    case redo
    case open(PlanChoice)
    /// Read the list of plans for the chooser (it can be thousands long, so only when shown).
    case loadChoices
    /// Enter on next year's plan whose board goals were not in the database: read the list
    /// again, since they may have been imported since it was read, and try again.
    case recheckStart
    /// Start a period (or next year's plan) and open it.
    case startPeriod(StartRequest)
    /// Read the period states of these plans in the background; `urgent`: before the others asked for.
    case wantStates([PlanRef], urgent: Bool)
    /// Hand over the period states read in the background since the last time.
    case collectStates
    /// Read the status of every unit of the board (or department) above the unit, for the period.
    case openBoard(unitID: String, level: OrganisationKind, year: Int, period: ReportPeriod)
    /// Hand over the counts of the board's table once they are done.
    case collectBoardCount
    /// Read the roll-up of the board (or department) of the status table, for its year and period.
    case openRollup(scopeID: String, kind: OrganisationKind, year: Int, period: ReportPeriod)
    /// Write the report; `mayReplace` when the person named the file, else a file this session
    /// did not write stays and the report goes under a free name beside it.
    case exportReport(path: String, mayReplace: Bool)
    case addUnitGoal(boardGoal: String, title: String)
    case addActivity(unitGoal: String, title: String)
    case deleteItem(String)
    case planning(PlanningEffect)
    case runExternalEditor(String)
    /// Save the editor's text over the revision it was opened at (or a conflict comes back).
    case saveEditor(EditorSession)
    case discardDraft(FieldRef)
    /// Keep the text being written as a draft (if it changed since the last time).
    case saveDraft(EditorSession)
    /// The editor just opened: is there an earlier draft of its field?
    case lookForDraft(EditorSession)
    /// A plan just opened: are drafts of this login waiting in it, left by an app that ended
    /// before they were saved?
    case lookForWaitingDrafts(PlanRef)
    /// Has another session committed since the plan was read?
    case checkForChanges
    /// Say this session is alive, and see who else is.
    case heartbeat
    /// Start SQLite's check of the whole file for damage, in the background.
    case checkFileForDamage
    case quit
    case year(YearEffect)
}
