import ArgumentParser
import Foundation
import PlanKit

/// `--db postgresql://…` (else $VP_TUI_DB) for the commands that need a PostgreSQL database.
struct PostgresOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(Strings.Rights.db, valueName: "ADRESS"))
    var url: String?

    /// The address given, refused when there is none or it names a file; parsed by `PostgresHook`'s side.
    var address: String {
        get throws {
            let given = url ?? ProcessInfo.processInfo.environment["VP_TUI_DB"].flatMap { $0.isEmpty ? nil : $0 }
            guard let given else { throw ValidationError(Strings.Rights.noDatabase) }
            guard PostgresHook.isURL(given) else { throw ValidationError(Strings.Rights.notPostgres(given)) }
            return given
        }
    }
}
