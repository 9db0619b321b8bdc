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

    func run() throws {
        try reportingErrors(exitCode: board != nil || department != nil ? 2 : 1) {
            let store = try database.open()
            let data: Data
            if let unit {
                data = try unitData(unit, store)
            } else {
                data = try RollupExport(board: board, department: department, year: year, period: period, format: format).data(store)
            }
            if let output {
                try OutputFile.write(data, to: OutputFile.expandingTilde(output), sparing: store.files)
                FileHandle.standardError.write(Data((Strings.CommandLine.wrote(output) + "\n").utf8))
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }

    private func unitData(_ unit: String, _ store: PlanStore) throws -> Data {
        let ref = PlanRef(unitID: try store.unit(named: unit).id, year: year)
        let data: Data
        switch format {
        case .json:
            data = try store.exportJSON(ref)
        case .markdown, .text:
            let plan = try store.loadPlan(ref)
            let chosen = period ?? plan.periods.last ?? .vp
            guard plan.periods.contains(chosen) else { throw PlanError.periodNotInPlan(chosen) }
            // A report handed in is written as it was handed in; else from the plan read above
            // (a second read of it would read the board's whole cascade, see CascadeCache).
            let handIn = try store.handIn(ref, period: chosen)
            let blocks = handIn?.content ?? ReportBuilder(plan: plan, period: chosen).build()
            let gaps = handIn == nil ? Completeness.missingLines(in: plan, period: chosen, withPaths: false).count : 0
            if gaps > 0 { FileHandle.standardError.write(Data((Strings.exportedDraft(gaps, period: chosen) + " " + Strings.CommandLine.seeCheck + "\n").utf8)) }
            let text = format == .markdown ? MarkdownRenderer.render(blocks) : TextRenderer.render(blocks)
            data = Data(text.utf8)
        }
        return data
    }
}
