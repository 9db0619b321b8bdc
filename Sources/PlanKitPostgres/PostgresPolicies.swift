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

    /// The organisations at or below the targets of the login's grants of `kinds` (UNION ends a cycle).
    static let grantedWalk = """
        WITH RECURSIVE down(id) AS (
            SELECT target_id FROM access_grant WHERE login = session_user AND kind = ANY(kinds)
            UNION
            SELECT o.id FROM organisation o JOIN down ON o.parent_id = down.id)
        SELECT id FROM down
        """

    /// Each function gives a set of organisation ids for the logged-in role, read as the owner.
    /// The policies ask `x IN (SELECT f())`, which PostgreSQL works out once per statement, not
    /// once per row: a unit's manager reading a district's tables does not walk the tree per row.
    static let functions: [String] = [
        setFunction("vp_granted(kinds text[])", grantedWalk),
        setFunction("vp_readable()", "SELECT vp_granted('{write,read,admin}')"),
        setFunction("vp_administered()", "SELECT vp_granted('{admin}')"),
        setFunction("vp_writable()", """
            SELECT target_id FROM access_grant WHERE login = session_user AND kind = 'write' UNION SELECT vp_granted('{admin}')
            """),
        // Whose cascade the login reads: the organisations at, above or below its grants.
        setFunction("vp_seen()", """
            WITH RECURSIVE up(id) AS (
                SELECT target_id FROM access_grant WHERE login = session_user
                UNION
                SELECT o.parent_id FROM organisation o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)
            SELECT id FROM up UNION SELECT vp_readable()
            """),
        """
        CREATE FUNCTION vp_is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM access_grant WHERE login = session_user AND kind = 'admin')
        $$
        """,
    ]

    static func setFunction(_ signature: String, _ body: String) -> String {
        """
        CREATE FUNCTION \(signature) RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$ \(body) $$
        """
    }

    /// `column` names an organisation in the set of `function`. For the sets a unit's manager
    /// needs (`vp_readable`, `vp_writable`), the login's own grants are asked first, from
    /// `access_grant`'s index: OR stops at the first true, so the function, which walks the
    /// organisation, is called only for a row no grant names directly (a reader's or an admin's).
    /// The answer is the same; a saved change asks it some fifteen times.
    static func within(_ column: String, _ function: String) -> String {
        switch function {
        case "vp_readable":
            "(\(column) IN (SELECT target_id FROM access_grant WHERE login = session_user) OR \(column) IN (SELECT vp_readable()))"
        case "vp_writable":
            "(\(column) IN (SELECT target_id FROM access_grant WHERE login = session_user AND kind = 'write') "
                + "OR \(column) IN (SELECT vp_writable()))"
        default: "\(column) IN (SELECT \(function)())"
        }
    }

    /// A text revision's rights: its item's, which the login may read and for which `condition` holds.
    static func textThroughItem(_ condition: String) -> String {
        "EXISTS (SELECT 1 FROM item WHERE item.id = text_revision.item_id AND (\(condition)))"
    }

    /// Who reads (`USING` of SELECT) and who writes (INSERT, UPDATE, DELETE) each table's rows.
    static let rules: [(table: String, read: String, write: String)] = {
        let unitTables = ["plan", "plan_inherits", "follow_up", "section", "draft", "open_session", "hand_in", "carry_over"]
        let readItem = "CASE WHEN unit_id IS NULL THEN \(within("board_id", "vp_seen")) ELSE \(within("unit_id", "vp_readable")) END"
        let writeItem = "CASE WHEN unit_id IS NULL THEN \(within("board_id", "vp_administered")) ELSE \(within("unit_id", "vp_writable")) END"
        return [
            ("organisation", "true", "\(within("id", "vp_administered")) OR \(within("parent_id", "vp_administered"))"),
            ("cascade", "true", within("board_id", "vp_administered")),
            ("item", readItem, writeItem),
            // Through the item, whose own policy applies in the subquery: the row's own item,
            // found by its key (`PostgresTextPolicies`).
            ("text_revision", textThroughItem("true"), textThroughItem(writeItem)),
            ("edit_log", "CASE WHEN unit_id IS NULL THEN (SELECT vp_is_admin()) ELSE \(within("unit_id", "vp_readable")) END",
             "CASE WHEN unit_id IS NULL THEN (SELECT vp_is_admin()) ELSE \(within("unit_id", "vp_writable")) END"),
            ("access_grant", "login = session_user OR \(within("target_id", "vp_administered"))", within("target_id", "vp_administered")),
            ("schema_version", "true", "false"),
        ] + unitTables.map { ($0, within("unit_id", "vp_readable"), within("unit_id", "vp_writable")) }
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
            ] + policies(rule)
        }
        return statements
    }

    /// The four policies of a table: who reads, inserts, updates and deletes its rows.
    static func policies(_ rule: (table: String, read: String, write: String)) -> [String] {
        [
            "CREATE POLICY reads ON \(rule.table) FOR SELECT USING (\(rule.read))",
            "CREATE POLICY inserts ON \(rule.table) FOR INSERT WITH CHECK (\(rule.write))",
            "CREATE POLICY updates ON \(rule.table) FOR UPDATE USING (\(rule.write)) WITH CHECK (\(rule.write))",
            "CREATE POLICY deletes ON \(rule.table) FOR DELETE USING (\(rule.write))",
        ]
    }
}
