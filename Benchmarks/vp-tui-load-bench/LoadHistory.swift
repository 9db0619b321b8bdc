import GRDB

/// Gives every plan of the district `entriesPerUnit` earlier edits in its edit log, by a login
/// of their own ("history"), as a database in the middle of its year holds: the generated
/// district's log has about ten entries per unit.
///
/// Why it matters on PostgreSQL: autovacuum vacuums and analyses a table once the rows inserted
/// since its last visit pass 1 000 plus a fifth of its rows. With the generated log (3 316
/// rows), a minute of saves passes that, and the vacuum makes each of the run's connections plan
/// its saves again at its next save, bunched in the seconds after; a city's log of millions of
/// rows is visited once in hundreds of thousands of saves. The entries repeat the district's own
/// edits (their fields and values) in turn, so that reading the log decodes them as any other.
func addHistory(_ path: String, entriesPerUnit: Int) throws {
    guard entriesPerUnit > 0 else { return }
    let database = try DatabaseQueue(path: path)
    try database.write { db in
        try db.execute(sql: """
            WITH RECURSIVE numbered(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM numbered WHERE n < ?),
            template AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, field, old_value, new_value
                         FROM edit_log WHERE action = 'edit'),
            templates AS (SELECT count(*) AS count FROM template)
            INSERT INTO edit_log (at, login, unit_id, year, action, field, old_value, new_value, state)
            SELECT '2021-06-01T09:00:00.000Z', 'history', plan.unit_id, plan.year, 'edit',
                   template.field, template.old_value, template.new_value, 'active'
            FROM plan, numbered, templates JOIN template ON template.k = (numbered.n + plan.rowid) % templates.count
            """, arguments: [entriesPerUnit])
    }
}
