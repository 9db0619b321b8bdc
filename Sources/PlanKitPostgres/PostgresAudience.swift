/// Schema version 6: a change is announced only when another connection is there to hear it.
///
/// PostgreSQL 15 wakes every connection of the database that listens on any channel at each
/// commit that notifies, whatever its channels, and it lets one notifying commit through at a
/// time (a lock held to the end of the commit, the write-ahead log's flush included). With three
/// hundred managers listening, each alone in the unit's plan, every save cost three hundred
/// wakeups that found nothing, and every save waited for the others' flushes.
///
/// So each listening connection says what it listens to (`vp_listen`, the organisations whose
/// changes it is to hear, or `*` for all), and a change calls `vp_announce`, which notifies
/// only when a connection other than its own listens to its unit. A manager alone in the unit's
/// plan saves without notifying.
///
/// No notification is lost to a connection that comes while a change is being committed: the
/// change holds a shared advisory lock on its unit (and on `*`) from its check to its commit,
/// and `vp_listen` takes those locks exclusively, so it waits for that commit; whatever the
/// newcomer reads after its `vp_listen` holds the change, and every change checked after it
/// sees the newcomer. Both take their locks in the order of their keys, so neither can hold
/// one the other waits for while waiting for one the other holds.
///
/// Logins have no privileges on `audience`: only these functions, which run as the owner, read
/// and write it. A row of a connection that ended stays until a connection next calls
/// `vp_listen`, which removes the rows of connections that are gone; meanwhile it only makes
/// changes of its units notify for nothing.
enum PostgresAudience {
    /// The first key of the advisory locks (`pg_advisory_xact_lock(int, int)`), set apart from
    /// any other use of advisory locks in the database; the second is the organisation's hash.
    static let lockSpace = 0x7670_7475

    /// `*`: every unit, for the owner.
    static let everyUnit = "*"

    static let statements: [String] = [
        """
        CREATE TABLE audience (
            backend integer NOT NULL, target_id text NOT NULL, login text NOT NULL,
            PRIMARY KEY (target_id, backend))
        """,
        "CREATE INDEX audience_by_backend ON audience(backend)",
        // No policy: no login reads or writes a row itself.
        "ALTER TABLE audience ENABLE ROW LEVEL SECURITY",
        """
        CREATE FUNCTION vp_listen(targets text[]) RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
        BEGIN
            -- Changes of these units in flight are committed first: they did not count this connection.
            PERFORM pg_advisory_xact_lock(\(lockSpace), key)
                FROM (SELECT DISTINCT hashtext(target) AS key FROM unnest(targets) target) keys ORDER BY key;
            DELETE FROM audience WHERE backend = pg_backend_pid()
                OR backend NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL);
            INSERT INTO audience (backend, target_id, login)
                SELECT DISTINCT pg_backend_pid(), target, session_user FROM unnest(targets) target;
        END $$
        """,
        """
        CREATE FUNCTION vp_announce(channel text, payload text, unit text) RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
        BEGIN
            -- Held to the commit: a connection coming to listen waits until this change is in.
            PERFORM pg_advisory_xact_lock_shared(\(lockSpace), key)
                FROM (SELECT DISTINCT hashtext(target) AS key FROM unnest(ARRAY[unit, '\(everyUnit)']) target) keys ORDER BY key;
            IF EXISTS (SELECT 1 FROM audience WHERE target_id IN (unit, '\(everyUnit)') AND backend <> pg_backend_pid()) THEN
                PERFORM pg_notify(channel, payload), pg_notify('\(PostgresChannels.all)', payload);
            END IF;
        END $$
        """,
        "REVOKE EXECUTE ON FUNCTION vp_listen(text[]), vp_announce(text, text, text) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION vp_listen(text[]), vp_announce(text, text, text) TO \(PostgresPolicies.loginsRole)",
    ]
}
