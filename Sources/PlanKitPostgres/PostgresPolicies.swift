/// Row-level security: every login sees and changes only what `access_grant` gives it, enforced
/// by PostgreSQL for any client, vp-tui or psql. The owner of the tables (who installed them)
/// is not bound by the policies.
///
/// - `write` on a unit: reads and changes that unit's rows.
/// - `read` on a department or board: reads the rows of every unit below it.
/// - `admin` on a board: reads and changes everything below it, its cascade and its
///   organisation, and grants rights there.
/// - The board's own items (its cascade) are read by every login with any right at or below it.
/// - The organisation tree and the schema version are read by every login.
///
/// The rights are those of the logged-in role (`session_user`): the functions run as the owner
/// to read the grants, which no login can read or change beyond its own.
enum PostgresPolicies {
    /// The role every granted login is a member of; it holds the table privileges, the policies
    /// hold the rows.
    static let loginsRole = "vp_tui_logins"

    static let functions: [String] = [
        // The organisation and its ancestors, nearest first (at most 32 levels: a cycle ends there).
        """
        CREATE FUNCTION vp_lineage(org text) RETURNS SETOF text LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
            WITH RECURSIVE up(id, depth) AS (
                SELECT org, 0 WHERE org IS NOT NULL
                UNION ALL
                SELECT o.parent_id, up.depth + 1 FROM organisation o JOIN up ON o.id = up.id
                WHERE o.parent_id IS NOT NULL AND up.depth < 32)
            SELECT id FROM up
        $$
        """,
        definer("vp_may_read(unit text)", """
            SELECT EXISTS (SELECT 1 FROM access_grant g WHERE g.login = session_user
                AND g.target_id IN (SELECT vp_lineage(unit)))
            """),
        definer("vp_may_write(unit text)", """
            SELECT EXISTS (SELECT 1 FROM access_grant g WHERE g.login = session_user
                AND ((g.kind = 'write' AND g.target_id = unit) OR (g.kind = 'admin' AND g.target_id IN (SELECT vp_lineage(unit)))))
            """),
        definer("vp_may_admin(org text)", """
            SELECT EXISTS (SELECT 1 FROM access_grant g WHERE g.login = session_user AND g.kind = 'admin'
                AND g.target_id IN (SELECT vp_lineage(org)))
            """),
        definer("vp_is_admin()", """
            SELECT EXISTS (SELECT 1 FROM access_grant g WHERE g.login = session_user AND g.kind = 'admin')
            """),
        // A board's cascade: seen from any right at, above or below the board.
        definer("vp_may_see_board(board text)", """
            SELECT EXISTS (SELECT 1 FROM access_grant g WHERE g.login = session_user
                AND (g.target_id IN (SELECT vp_lineage(board)) OR board IN (SELECT vp_lineage(g.target_id))))
            """),
        definer("vp_may_read_item(item_id text)", """
            SELECT COALESCE((SELECT CASE WHEN i.unit_id IS NULL THEN vp_may_see_board(i.board_id) ELSE vp_may_read(i.unit_id) END
                FROM item i WHERE i.id = item_id), false)
            """),
        definer("vp_may_write_item(item_id text)", """
            SELECT COALESCE((SELECT CASE WHEN i.unit_id IS NULL THEN vp_may_admin(i.board_id) ELSE vp_may_write(i.unit_id) END
                FROM item i WHERE i.id = item_id), false)
            """),
    ]

    static func definer(_ signature: String, _ body: String) -> String {
        """
        CREATE FUNCTION \(signature) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$ \(body) $$
        """
    }

    /// Who reads (`USING` of SELECT) and who writes (INSERT, UPDATE, DELETE) each table's rows.
    static let rules: [(table: String, read: String, write: String)] = {
        let unitTables = ["plan", "plan_inherits", "follow_up", "section", "draft", "open_session", "hand_in", "carry_over"]
        return [
            ("organisation", "true", "vp_may_admin(id) OR vp_may_admin(parent_id)"),
            ("cascade", "true", "vp_may_admin(board_id)"),
            ("item", "CASE WHEN unit_id IS NULL THEN vp_may_see_board(board_id) ELSE vp_may_read(unit_id) END",
             "CASE WHEN unit_id IS NULL THEN vp_may_admin(board_id) ELSE vp_may_write(unit_id) END"),
            ("text_revision", "vp_may_read_item(item_id)", "vp_may_write_item(item_id)"),
            ("edit_log", "CASE WHEN unit_id IS NULL THEN vp_is_admin() ELSE vp_may_read(unit_id) END",
             "CASE WHEN unit_id IS NULL THEN vp_is_admin() ELSE vp_may_write(unit_id) END"),
            ("access_grant", "login = session_user OR vp_may_admin(target_id)", "vp_may_admin(target_id)"),
            ("schema_version", "true", "false"),
        ] + unitTables.map { ($0, "vp_may_read(unit_id)", "vp_may_write(unit_id)") }
    }()

    /// The statements that make the logins' role, its privileges and the policies.
    static var statements: [String] {
        var statements = functions
        statements.append("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
        // Roles are the cluster's: another database of the cluster may be making the same role
        // at the same moment, and the one that comes second finds it made.
        statements.append("""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(loginsRole)') THEN CREATE ROLE \(loginsRole) NOLOGIN; END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """)
        statements.append("GRANT USAGE ON SCHEMA public TO \(loginsRole)")
        statements.append("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO \(loginsRole)")
        for rule in rules {
            let privileges = switch rule.table {
            case "schema_version": "SELECT"
            case "access_grant": "SELECT, INSERT, DELETE"
            default: "SELECT, INSERT, UPDATE, DELETE"
            }
            statements += [
                "GRANT \(privileges) ON \(rule.table) TO \(loginsRole)",
                "ALTER TABLE \(rule.table) ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY reads ON \(rule.table) FOR SELECT USING (\(rule.read))",
                "CREATE POLICY inserts ON \(rule.table) FOR INSERT WITH CHECK (\(rule.write))",
                "CREATE POLICY updates ON \(rule.table) FOR UPDATE USING (\(rule.write)) WITH CHECK (\(rule.write))",
                "CREATE POLICY deletes ON \(rule.table) FOR DELETE USING (\(rule.write))",
            ]
        }
        return statements
    }
}
