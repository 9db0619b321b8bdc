import Foundation
import PlanKit

/// What granting or revoking did besides its work, for the person to be told.
public enum RightsNotice: Equatable, Sendable {
    case roleCreated(String)
    /// The role exists but may not log in (NOLOGIN): the right is kept, but unused until it may.
    case roleCannotLogIn(String)
    case alreadyGranted
    case nothingToRevoke
}

/// Granting and revoking rights, in `access_grant` (which the row-level policies read).
public enum PostgresRights {
    /// Records the right, making the login's role first when there is none. One transaction.
    /// A login that does not own the tables goes through `vp_grant`, which checks that it
    /// administers the target's nämnd; else `PostgresRightsError.notAllowed`.
    public static func grant(_ grant: AccessGrant, on link: PostgresLink) throws -> [RightsNotice] {
        try link.transaction {
            try checkTarget(grant, link)
            guard try PostgresDatabase.ownsTables(link) else { return try delegated("vp_grant", grant, link) }
            var notices: [RightsNotice] = []
            let role = quoted(grant.login)
            switch try link.run("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1", [.text(grant.login)]).single {
            case nil:
                try link.run("CREATE ROLE \(role) LOGIN")
                notices.append(.roleCreated(grant.login))
            case .integer(0)?:
                notices.append(.roleCannotLogIn(grant.login))
            default:
                break
            }
            try link.run("GRANT \(PostgresPolicies.loginsRole) TO \(role)")
            let inserted = try link.run("""
                INSERT INTO access_grant (login, scope, target_id, kind) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING
                """, parameters(grant)).changed
            if inserted == 0 { notices.append(.alreadyGranted) }
            return notices
        }
    }

    /// Removes the right; the role stays (it may hold other rights, or own rows in the edit log).
    /// A login that does not own the tables goes through `vp_revoke`, as `grant` does.
    public static func revoke(_ grant: AccessGrant, on link: PostgresLink) throws -> [RightsNotice] {
        guard try PostgresDatabase.ownsTables(link) else {
            return try delegated("vp_revoke", grant, link)
        }
        let removed = try link.run("""
            DELETE FROM access_grant WHERE login = $1 AND scope = $2 AND target_id = $3 AND kind = $4
            """, parameters(grant)).changed
        return removed == 0 ? [.nothingToRevoke] : []
    }

    /// The rights recorded for a login, in a fixed order.
    public static func grants(of login: String, on link: PostgresLink) throws -> [AccessGrant] {
        try link.run("""
            SELECT scope, target_id, kind FROM access_grant WHERE login = $1 ORDER BY scope, target_id, kind
            """, [.text(login)]).values.compactMap { row in
            guard case .text(let scope) = row[0], case .text(let target) = row[1], case .text(let kind) = row[2],
                  let scope = AccessGrant.Scope(rawValue: scope), let kind = AccessGrant.Kind(rawValue: kind) else { return nil }
            return AccessGrant(login: login, scope: scope, target: target, kind: kind)
        }
    }

    /// The organisation a right is on, as `grant` names it: by its id, or by its name or id in
    /// any case, as the app finds a unit. Its id and name; a name that fits several
    /// organisations of the scope's kind is refused with their ids. Not found: the name as
    /// given, which `grant` and `revoke` then refuse.
    public static func target(of grant: AccessGrant, on link: PostgresLink) throws -> (id: String, name: String) {
        let organisations = try link.run("SELECT id, name FROM organisation WHERE kind = $1 ORDER BY id", [.text(kindName(grant.scope))])
            .values.compactMap { row -> (id: String, name: String)? in
                guard case .text(let id) = row[0], case .text(let name) = row[1] else { return nil }
                return (id, name)
            }
        if let exact = organisations.first(where: { $0.id == grant.target }) { return exact }
        let folded = grant.target.lowercased()
        let matches = organisations.filter { $0.id.lowercased() == folded || $0.name.lowercased() == folded }
        guard matches.count <= 1 else { throw PostgresRightsError.ambiguousTarget(grant.scope, grant.target, candidates: matches.map(\.id)) }
        return matches.first ?? (grant.target, grant.target)
    }

    static func kindName(_ scope: AccessGrant.Scope) -> String {
        switch scope {
        case .unit: "unit"
        case .department: "department"
        case .board: "board"
        }
    }

    /// The organisation the right is on must exist, and be of the scope's kind.
    static func checkTarget(_ grant: AccessGrant, _ link: PostgresLink) throws {
        let kind = kindName(grant.scope)
        let found = try link.run("SELECT kind FROM organisation WHERE id = $1", [.text(grant.target)]).single
        guard found == .text(kind) else {
            throw PostgresRightsError.unknownTarget(grant.scope, grant.target, foundKind: found.flatMap {
                if case .text(let kind) = $0 { kind } else { nil }
            })
        }
    }

    static func parameters(_ grant: AccessGrant) -> [PostgresValue] {
        [.text(grant.login), .text(grant.scope.rawValue), .text(grant.target), .text(grant.kind.rawValue)]
    }

    /// A role name as an SQL identifier, whatever characters it has.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

public enum PostgresRightsError: Error, Equatable, LocalizedError {
    /// No organisation of that id and kind; `foundKind`: the kind of the one found under that id.
    case unknownTarget(AccessGrant.Scope, String, foundKind: String?)
    /// Several organisations of the scope's kind have that name (their ids).
    case ambiguousTarget(AccessGrant.Scope, String, candidates: [String])
    /// The login neither owns the tables nor administers the nämnd that holds the target.
    case notAllowed(AccessGrant.Scope, String)

    public var errorDescription: String? { Strings.Postgres.rightsError(self) }
}
