import PlanKitPostgres

/// A cluster's databases as PlanKitPostgres reaches them, for the fixtures that put a store
/// made in a SQLite file on the server.
extension ThrowawayCluster {
    /// A database of this cluster as `login`.
    public func address(database: String, login: String = ThrowawayCluster.owner) throws -> PostgresAddress {
        try PostgresAddress.parse(url(database: database, login: login), environment: [:])
    }

    /// A new database holding what the SQLite file holds, copied with `vp-tui copy`'s code.
    public func copy(ofSQLite path: String) throws -> String {
        let database = try makeDatabase()
        try StoreCopy.run(from: .sqlite(path: path), to: .postgres(try address(database: database)))
        return database
    }
}
