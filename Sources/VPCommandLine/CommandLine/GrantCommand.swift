import ArgumentParser
import Foundation
import PlanKit

/// The right a command line names: `--unit U`, `--avdelning D --read`, `--namnd B --read|--admin`.
struct RightOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(Strings.Rights.login, valueName: "INLOGGNING")) var login: String
    @Option(help: ArgumentHelp(Strings.Rights.unit, valueName: "ENHET"))
    var unit: String?
    @Option(name: .customLong("avdelning"), help: ArgumentHelp(Strings.Rights.department, valueName: "AVDELNING"))
    var department: String?
    @Option(name: .customLong("namnd"), help: ArgumentHelp(Strings.Rights.board, valueName: "NÄMND")) var board: String?
    @Flag(help: ArgumentHelp(Strings.Rights.read)) var read = false
    @Flag(name: .customLong("admin"), help: ArgumentHelp(Strings.Rights.admin)) var admin = false

    func validate() throws {
        _ = try request
    }

    var request: AccessGrant {
        get throws {
            guard !login.isEmpty else { throw ValidationError(Strings.Rights.emptyLogin) }
            switch (unit, department, board) {
            case (let unit?, nil, nil):
                guard !read, !admin else { throw ValidationError(Strings.Rights.unitIsWrite) }
                return AccessGrant(login: login, scope: .unit, target: unit, kind: .write)
            case (nil, let department?, nil):
                guard read, !admin else { throw ValidationError(Strings.Rights.departmentIsRead) }
                return AccessGrant(login: login, scope: .department, target: department, kind: .read)
            case (nil, nil, let board?):
                guard read != admin else { throw ValidationError(Strings.Rights.boardNeedsKind) }
                return AccessGrant(login: login, scope: .board, target: board, kind: admin ? .admin : .read)
            default:
                throw ValidationError(Strings.Rights.oneScope)
            }
        }
    }
}

/// `vp-tui grant LOGIN --unit U | --avdelning D --read | --namnd B --read|--admin --db postgresql://…`
struct GrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: Strings.Rights.grantCommand,
                                                    discussion: Strings.Rights.grantDiscussion)

    @OptionGroup var right: RightOptions
    @OptionGroup var database: PostgresOptions

    func run() throws {
        try reportingErrors(exitCode: 2) {
            let request = try right.request
            let url = try database.address
            try PostgresHook.commands.grant(request, url: url)
        }
    }
}

/// `vp-tui revoke LOGIN …`: the same right as given to grant.
struct RevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: Strings.Rights.revokeCommand)

    @OptionGroup var right: RightOptions
    @OptionGroup var database: PostgresOptions

    func run() throws {
        try reportingErrors(exitCode: 2) {
            let request = try right.request
            let url = try database.address
            try PostgresHook.commands.revoke(request, url: url)
        }
    }
}
