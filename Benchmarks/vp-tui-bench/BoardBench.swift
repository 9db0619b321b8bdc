import BenchSupport
import Foundation
import PlanKit

/// `vp-tui-bench board --db PATH --year Y [--period P] [--unit U] [--board B] [--runs N]
/// [--vp-tui BINARY]`: the board's view beside one unit's check, in the same run, each from a
/// newly opened store and doing what its command does: `vp-tui check` (the file checked for
/// damage, the plan read, its missing lines found and written out), `vp-tui status` for the
/// whole board (its scope and status read, written as JSON), and the roll-up export (Markdown
/// and JSON). Beside the check, the same without the file's damage check, which `status` does
/// not make. With `--vp-tui`, the two commands are also run as processes, in the same rounds.
/// Runs alternate, so that a change of load affects both sides alike.
func boardBenchmark(_ arguments: Arguments) throws {
    let path = arguments.require("db")
    let year = arguments.int("year", 0)
    let period = ReportPeriod(userText: arguments.string("period") ?? "t2") ?? .t2
    let probe = try PlanStore(path: path, readOnly: true)
    guard let board = try arguments.string("board") ?? probe.organisations().first(where: { $0.kind == .board })?.id else {
        fail("no board in \(path)")
    }
    guard let unit = try arguments.string("unit") ?? probe.boardScope(board: board, department: nil).units.first?.id else {
        fail("no units in \(path)")
    }
    let binary = arguments.string("vp-tui")
    var times: [String: [Double]] = [:], processor: [String: [Double]] = [:]
    /// Wall and processor time of one side of a round.
    func measure<T>(_ figure: String, _ body: () throws -> T) rethrows -> T {
        let start = threadProcessorTime()
        let (result, wall) = try timed(body)
        processor[figure, default: []].append(threadProcessorTime() - start)
        times[figure, default: []].append(wall)
        return result
    }
    func open() throws -> PlanStore {
        try PlanStore.open(path: path) { _ in fail("\(path) is not a database") }.store
    }
    var units = 0, bytes = 0
    for _ in 0..<arguments.int("runs", 10) {
        _ = try measure("check.one") {
            let store = try open()
            if let damage = store.checkForDamage() { throw damage }
            let plan = try store.loadPlan(PlanRef(unitID: try store.unit(named: unit).id, year: year))
            return Completeness.missingLines(in: plan, period: period).map(Strings.missingLineEntry).joined(separator: "\n").utf8.count
        }
        _ = try measure("check.without-damage-check") {
            let store = try open()
            let plan = try store.loadPlan(PlanRef(unitID: try store.unit(named: unit).id, year: year))
            return Completeness.missingLines(in: plan, period: period).map(Strings.missingLineEntry).joined(separator: "\n").utf8.count
        }
        units = try measure("status.all") {
            let store = try open()
            let scope = try store.boardScope(board: board, department: nil)
            // Of it: the status read alone, what the board's page waits for.
            let status = try measure("status.read") { try store.boardStatus(scope, year: year, period: period) }
            return try status.json().count > 0 ? status.lines.count : 0
        }
        if let binary {
            let check = ["check", "--unit", unit, "--year", String(year), "--period", period.rawValue, "--db", path]
            let status = ["status", "--namnd", board, "--year", String(year), "--period", period.rawValue, "--db", path]
            times["cli.check", default: []].append(try runCommand(binary, check))
            times["cli.status", default: []].append(try runCommand(binary, status))
        }
        bytes = try measure("rollup.markdown") {
            let store = try open()
            let rollup = try store.rollup(try store.boardScope(board: board, department: nil), year: year, period: period)
            return MarkdownRenderer.render(RollupReportBuilder(rollup: rollup).build()).utf8.count
        }
        _ = try measure("rollup.json") {
            let store = try open()
            return try store.rollup(try store.boardScope(board: board, department: nil), year: year, period: period).json().count
        }
    }
    for (name, values) in times.sorted(by: { $0.key < $1.key }) { emitDistribution("board.\(name)", values) }
    for (name, values) in processor.sorted(by: { $0.key < $1.key }) { emitDistribution("board.\(name).cpu", values) }
    func ratio(_ figure: String, _ over: String, _ under: String, _ source: [String: [Double]]) {
        guard let top = source[over], let bottom = source[under] else { return }
        emit(figure, quantile(top, 0.5) / quantile(bottom, 0.5), unit: "x", extra: ["units": "\(units)"])
    }
    ratio("board.status.ratio", "status.all", "check.one", times)
    ratio("board.status.ratio.cpu", "status.all", "check.one", processor)
    ratio("board.status.ratio.without-damage-check", "status.all", "check.without-damage-check", times)
    ratio("board.cli.status.ratio", "cli.status", "cli.check", times)
    emit("board.rollup.bytes", Double(bytes), unit: "B")
    emit("rss.board", peakRSSMegabytes(), unit: "MB")
}

/// Runs the command line to its end, its output thrown away; its wall time. Exit 0 and 1 are
/// both answers (1: something is not done); anything else fails the benchmark.
private func runCommand(_ binary: String, _ arguments: [String]) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let (_, time) = try timed {
        try process.run()
        process.waitUntilExit()
    }
    guard process.terminationStatus <= 1 else { fail("\(binary) \(arguments.joined(separator: " ")) ended with \(process.terminationStatus)") }
    return time
}
