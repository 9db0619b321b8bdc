import GRDB

extension PlanStore {
    /// Runs `body` in one transaction with the foreign keys off, ended by `completion`. A copy of
    /// a server's rows is filled so: the login may read a row whose referent it may not (an edit
    /// that refers to another unit's), and the tables are replaced in whatever order suits.
    package func writeWithoutForeignKeys(then completion: Database.TransactionCompletion = .commit,
                                         _ body: (Database) throws -> Void) throws {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction {
                try body(db)
                return completion
            }
        }
    }
}
