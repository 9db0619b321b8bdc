import ArgumentParser
import Foundation
import PlanKit
import VPApp

/// The command line of `vp-tui` and `vp-tui-postgres`, which differ only in whether they can
/// reach PostgreSQL themselves (`PostgresHook`).
public struct VPTUI: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vp-tui",
        abstract: Strings.Help.root,
        discussion: Strings.Help.rootDiscussion,
        subcommands: [AppCommand.self, ImportCommand.self, ImportTextCommand.self, ExportCommand.self, CheckCommand.self, StatusCommand.self, UnitsCommand.self, GenerateCommand.self, StartCommand.self, SubmitCommand.self, ReopenCommand.self, CarryOverCommand.self, GrantCommand.self, RevokeCommand.self, CopyCommand.self],
        defaultSubcommand: AppCommand.self
    )

    public init() {}

    /// Reads the command line, runs what it asks for, and exits.
    public static func start() -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let launch = AppLaunch(plainArguments: arguments) {
            launch.main()
        }
        if let export = UnitExport(plainArguments: arguments) {
            export.main()
        }
        SwedishArgumentParser.main(self, arguments: arguments)
        Foundation.exit(0)
    }
}

/// `vp-tui [--db PATH] [--unit U] [--year Y] [--period P]`: the interactive app.
struct AppCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "app", abstract: Strings.Help.appCommand)

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(Strings.Help.appUnit, valueName: "ENHET")) var unit: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Strings.Help.appYear, valueName: "ÅR")) var year: Int?
    @Option(help: ArgumentHelp(Strings.Help.appPeriod, valueName: "PERIOD")) var period: ReportPeriod?
    @Flag(help: ArgumentHelp(Strings.Help.appCompact)) var compact = false

    var launch: AppLaunch {
        AppLaunch(database: database.location, unit: unit, year: year, period: period, compact: compact)
    }

    func validate() throws { try PlanYear.validate(year) }

    func run() throws {
        try launch.run()
    }
}
