import Foundation
import PlanKit
import PlanKitPostgres
import VPCommandLine

/// `grant` and `revoke` on the database, connecting as its owner would (installing vp-tui's
/// tables in an empty database: the owner's first command).
extension LinkedPostgres {
    public func grant(_ grant: AccessGrant, url: String) throws {
        let notices = try PostgresRights.grant(grant, on: try PostgresDatabase.open(try PostgresAddress.parse(url), install: true))
        for notice in notices { FileHandle.standardError.write(Data((Strings.RightsOutcome.notice(notice, grant) + "\n").utf8)) }
        if !notices.contains(.alreadyGranted) { print(Strings.RightsOutcome.granted(grant)) }
    }

    public func revoke(_ grant: AccessGrant, url: String) throws {
        let notices = try PostgresRights.revoke(grant, on: try PostgresDatabase.open(try PostgresAddress.parse(url), install: true))
        for notice in notices { FileHandle.standardError.write(Data((Strings.RightsOutcome.notice(notice, grant) + "\n").utf8)) }
        if notices.isEmpty { print(Strings.RightsOutcome.revoked(grant)) }
    }
}
