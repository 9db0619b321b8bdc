/// One step of the PostgreSQL schema from the version before `version` to `version`: its
/// statements run in one transaction with the row that records the new version in
/// `schema_version`, so that a database is always at one version or the next, never between.
public struct PostgresMigration: Sendable {
    public let version: Int
    public let statements: [String]

    public init(version: Int, statements: [String]) {
        self.version = version
        self.statements = statements
    }
}

extension PostgresDatabase {
    /// Brings a database of an older schema version up to `known`, one step at a time, when the
    /// login owns vp-tui's tables; any other login is refused with `schemaOlder`, in Swedish,
    /// since only the owner may change the tables. Another vp-tui of the owner migrating at the
    /// same moment waits for the lock on `schema_version` and then finds the step done.
    /// `ownTransactions`: false when the caller holds a transaction, in which the steps then run.
    static func migrate(_ link: PostgresLink, from found: Int, to known: Int = PostgresSchema.version,
                        steps: [PostgresMigration] = PostgresSchema.migrations, ownTransactions: Bool = true) throws {
        let needed = steps.filter { $0.version > found && $0.version <= known }.sorted { $0.version < $1.version }
        precondition(needed.map(\.version) == Array((found + 1)...known), "a migration step of the PostgreSQL schema is missing")
        guard try ownsTables(link) else {
            throw PostgresStoreError.schemaOlder(link.address, found: found, known: known)
        }
        for step in needed {
            if ownTransactions {
                try link.transaction { try run(step, link) }
            } else {
                try run(step, link)
            }
        }
    }

    private static func run(_ step: PostgresMigration, _ link: PostgresLink) throws {
        try link.run("LOCK TABLE schema_version IN EXCLUSIVE MODE")
        guard case .integer(let current)? = try link.run("SELECT max(version) FROM schema_version").single,
              current < step.version else { return }
        for statement in step.statements { try link.run(statement) }
        try link.run("INSERT INTO schema_version (version) VALUES ($1)", [.integer(Int64(step.version))])
    }

    /// Whether the login is the owner of vp-tui's tables (or a member of the owning role).
    static func ownsTables(_ link: PostgresLink) throws -> Bool {
        try link.run("""
            SELECT pg_has_role(session_user, relowner, 'USAGE') FROM pg_class WHERE oid = 'public.schema_version'::regclass
            """).single == .integer(1)
    }
}
