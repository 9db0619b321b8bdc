import ArgumentParser
import Foundation
import PlanKit

/// `vp-tui export --namnd BOARD [--avdelning DEPT] --year YEAR --period P`: the roll-up of the
/// units' reports under the board's goals, as Markdown, text or JSON.
struct RollupExport {
    var board: String?
    var department: String?
    var year: Int
    var period: ReportPeriod?
    var format: ExportFormat

    func data(_ store: PlanStore) throws -> Data {
        guard let period else { throw ValidationError(Strings.Status.periodNeeded) }
        let scope = try store.boardScope(board: board, department: department)
        let rollup = try store.rollup(scope, year: year, period: period)
        switch format {
        case .json:
            return try rollup.json()
        case .markdown:
            return Data(MarkdownRenderer.render(RollupReportBuilder(rollup: rollup).build()).utf8)
        case .text:
            return Data(TextRenderer.render(RollupReportBuilder(rollup: rollup).build()).utf8)
        }
    }
}
