import BenchSupport
import Foundation
import PlanKit
import VPApp

/// `vp-tui-bench board-page --db PATH --year Y [--period P] [--unit U] [--runs N] [--keys N]
/// [--width W --height H]`: the board's page in the app, in-process, each key sent and the frame
/// after it rendered. From the chooser on a unit's period, Ctrl-N to the board's table drawn
/// with the units' names and on to it drawn with their counts (N runs, back with Esc in between), moving in it (Down, Up, PgDn) and typing a filter
/// (letters of the units' names, Backspace), then Ctrl-R to the roll-up drawn (N runs) and
/// moving in the roll-up (Down, PgDn, Tab).
func boardPageBenchmark(_ arguments: Arguments) throws {
    let copy = try ScratchCopy(of: arguments.require("db"))
    let store = try PlanStore(path: copy.path)
    let year = arguments.int("year", 0)
    let period = ReportPeriod(userText: arguments.string("period") ?? "vb") ?? .vb
    guard let board = try store.organisations().first(where: { $0.kind == .board })?.id else { fail("no board in the database") }
    let scope = try store.boardScope(board: board, department: nil)
    guard let unit = try arguments.string("unit").map({ try store.unit(named: $0) }) ?? scope.units.first else { fail("no units") }
    let app = try AppController(store: store, width: arguments.int("width", 120), height: arguments.int("height", 40),
                                options: AppController.Options(unit: unit.id, year: year, period: period))
    _ = app.render()
    app.finishStartup()
    // Processor time of this thread beside wall time, by figure: on a loaded machine the wall
    // time's tail is mostly waiting for a core.
    var processor: [String: [Double]] = [:]
    var figure = ""
    func key(_ event: KeyEvent) -> Double {
        let start = threadProcessorTime()
        let wall = timed {
            app.send(event)
            _ = app.render()
        }.1
        processor[figure, default: []].append(threadProcessorTime() - start)
        return wall
    }
    let runs = arguments.int("runs", 10)

    // Open: from the chooser on the unit's period, Ctrl-N to the table's first frame (the units'
    // names), and on to the frame with the counts, which are made in the background.
    app.send(.character("t"))
    // The chooser's period states are read in the background: done before anything is timed.
    app.waitForBackgroundWork()
    figure = "open"
    var opens: [Double] = [], counted: [Double] = []
    for run in 0..<runs {
        if run > 0 { app.send(.escape) }
        let first = key(.control("n"))
        opens.append(first)
        guard app.state.page == .board else { fail("Ctrl-N did not open the board's table: \(app.state.status?.text ?? "")") }
        counted.append(first + timed {
            app.waitForBackgroundWork()
            _ = app.render()
        }.1)
        guard app.state.board?.isCounting == false else { fail("the board's table was not counted") }
    }
    let units = app.state.board?.rows.count ?? 0
    app.waitForBackgroundWork()

    // Moving: down through the whole table and back up, a page at a time, and typing a filter.
    let count = arguments.int("keys", 300)
    var downs: [Double] = [], ups: [Double] = [], pages: [Double] = [], filters: [Double] = [], erasing: [Double] = []
    figure = "down"
    for _ in 0..<count { downs.append(key(.down)) }
    figure = "up"
    for _ in 0..<count { ups.append(key(.up)) }
    figure = "pagedown"
    for _ in 0..<max(1, count / 10) {
        pages.append(key(.pageDown))
        if app.state.board?.index == units - 1 { app.send(.home) }
    }
    figure = "filter"
    let names = app.state.board?.status.lines.map(\.unit) ?? []
    for index in 0..<min(names.count, max(1, count / 6)) {
        // Spread over the board: every unit's name in turn, from its first letters.
        for character in names[index * names.count / min(names.count, max(1, count / 6))].lowercased().prefix(5) {
            filters.append(key(.character(character)))
        }
        for _ in 0..<5 { erasing.append(key(.backspace)) }
    }

    // The roll-up: Ctrl-R to its first frame, then moving in it.
    figure = "rollup.open"
    var rollups: [Double] = []
    for run in 0..<max(1, arguments.int("rollup-runs", min(runs, 5))) {
        if run > 0 { app.send(.escape) }
        rollups.append(key(.control("r")))
        guard app.state.page == .rollup else { fail("Ctrl-R did not open the roll-up: \(app.state.status?.text ?? "")") }
    }
    let lines = app.state.rollup?.lines.count ?? 0
    // Of the roll-up's first frame: laying the PlanKit report out as the page's lines.
    var layouts: [Double] = []
    if let rollup = app.state.rollup?.rollup {
        for _ in 0..<3 { layouts.append(timed { RollupPage(rollup: rollup, width: app.state.width) }.1) }
    }
    var rollupDowns: [Double] = [], rollupPages: [Double] = [], rollupGoals: [Double] = []
    figure = "rollup.down"
    for _ in 0..<count { rollupDowns.append(key(.down)) }
    figure = "rollup.pagedown"
    for _ in 0..<max(1, count / 10) { rollupPages.append(key(.pageDown)) }
    app.send(.home)
    figure = "rollup.tab"
    for _ in 0..<(app.state.rollup?.goalStarts.count ?? 0) { rollupGoals.append(key(.tab)) }

    emit("boardpage.open.median", quantile(opens, 0.5), unit: "ms", extra: ["units": "\(units)"])
    emit("boardpage.open.max", opens.max() ?? .nan, unit: "ms")
    emit("boardpage.counted.median", quantile(counted, 0.5), unit: "ms")
    emit("boardpage.counted.max", counted.max() ?? .nan, unit: "ms")
    emitDistribution("boardpage.down", downs)
    emitDistribution("boardpage.up", ups)
    emitDistribution("boardpage.pagedown", pages)
    emitDistribution("boardpage.filter-key", filters)
    emitDistribution("boardpage.backspace", erasing)
    emit("boardpage.rollup.open.median", quantile(rollups, 0.5), unit: "ms", extra: ["lines": "\(lines)"])
    emit("boardpage.rollup.open.max", rollups.max() ?? .nan, unit: "ms")
    emit("boardpage.rollup.layout.median", quantile(layouts, 0.5), unit: "ms")
    emitDistribution("boardpage.rollup.down", rollupDowns)
    emitDistribution("boardpage.rollup.pagedown", rollupPages)
    emitDistribution("boardpage.rollup.tab", rollupGoals)
    for (name, times) in processor.sorted(by: { $0.key < $1.key }) where !name.isEmpty {
        emitDistribution("boardpage.\(name).cpu", times)
    }
    emit("rss.boardpage", peakRSSMegabytes(), unit: "MB")
}
