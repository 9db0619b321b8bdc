/// Schema version 5: a text revision's policies look up the row's own item by its key
/// (`EXISTS (SELECT 1 FROM item WHERE item.id = text_revision.item_id AND …)`) rather than ask
/// whether its item is among every item the login may read (`item_id IN (SELECT id FROM item)`).
/// The same rows pass; but the server planned the set as a scan of the whole item table, of
/// 360 000 items in a district of 2 000 units, held and searched row by row for each text, which
/// made a reader's every read of texts take up to a third of a second.
enum PostgresTextPolicies {
    static let statements: [String] = {
        let rule = PostgresPolicies.rules.first { $0.table == "text_revision" }!
        return ["reads", "inserts", "updates", "deletes"].map { "DROP POLICY \($0) ON text_revision" }
            + PostgresPolicies.policies(rule)
    }()
}
