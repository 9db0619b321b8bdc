/// Granting and revoking by a nämnd's admin, who is not the database owner: making a login's
/// role and adding it to `vp_tui_logins` needs the owner's privileges, so these functions run
/// as the owner (SECURITY DEFINER, with `search_path` pinned so that a login cannot put its own
/// tables or functions in their way) and first check that the logged-in role (`session_user`)
/// administers the nämnd that contains the target. The nämnd is the first one found going up
/// from the target, never one above it: an admin's rights end at its own nämnd.
///
/// The functions answer with words, not errors, so that the client tells the person in Swedish
/// what happened: `refused`, `role_created`, `role_cannot_log_in`, `already_granted`,
/// `nothing_to_revoke`.
enum PostgresDelegatedRights {
    static let mayGrant = "vp_may_grant(grant_scope text, grant_target text, grant_kind text)"
    static let grant = "vp_grant(grantee text, grant_scope text, grant_target text, grant_kind text)"
    static let revoke = "vp_revoke(grantee text, grant_scope text, grant_target text, grant_kind text)"

    /// The step of the schema that adds them (version 2), and the same in a new database.
    static let statements: [String] = [
        // Whether the logged-in role may hand out this right: the owner of the tables may hand
        // out any; an admin of the nämnd containing the target (at most the nämnd itself) may
        // hand out the rights vp-tui knows there. Any other pair of scope and kind is refused,
        // so that psql cannot make rights the policies were not written for.
        """
        CREATE FUNCTION \(mayGrant) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
            SELECT (grant_scope, grant_kind) IN (('unit', 'write'), ('department', 'read'), ('board', 'read'), ('board', 'admin'))
            AND (
                pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'public.access_grant'::regclass), 'USAGE')
                OR EXISTS (
                    WITH RECURSIVE up(id, kind, parent_id) AS (
                        SELECT id, kind, parent_id FROM organisation WHERE id = grant_target AND kind = grant_scope
                        UNION
                        SELECT o.id, o.kind, o.parent_id FROM organisation o JOIN up ON o.id = up.parent_id
                        WHERE up.kind <> 'board')
                    SELECT 1 FROM up JOIN access_grant g ON g.target_id = up.id
                    WHERE up.kind = 'board' AND g.login = session_user AND g.scope = 'board' AND g.kind = 'admin'))
        $$
        """,
        """
        CREATE FUNCTION \(grant) RETURNS SETOF text LANGUAGE plpgsql VOLATILE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
        DECLARE
            can_login boolean;
        BEGIN
            IF NOT vp_may_grant(grant_scope, grant_target, grant_kind) THEN
                RETURN NEXT 'refused';
                RETURN;
            END IF;
            SELECT rolcanlogin INTO can_login FROM pg_roles WHERE rolname = grantee;
            IF NOT FOUND THEN
                EXECUTE format('CREATE ROLE %I LOGIN', grantee);
                RETURN NEXT 'role_created';
            ELSIF NOT can_login THEN
                RETURN NEXT 'role_cannot_log_in';
            END IF;
            EXECUTE format('GRANT vp_tui_logins TO %I', grantee);
            INSERT INTO access_grant (login, scope, target_id, kind) VALUES (grantee, grant_scope, grant_target, grant_kind)
                ON CONFLICT DO NOTHING;
            IF NOT FOUND THEN
                RETURN NEXT 'already_granted';
            END IF;
        END $$
        """,
        // The role stays: it may hold other rights, or own rows in the edit log.
        """
        CREATE FUNCTION \(revoke) RETURNS SETOF text LANGUAGE plpgsql VOLATILE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
        BEGIN
            IF NOT vp_may_grant(grant_scope, grant_target, grant_kind) THEN
                RETURN NEXT 'refused';
                RETURN;
            END IF;
            DELETE FROM access_grant WHERE login = grantee AND scope = grant_scope AND target_id = grant_target AND kind = grant_kind;
            IF NOT FOUND THEN
                RETURN NEXT 'nothing_to_revoke';
            END IF;
        END $$
        """,
        // A function is anyone's to call until revoked; only vp-tui's logins call these two.
        "REVOKE EXECUTE ON FUNCTION vp_may_grant(text, text, text) FROM PUBLIC",
        "REVOKE EXECUTE ON FUNCTION vp_grant(text, text, text, text), vp_revoke(text, text, text, text) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION vp_grant(text, text, text, text), vp_revoke(text, text, text, text) TO \(PostgresPolicies.loginsRole)",
    ]
}
