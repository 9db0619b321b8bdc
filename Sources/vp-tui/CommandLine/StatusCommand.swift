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
            case .text: FileHandle.standardOutput.write(Data(StatusTable.render(status).utf8))
            }
            return status
        }
        if !status.allDone { throw ExitCode(1) }
    }
}

/// The status as a table of aligned columns, one line per unit and a total line.
enum StatusTable {
    static func render(_ status: BoardStatus) -> String {
        var rows: [[String]] = [Strings.Status.headers]
        for line in status.lines {
            let department = line.department ?? Strings.Status.noDepartment
            if let error = line.error {
                rows.append([line.unit, department, Strings.Status.damaged(error)])
                continue
            }
            let state = line.noPlan ? Strings.Status.noPlan : line.state.map { Strings.periodState($0) } ?? ""
            rows.append([line.unit, department, state, "\(line.gaps ?? 0)", "\(line.ratings.fully)", "\(line.ratings.partly)",
                         "\(line.ratings.not)", "\(line.ratings.unrated)", "\(line.deviations)"])
        }
        let total = status.total
        rows.append([Strings.Status.total, Strings.Status.totalUnits(total.units), Strings.Status.doneCount(status), "\(total.gaps)",
                     "\(total.ratings.fully)", "\(total.ratings.partly)", "\(total.ratings.not)", "\(total.ratings.unrated)",
                     "\(total.deviations)"])
        // A damaged unit's message runs on past the columns it does not fill.
        let full = rows.filter { $0.count == Strings.Status.headers.count }
        let widths = (0..<Strings.Status.headers.count).map { column in full.map { $0[column].count }.max() ?? 0 }
        var lines = [Strings.Status.heading(status)]
        for row in rows {
            var cells: [String] = []
            for (column, cell) in row.enumerated() {
                let isLast = column == row.count - 1
                // Names to the left, counts to the right.
                if column >= 3 {
                    cells.append(String(repeating: " ", count: max(0, widths[column] - cell.count)) + cell)
                } else {
                    cells.append(isLast ? cell : cell + String(repeating: " ", count: max(0, widths[column] - cell.count)))
                }
            }
            lines.append(cells.joined(separator: "  "))
        }
        lines.append(Strings.Status.summary(status))
        return lines.joined(separator: "\n") + "\n"
    }
}
