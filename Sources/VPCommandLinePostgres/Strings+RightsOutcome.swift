import PlanKit
import PlanKitPostgres

/// What `grant` and `revoke` did, said to the person.
extension Strings {
    enum RightsOutcome {
        static func granted(_ grant: AccessGrant, _ name: String) -> String {
            "”\(grant.login)” har nu \(what(grant, name))."
        }

        static func revoked(_ grant: AccessGrant, _ name: String) -> String {
            "”\(grant.login)” har inte längre \(what(grant, name))."
        }

        /// The right and where, with the organisation's id after its name when they differ.
        static func what(_ grant: AccessGrant, _ name: String) -> String {
            let right = switch grant.kind {
            case .write: "skrivrätt till"
            case .read: "läsrätt till"
            case .admin: "förvaltning av"
            }
            let scope = switch grant.scope {
            case .unit: "enheten"
            case .department: "avdelningen"
            case .board: "nämnden"
            }
            return "\(right) \(scope) ”\(name)”" + (name == grant.target ? "" : " (\(grant.target))")
        }

        static func notice(_ notice: RightsNotice, _ grant: AccessGrant, _ name: String) -> String {
            switch notice {
            case .roleCreated(let login): "Rollen ”\(login)” fanns inte och har skapats (LOGIN, utan lösenord)."
            case .roleCannotLogIn(let login):
                "Obs: rollen ”\(login)” får inte logga in (NOLOGIN). Rätten är sparad men används inte förrän "
                    + "databasens ägare ger rollen LOGIN (ALTER ROLE \(login) LOGIN)."
            case .alreadyGranted: "”\(grant.login)” hade redan \(what(grant, name)); inget har ändrats."
            case .nothingToRevoke: "”\(grant.login)” hade inte \(what(grant, name)); inget har ändrats."
            }
        }
    }
}
