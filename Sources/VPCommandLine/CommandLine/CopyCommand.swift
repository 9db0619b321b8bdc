import ArgumentParser
import Foundation
import PlanKit

/// `vp-tui copy --from SOURCE --to TARGET`: a whole database into an empty one, SQLite or
/// PostgreSQL either way, all or nothing.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "copy", abstract: Strings.CopyHelp.command,
                                                    discussion: Strings.CopyHelp.discussion)

    @Option(help: ArgumentHelp(Strings.CopyHelp.from, valueName: "KÄLLA")) var from: String
    @Option(help: ArgumentHelp(Strings.CopyHelp.to, valueName: "MÅL")) var to: String

    func validate() throws {
        if from.isEmpty || to.isEmpty { throw ValidationError(Strings.CopyHelp.emptyEndpoint) }
    }

    func run() throws {
        // The copying, SQLite to SQLite included, is built with the PostgreSQL client (`PostgresHook`).
        try reportingErrors(exitCode: 2) { try PostgresHook.commands.copy(from: from, to: to) }
    }
}
