import PlanKit

/// The commands that start a period or a year and place carried-over items read the plan as
/// the reading commands do, and save the change where the database is: in the file, or on the
/// PostgreSQL server as the address's login, whose rights the server enforces.
extension DatabaseLocation {
    /// One unit's plan of one year to change, and where the change is saved.
    func openPlanToChange(unit: String, year: Int) throws -> (store: PlanStore, ref: PlanRef, saving: any FieldSaving) {
        let (store, ref) = try openPlan(unit: unit, year: year)
        guard let url = postgresURL else { return (store, ref, store) }
        return (store, ref, try PostgresHook.commands.saving(url))
    }
}
