import ArgumentParser
import Foundation
import PlanKit
import PlanKitPostgres

/// `--db postgresql://…` (else $VP_TUI_DB) for the commands that need a PostgreSQL database.
struct PostgresOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(Strings.Rights.db, valueName: "ADRESS"))
    var url: String?

    var address: PostgresAddress {
        get throws {
            let given = url ?? ProcessInfo.processInfo.environment["VP_TUI_DB"].flatMap { $0.isEmpty ? nil : $0 }
            guard let given else { throw ValidationError(Strings.Rights.noDatabase) }
            guard PostgresAddress.isURL(given) else { throw ValidationError(Strings.Rights.notPostgres(given)) }
            return try PostgresAddress.parse(given)
        }
    }

    /// Connects, installing vp-tui's tables in an empty database (the owner's first command).
    func open() throws -> PostgresLink {
        try PostgresDatabase.open(try address, install: true)
    }
}
