/// Schema version 4: the same rights, answered with less work on every statement.
///
/// - Each policy that asks whether a login may read or write a unit asks the login's own grants
///   first (`PostgresPolicies.within`): a unit's manager is answered from `access_grant`'s index.
/// - The functions that walk the organisation are PL/pgSQL, whose statements are planned once
///   per connection; a function in SQL was planned again at every call, several times in each
///   saved change. Each walks the tree in one statement of its own rather than calling another.
/// - The walk down the organisation finds a node's children by an index on `parent_id`.
///
/// The policies are made again from `PostgresPolicies.rules`, so that a migrated database and a
/// new one hold the same.
enum PostgresQuickerRights {
    /// The organisations at or below the login's grants of these kinds.
    private static func down(_ kinds: String) -> String {
        """
        WITH RECURSIVE down(id) AS (
            SELECT target_id FROM access_grant WHERE login = session_user AND kind IN (\(kinds))
            UNION
            SELECT o.id FROM organisation o JOIN down ON o.parent_id = down.id)
        SELECT id FROM down
        """
    }

    /// Every kind of grant reads what is at or below its target.
    private static let readingKinds = "'write', 'read', 'admin'"

    private static func function(_ signature: String, _ query: String) -> String {
        """
        CREATE OR REPLACE FUNCTION \(signature) RETURNS SETOF text LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$ BEGIN RETURN QUERY \(query); END $$
        """
    }

    static let functions: [String] = [
        function("vp_granted(kinds text[])", PostgresPolicies.grantedWalk),
        function("vp_readable()", down(readingKinds)),
        function("vp_administered()", down("'admin'")),
        function("vp_writable()", down("'admin'") + """

            UNION SELECT target_id FROM access_grant WHERE login = session_user AND kind = 'write'
            """),
        // Whose cascade the login reads: the organisations at, above or below its grants.
        function("vp_seen()", """
            WITH RECURSIVE up(id) AS (
                SELECT target_id FROM access_grant WHERE login = session_user
                UNION
                SELECT o.parent_id FROM organisation o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL),
            down(id) AS (
                SELECT target_id FROM access_grant WHERE login = session_user AND kind IN (\(readingKinds))
                UNION
                SELECT o.id FROM organisation o JOIN down ON o.parent_id = down.id)
            SELECT id FROM up UNION SELECT id FROM down
            """),
    ]

    static let statements: [String] = functions
        + ["CREATE INDEX organisation_by_parent ON organisation(parent_id)"]
        + PostgresPolicies.rules.filter { $0.table != "draft" }.flatMap { rule in
            ["reads", "inserts", "updates", "deletes"].map { "DROP POLICY \($0) ON \(rule.table)" } + PostgresPolicies.policies(rule)
        }
        + PostgresDraftPolicies.statements
}
