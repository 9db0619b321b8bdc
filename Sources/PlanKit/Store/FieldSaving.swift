/// Saving one field of a plan and stepping back and forth through the edit log, as both stores
/// do it: the SQLite file (`PlanStore`) and the city's PostgreSQL server (PlanKitPostgres).
public protocol FieldSaving: AnyObject {
    /// Who the changes are logged as, and whose changes undo and redo walk through.
    var login: String { get }

    /// Sets one field in one transaction with its log entry; refuses with
    /// `PlanError.staleRevision` when the record's revision is no longer `expectedRevision`.
    @discardableResult
    func set(_ ref: FieldRef, to value: FieldValue?, in plan: PlanRef, expectedRevision: Int?) throws -> Int

    @discardableResult
    func undo(in plan: PlanRef) throws -> FieldRef

    @discardableResult
    func redo(in plan: PlanRef) throws -> FieldRef

    func value(of ref: FieldRef, in plan: PlanRef) throws -> (value: FieldValue?, revision: Int)

    /// The edit log of a plan, oldest first.
    func history(_ ref: PlanRef) throws -> [EditLogEntry]

    /// The unit's own goals and activities, added and deleted whole (each one change in the
    /// edit log, undone like any other); each returns the new item's id.
    @discardableResult
    func addUnitGoal(title: String, under boardGoal: String, in plan: PlanRef) throws -> String
    @discardableResult
    func addActivity(title: String, under unitGoal: String, in plan: PlanRef) throws -> String
    func deleteItem(_ id: String, in plan: PlanRef) throws

    /// The unit's own indicators under its own goals, added (returning the new id) and changed.
    @discardableResult
    func addIndicator(name: String, under unitGoal: String, target: String, targetKind: TargetKind,
                      measureUnit: String?, periodicity: Periodicity, direction: Direction, in plan: PlanRef) throws -> String
    func setIndicator(_ indicator: String, target: String, targetKind: TargetKind, measureUnit: String?,
                      periodicity: Periodicity, direction: Direction, in plan: PlanRef) throws

    /// Both dates of an own activity, set together (one is not checked without the other).
    func setActivityDates(start: String, end: String, activity: String, in plan: PlanRef) throws

    /// The unit's own sections of a period: added (returning the new id), renamed and removed,
    /// each one change in the edit log.
    @discardableResult
    func addSection(title: String, period: ReportPeriod, placement: SectionPlacement, in plan: PlanRef) throws -> String
    func renameSection(_ section: String, to title: String, period: ReportPeriod, in plan: PlanRef) throws
    func removeSection(_ section: String, period: ReportPeriod, in plan: PlanRef) throws

    /// Hands the period's report in (refused when something is missing or it is handed in already).
    @discardableResult
    func submit(_ plan: PlanRef, period: ReportPeriod) throws -> HandIn

    /// Opens a handed-in report again for changes, the reason in the edit log (refused without one).
    func reopen(_ plan: PlanRef, period: ReportPeriod, reason: String) throws

    /// Starts a follow-up period of the plan (refused when it is there already).
    @discardableResult
    func startPeriod(_ period: ReportPeriod, in plan: PlanRef) throws -> StartedPeriod

    /// Starts the unit's plan for `year` from its plan for `fromYear` (nil: the year before),
    /// carrying its own items over (refused when the plan is there already).
    @discardableResult
    func startYear(unit: String, year: Int, from fromYear: Int?) throws -> StartedYear

    /// Places a carried-over item under a nämndmål of the year, or confirms a close match
    /// where it stands (`under` nil); lets an item that waits go.
    @discardableResult
    func placeCarriedItem(_ sourceID: String, under boardGoal: String?, in plan: PlanRef) throws -> CarryOverEntry
    func dropCarriedItem(_ sourceID: String, in plan: PlanRef) throws
}

extension PlanStore: FieldSaving {}
