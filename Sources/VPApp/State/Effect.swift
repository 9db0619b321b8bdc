import PlanKit

/// What `Update` asks the outside world to do. The controller performs store effects and feeds
/// the result back into the state; terminal effects go to the main loop.
public enum Effect: Equatable, Sendable {
    case set(FieldRef, FieldValue?, expectedRevision: Int?, message: String?)
    case undo
    case redo
    case open(PlanChoice)
    /// Read the list of plans for the chooser (it can be thousands long, so only when shown).
    case loadChoices
    /// Write the report; `mayReplace` when the person named the file, else a file this session
    /// did not write stays and the report goes under a free name beside it.
    case exportReport(path: String, mayReplace: Bool)
    case addUnitGoal(boardGoal: String)
    case addActivity(unitGoal: String)
    case deleteItem(String)
    case runExternalEditor(String)
    /// Save the editor's text over the revision it was opened at (or a conflict comes back).
    case saveEditor(EditorSession)
    case discardDraft(FieldRef)
    case quit
}
