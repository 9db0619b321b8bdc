import ArgumentParser
import Foundation
import PlanKit

@main
struct VPTUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vp-tui",
        abstract: Strings.Help.root,
        discussion: Strings.Help.rootDiscussion,
        subcommands: [ImportCommand.self, ExportCommand.self, CheckCommand.self, UnitsCommand.self]
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            _ = try database.open()
            FileHandle.standardError.write(Data((Strings.CommandLine.appNotReady + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
