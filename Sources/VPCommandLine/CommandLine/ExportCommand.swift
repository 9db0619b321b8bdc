import ArgumentParser
import Foundation
import PlanKit

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, markdown, text
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: Strings.Help.exportCommand)

    @Option(help: ArgumentHelp(Strings.Help.unit, valueName: "ENHET")) var unit: String?
    @Option(name: .customLong("namnd"), help: ArgumentHelp(Strings.Status.exportBoard, valueName: "NÄMND")) var board: String?
    @Option(name: .customLong("avdelning"), help: ArgumentHelp(Strings.Status.exportDepartment, valueName: "AVDELNING")) var department: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Strings.Help.year, valueName: "ÅR")) var year: Int
    @Option(help: ArgumentHelp(Strings.Help.exportPeriod, valueName: "PERIOD")) var period: ReportPeriod?
    @Option(help: ArgumentHelp(Strings.Help.format, valueName: "FORMAT")) var format: ExportFormat = .json
    @Option(name: .shortAndLong, help: ArgumentHelp(Strings.Help.output, valueName: "FIL")) var output: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        try PlanYear.validate(year)
        let boardView = board != nil || department != nil
        if unit == nil && !boardView { throw ValidationError(Strings.Status.unitOrBoard) }
        if unit != nil && boardView { throw ValidationError(Strings.Status.unitAndBoard) }
    }

    /// The export of one unit's plan, when a unit is named.
    var unitExport: UnitExport? {
        unit.map { UnitExport(database: database.location, unit: $0, year: year, period: period, format: format, output: output) }
    }

    func run() throws {
        if let unitExport { return try unitExport.run() }
        try reportingErrors(exitCode: 2) {
            let store = try database.location.openBoard(board: board, department: department, year: year)
            let data = try RollupExport(board: board, department: department, year: year, period: period, format: format).data(store)
            try UnitExport.deliver(data, to: output, store)
        }
    }
}
