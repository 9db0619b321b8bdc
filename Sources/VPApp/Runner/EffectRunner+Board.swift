import PlanKit

extension EffectRunner {
    /// The table of every unit of the board (or department) above the unit, for the period,
    /// with the units' names only; their counts are started in the background (`boardCounter`).
    func boardNames(above unitID: String, level: OrganisationKind, year: Int, period: ReportPeriod) throws -> BoardStatus {
        let organisations = Dictionary(try store.organisations().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var current = organisations[unitID]?.parentID.flatMap { organisations[$0] }
        while let organisation = current, organisation.kind != level { current = organisation.parentID.flatMap { organisations[$0] } }
        guard let top = current else { throw RollupError.noUnits(organisations[unitID]?.displayName ?? unitID) }
        let scope = try readable(store.boardScope(board: level == .board ? top.id : nil, department: level == .department ? top.id : nil))
        // On a server the board's plans are read now, as they are shown.
        try server?.bringIn(board: scope.board.id, year: year)
        let names = try store.boardNames(scope, year: year, period: period)
        // The counts take a few hundred milliseconds for a district: the table shows at once
        // with the names and takes the counts when they come.
        boardCounter.start { [store] in Result { try store.boardStatus(scope, year: year, period: period) } }
        return names
    }
}

extension EffectRunner {
    /// The roll-up of the board or department of a status table: the report `vp-tui export --namnd` writes.
    func rollup(of scopeID: String, kind: OrganisationKind, year: Int, period: ReportPeriod) throws -> Rollup {
        let scope = try readable(store.boardScope(board: kind == .board ? scopeID : nil, department: kind == .department ? scopeID : nil))
        try server?.bringIn(board: scope.board.id, year: year)
        return try store.rollup(scope, year: year, period: period)
    }
}

extension EffectRunner {
    /// The scope's units whose plans the login may read: on a server, a unit's manager or a
    /// department's reader is shown the units it may read, not the others as without a plan.
    func readable(_ scope: BoardScope) -> BoardScope {
        guard let readable = server?.readableUnits else { return scope }
        var scope = scope
        scope.units = scope.units.filter { readable.contains($0.id) }
        return scope
    }
}
