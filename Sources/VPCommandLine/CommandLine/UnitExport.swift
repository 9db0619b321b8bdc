import ArgumentParser
import Foundation
import PlanKit

/// One unit's plan exported: `vp-tui export --unit U --year Y [--period P] [--format F] [-o FIL] [--db P]`.
struct UnitExport: Equatable {
    var database: DatabaseLocation
    var unit: String
    var year: Int
    var period: ReportPeriod?
    var format: ExportFormat
    var output: String?

    func run() throws {
        try reportingErrors {
            let (store, ref) = try database.openPlan(unit: unit, year: year)
            try Self.deliver(try store.namingUnits { try data(store, ref) }, to: output, store)
        }
    }

    /// Writes an export to the file named (never over the database), or to standard output.
    static func deliver(_ data: Data, to output: String?, _ store: PlanStore) throws {
        if let output {
            try OutputFile.write(data, to: OutputFile.expandingTilde(output), sparing: store.files)
            FileHandle.standardError.write(Data((Strings.CommandLine.wrote(output) + "\n").utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// Runs the export and exits with its status.
    func main() -> Never { PlainArguments.runAndExit(run) }

    private func data(_ store: PlanStore, _ ref: PlanRef) throws -> Data {
        switch format {
        case .json:
            return try store.exportJSON(ref)
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
            return Data(text.utf8)
        }
    }
}

extension UnitExport {
    /// `export` and its options for one unit, each once, as `--name value`, read without
    /// swift-argument-parser, whose reflection over every command is about a quarter of the
    /// instructions of exporting a plan (docs/PERFORMANCE.md). Anything else (help, the board's
    /// or a department's export, `--name=value`, a repeated or unknown option, a value it would
    /// not accept) gives nil, and the parser proper reads it and says what is wrong. Tests
    /// check that both read the same.
    init?(plainArguments arguments: [String]) {
        guard arguments.first == "export",
              let given = PlainArguments(arguments.dropFirst(), options: ["--db", "--unit", "--year", "--period", "--format", "--output"],
                                         aliases: ["-o": "--output"]),
              let unit = given["--unit"], let year = given.year ?? nil, let period = given.period else { return nil }
        var format = ExportFormat.json
        if let text = given["--format"] {
            guard let chosen = ExportFormat(rawValue: text) else { return nil }
            format = chosen
        }
        self.init(database: DatabaseLocation(path: given["--db"]), unit: unit, year: year, period: period, format: format,
                  output: given["--output"])
    }
}
