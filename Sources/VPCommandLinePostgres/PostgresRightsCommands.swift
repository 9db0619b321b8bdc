import Foundation
import PlanKit
import PlanKitPostgres
import VPCommandLine

/// `grant` and `revoke` on the database, connecting as its owner would (installing vp-tui's
/// tables in an empty database: the owner's first command).
extension LinkedPostgres {
    public func grant(_ grant: AccessGrant, url: String) throws {
        let link = try PostgresDatabase.open(try PostgresAddress.parse(url), install: true)
        let (grant, name) = try Self.named(grant, link)
        let notices = try PostgresRights.grant(grant, on: link)
        for notice in notices { FileHandle.standardError.write(Data((Strings.RightsOutcome.notice(notice, grant, name) + "\n").utf8)) }
        if !notices.contains(.alreadyGranted) { print(Strings.RightsOutcome.granted(grant, name)) }
    }

    public func revoke(_ grant: AccessGrant, url: String) throws {
        let link = try PostgresDatabase.open(try PostgresAddress.parse(url), install: true)
        let (grant, name) = try Self.named(grant, link)
        let notices = try PostgresRights.revoke(grant, on: link)
        for notice in notices { FileHandle.standardError.write(Data((Strings.RightsOutcome.notice(notice, grant, name) + "\n").utf8)) }
        if notices.isEmpty { print(Strings.RightsOutcome.revoked(grant, name)) }
    }

    /// The right with its target given by id, as the person may name it by its name, and that name.
    private static func named(_ grant: AccessGrant, _ link: PostgresLink) throws -> (AccessGrant, String) {
        let target = try PostgresRights.target(of: grant, on: link)
        var named = grant
        named.target = target.id
        return (named, target.name)
    }
}
