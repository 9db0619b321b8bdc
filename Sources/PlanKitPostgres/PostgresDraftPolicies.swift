/// A draft is the text one person is writing and has not saved: only its own login reads or
/// writes it, even among the logins that may change the same unit (schema version 3). Version
/// 1 keyed the draft's policies on the unit alone, as for the unit's other tables.
enum PostgresDraftPolicies {
    static let read = "login = session_user AND \(PostgresPolicies.within("unit_id", "vp_readable"))"
    static let write = "login = session_user AND \(PostgresPolicies.within("unit_id", "vp_writable"))"

    static let statements: [String] = ["reads", "inserts", "updates", "deletes"].map { "DROP POLICY \($0) ON draft" } + [
        "CREATE POLICY reads ON draft FOR SELECT USING (\(read))",
        "CREATE POLICY inserts ON draft FOR INSERT WITH CHECK (\(write))",
        "CREATE POLICY updates ON draft FOR UPDATE USING (\(write)) WITH CHECK (\(write))",
        "CREATE POLICY deletes ON draft FOR DELETE USING (\(write))",
    ]
}
