import Foundation
import GRDB

/// The outcome of a follow-up (`follow_up.outcome`), stored exactly: a TEXT column holding the
/// value's plain form (see `ExactDecimal`), since a REAL keeps only about 15 significant digits.
enum OutcomeColumn {
    /// What is written for a value: its plain form, or NULL for no outcome.
    static func stored(_ value: Decimal?) -> String? {
        value.map(ExactDecimal.plain)
    }

    /// The value of a stored outcome. The plain form is what vp-tui writes; a REAL or an
    /// INTEGER (a database not yet migrated, opened read-only) is read as the decimal its
    /// shortest text says. Nil for NULL and for anything else (see `unreadableCondition`).
    static func value(_ stored: DatabaseValue) -> Decimal? {
        switch stored.storage {
        case .string(let text): ExactDecimal.parse(plain: text)
        case .double(let number): ExactDecimal.fromDouble(number)
        case .int64(let number): Decimal(number)
        case .null, .blob: nil
        }
    }

    /// An SQL condition true for a stored outcome `value(_:)` cannot read: a blob, or a text
    /// that is not a plain number (a word, a decimal comma, a second point or minus). Digits
    /// with at most one point between them, the usual outcome, are passed by three patterns
    /// rather than seven, since a board's status looks at every follow-up of the year.
    /// The type is told by where the value sorts (numbers, then texts from '', then blobs from
    /// x''), which is the same as typeof() in any column type and spares its calls.
    static let unreadableCondition = """
        (outcome >= x'' OR (outcome >= '' AND outcome < x'' \
        AND NOT (outcome NOT GLOB '*[^0-9.]*' AND outcome GLOB '[0-9]*[0-9]' AND outcome NOT GLOB '*.*.*') \
        AND (outcome GLOB '*[^0-9.-]*' OR outcome NOT GLOB '*[0-9]*' \
        OR outcome GLOB '?*-*' OR outcome GLOB '*.*.*' OR outcome GLOB '.*' OR outcome GLOB '-.*' OR outcome GLOB '*.')))
        """

    /// Schema v6: the REAL column becomes TEXT. SQLite cannot change a column's type, so the
    /// table is made anew; each REAL is converted in Swift from its shortest round-trip text
    /// (85.5 stays 85.5; SQLite's own CAST keeps only 15 digits). A text that was stored where
    /// a number belonged is kept as it was, for `check` to report.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE follow_up_exact (
                unit_id TEXT NOT NULL,
                year INTEGER NOT NULL,
                item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                period TEXT NOT NULL,
                rating TEXT,
                status TEXT,
                outcome TEXT,
                analysis TEXT,
                revision INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (unit_id, year, item_id, period),
                FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE
            );
            INSERT INTO follow_up_exact
                SELECT unit_id, year, item_id, period, rating, status,
                       CASE WHEN typeof(outcome) IN ('real', 'integer') THEN NULL ELSE outcome END, analysis, revision
                FROM follow_up;
            """)
        let numbers = try Row.fetchAll(db, sql: """
            SELECT unit_id, year, item_id, period, outcome, CAST(outcome AS TEXT) AS written FROM follow_up
            WHERE typeof(outcome) IN ('real', 'integer')
            """)
        for row in numbers {
            // A number Decimal cannot hold (an infinity, beyond 10^165) keeps SQLite's text of it.
            let exact = value(row["outcome"]).map(ExactDecimal.plain) ?? (row["written"] as String?)
            try db.execute(sql: """
                UPDATE follow_up_exact SET outcome = ? WHERE unit_id = ? AND year = ? AND item_id = ? AND period = ?
                """, arguments: [exact, row["unit_id"], row["year"], row["item_id"], row["period"]])
        }
        try db.execute(sql: """
            DROP TABLE follow_up;
            ALTER TABLE follow_up_exact RENAME TO follow_up;
            """)
    }
}
