import ArgumentParser
import Foundation
import PlanKit

enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `vp-tui status --namnd BOARD | --avdelning DEPT --year YEAR --period P`: one line per unit.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: Strings.Status.command)

    @Option(name: .customLong("namnd"), help: ArgumentHelp(Strings.Status.board, valueName: "NÄMND")) var board: String?
    @Option(name: .customLong("avdelning"), help: ArgumentHelp(Strings.Status.department, valueName: "AVDELNING")) var department: String?
    @Option(help: ArgumentHelp(Strings.Help.year, valueName: "ÅR")) var year: Int
    @Option(help: ArgumentHelp(Strings.Help.period, valueName: "PERIOD")) var period: ReportPeriod
    @Option(help: ArgumentHelp(Strings.Status.format, valueName: "FORMAT")) var format: StatusFormat = .text
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let status = try reportingErrors(exitCode: 2) { () -> BoardStatus in
            let store = try database.location.openBoard(board: board, department: department, year: year)
            let scope = try store.boardScope(board: board, department: department)
            let status = try store.boardStatus(scope, year: year, period: period)
            switch format {
            case .json: FileHandle.standardOutput.write(try status.json())
            case .text: FileHandle.standardOutput.write(Data(StatusTable.render(status, width: Self.outputWidth()).utf8))
            }
            return status
        }
        if !status.allDone { throw ExitCode(1) }
    }

    /// The width the text table fits: COLUMNS when set, else the terminal's when the output is
    /// one, else 80.
    static func outputWidth() -> Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
