import PlanKit

/// Granting and revoking by a login that does not own the tables: a nämnd's admin, through the
/// functions that run as the owner (`PostgresDelegatedRights`).
extension PostgresRights {
    /// Calls `vp_grant` or `vp_revoke` and turns its words into notices, or into a refusal.
    static func delegated(_ function: String, _ grant: AccessGrant, _ link: PostgresLink) throws -> [RightsNotice] {
        let words = try link.run("SELECT \(function)($1, $2, $3, $4)", parameters(grant)).values.compactMap { row -> String? in
            if case .text(let word)? = row.first { word } else { nil }
        }
        return try words.map { word in
            switch word {
            case "role_created": .roleCreated(grant.login)
            case "role_cannot_log_in": .roleCannotLogIn(grant.login)
            case "already_granted": .alreadyGranted
            case "nothing_to_revoke": .nothingToRevoke
            default: throw PostgresRightsError.notAllowed(grant.scope, grant.target)
            }
        }
    }
}
