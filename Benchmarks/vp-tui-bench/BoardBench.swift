import Foundation
import PlanKit

/// `vp-tui-bench board --db PATH --year Y [--period P] [--unit U] [--runs N]`: the board's view
/// beside one unit's check, in the same run and each from a newly opened store, as the commands
/// do: `vp-tui check` for one unit, `vp-tui status` for the whole board, and the roll-up export
/// (Markdown and JSON). Runs alternate, so that a change of load affects both sides alike.
func boardBenchmark(_ arguments: Arguments) throws {
    let path = arguments.require("db")
    let year = arguments.int("year", 0)
    let period = ReportPeriod(userText: arguments.string("period") ?? "t2") ?? .t2
    let probe = try PlanStore(path: path, readOnly: true)
    guard let board = try probe.organisations().first(where: { $0.kind == .board })?.id else { fail("no board in \(path)") }
    guard let unit = try arguments.string("unit") ?? probe.boardScope(board: board, department: nil).units.first?.id else {
        fail("no units in \(path)")
    }
    var checks: [Double] = [], statuses: [Double] = [], rollups: [Double] = [], rollupJSON: [Double] = []
    var units = 0, bytes = 0
    for _ in 0..<arguments.int("runs", 10) {
        let (_, check) = try timed {
            let store = try PlanStore(path: path, readOnly: true)
            let plan = try store.loadPlan(PlanRef(unitID: try store.unit(named: unit).id, year: year))
            return Completeness.gaps(in: plan, period: period).count
        }
        checks.append(check)
        let (lines, status) = try timed {
            let store = try PlanStore(path: path, readOnly: true)
            let status = try store.boardStatus(try store.boardScope(board: board, department: nil), year: year, period: period)
            return try status.json().count > 0 ? status.lines.count : 0
        }
        units = lines
        statuses.append(status)
        let (size, rollup) = try timed {
            let store = try PlanStore(path: path, readOnly: true)
            let rollup = try store.rollup(try store.boardScope(board: board, department: nil), year: year, period: period)
            return MarkdownRenderer.render(RollupReportBuilder(rollup: rollup).build()).utf8.count
        }
        bytes = size
        rollups.append(rollup)
        let (_, json) = try timed {
            let store = try PlanStore(path: path, readOnly: true)
            return try store.rollup(try store.boardScope(board: board, department: nil), year: year, period: period).json().count
        }
        rollupJSON.append(json)
    }
    emitDistribution("board.check.one", checks)
    emitDistribution("board.status.all", statuses)
    emit("board.status.ratio", quantile(statuses, 0.5) / quantile(checks, 0.5), unit: "x", extra: ["units": "\(units)"])
    emitDistribution("board.rollup.markdown", rollups)
    emitDistribution("board.rollup.json", rollupJSON)
    emit("board.rollup.bytes", Double(bytes), unit: "B")
    emit("rss.board", peakRSSMegabytes(), unit: "MB")
}
