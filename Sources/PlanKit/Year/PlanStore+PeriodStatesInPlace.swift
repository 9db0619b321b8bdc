import GRDB

extension PlanStore {
    /// The states of plans whose rows the store does not hold (a copy of a server's plans holds
    /// only the plans opened): `place` puts the plans' rows in, the states are worked out as by
    /// `periodStates(_:)`, and the transaction is rolled back, so that the store holds afterwards
    /// what it held before. Without foreign keys, as such a copy is filled.
    package func periodStates(_ refs: [PlanRef], placing place: (Database) throws -> Void) throws -> [PlanRef: PlanPeriodStates] {
        var result: [PlanRef: PlanPeriodStates] = [:]
        try writeWithoutForeignKeys(then: .rollback) { db in
            try place(db)
            result = try periodStates(refs, db)
        }
        return result
    }
}
