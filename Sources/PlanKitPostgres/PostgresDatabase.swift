/// Opening vp-tui's database on a PostgreSQL server: connecting, then checking that its schema
/// is one this vp-tui knows (or installing it in an empty database, for its owner).
public enum PostgresDatabase {
    public enum SchemaState: Equatable, Sendable {
        /// No vp-tui tables in the database.
        case empty
        case version(Int)
    }

    /// Connects and checks the schema. `install`: an empty database gets vp-tui's tables, its
    /// rights and policies (the login must be allowed to create tables and roles: the owner).
    /// Throws `PostgresStoreError` (in Swedish) for a server that does not answer, a login
    /// refused, a missing database, a newer schema, or (without `install`) no schema at all.
    /// A database of an older schema is migrated when the login owns its tables
    /// (`PostgresSchema.migrations`), and refused with `schemaOlder` for any other login.
    public static func open(_ address: PostgresAddress, install: Bool = false) throws -> PostgresLink {
        try open(address, install: install, known: PostgresSchema.version, migrations: PostgresSchema.migrations)
    }

    /// `open` for a schema of version `known` reached by `migrations`.
    static func open(_ address: PostgresAddress, install: Bool, known: Int, migrations: [PostgresMigration]) throws -> PostgresLink {
        let link = try PostgresLink.connect(address)
        switch try schemaState(link) {
        case .version(let found) where found > known:
            throw PostgresStoreError.schemaNewer(address, found: found, known: known)
        case .version(let found) where found < known:
            try migrate(link, from: found, to: known, steps: migrations)
        case .version:
            break
        case .empty where install:
            try link.transaction { try installSchema(link, version: known, steps: migrations) }
        case .empty:
            throw PostgresStoreError.noSchema(address)
        }
        return link
    }

    public static func schemaState(_ link: PostgresLink) throws -> SchemaState {
        guard case .text = try link.run("SELECT to_regclass('public.schema_version')::text").single ?? .null else { return .empty }
        guard case .integer(let version) = try link.run("SELECT max(version) FROM schema_version").single ?? .null else { return .empty }
        return .version(Int(version))
    }

    /// Version 1's tables and policies, then the steps up to `version`, recorded as `version`.
    static func installSchema(_ link: PostgresLink, version: Int = PostgresSchema.version,
                              steps: [PostgresMigration] = PostgresSchema.migrations) throws {
        let later = steps.filter { $0.version <= version }.sorted { $0.version < $1.version }
        for statement in PostgresSchema.tables + PostgresPolicies.statements + later.flatMap(\.statements) {
            try link.run(statement)
        }
        try link.run("INSERT INTO schema_version (version) VALUES ($1)", [.integer(Int64(version))])
    }
}
