import BenchSupport
import Foundation
import PlanKit

/// `start-year --db PATH [--vp-tui BINARY] [--count N]`: next year's plan started for every unit
/// with a plan in the database's last year, after the board's cascade for the new year was
/// copied in (ids and dates moved a year on). In-process (`PlanStore.startYear` for each unit),
/// and, with `--vp-tui`, as a loop over `vp-tui start --period vp` on another copy (the first
/// N units). Then the period states of every new plan, read at once.
func benchStartYear(_ arguments: Arguments) throws {
    let inProcess = try ScratchCopy(of: arguments.require("db"))
    let store = try PlanStore(path: inProcess.path, login: "bench")
    let plans = try store.plans()
    guard let last = plans.map(\.year).max() else { fail("no plans") }
    let units = plans.filter { $0.year == last }
    let next = last + 1
    try copyCascades(Set(units.map(\.boardID)), from: last, to: next, into: store)

    var each: [Double] = []
    var carried = 0, open = 0
    let (_, total) = try timed {
        for plan in units {
            let (started, time) = try timed { try store.startYear(unit: plan.unit.id, year: next) }
            each.append(time)
            carried += started.entries.filter { $0.placedID != nil }.count
            open += started.entries.filter(\.needsDecision).count
        }
    }
    emit("start-year.all", total, unit: "ms", extra: ["plans": "\(units.count)", "carried": "\(carried)", "open": "\(open)"])
    emitDistribution("start-year.one", each)
    let refs = units.map { PlanRef(unitID: $0.unit.id, year: next) }
    let (states, statesTime) = try timed { try store.periodStates(refs) }
    emit("period-states.all", statesTime, unit: "ms", extra: ["plans": "\(states.count)"])
    emit("rss.start-year", peakRSSMegabytes(), unit: "MB")

    guard let binary = arguments.string("vp-tui") else { return }
    let commandLine = try ScratchCopy(of: arguments.require("db"))
    let cliStore = try PlanStore(path: commandLine.path, login: "bench")
    try copyCascades(Set(units.map(\.boardID)), from: last, to: next, into: cliStore)
    cliStore.makeDurable()
    let chosen = units.prefix(arguments.int("count", units.count))
    var runs: [Double] = []
    for plan in chosen {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["start", "--unit", plan.unit.id, "--year", String(next), "--period", "vp", "--db", commandLine.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let (_, time) = try timed {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else { fail("vp-tui start failed for \(plan.unit.id)") }
        runs.append(time)
    }
    emit("start-year.cli.all", runs.reduce(0, +), unit: "ms", extra: ["plans": "\(runs.count)"])
    emitDistribution("start-year.cli.one", runs)
}

/// Each board's cascade of `year` again as `next`'s, ids and dates moved on.
private func copyCascades(_ boards: Set<String>, from year: Int, to next: Int, into store: PlanStore) throws {
    let old = String(year), new = String(next)
    func moved(_ text: String?) -> String? { text?.replacingOccurrences(of: old, with: new) }
    func move(_ goal: GoalRecord) -> GoalRecord {
        var goal = goal
        goal.id = moved(goal.id)!
        goal.parent = moved(goal.parent)
        goal.revisions = nil
        goal.indicators = goal.indicators?.map { var indicator = $0; indicator.id = moved(indicator.id)!; return indicator }
        goal.activities = goal.activities?.map { activity in
            var activity = activity
            activity.id = moved(activity.id)!
            activity.start = moved(activity.start)
            activity.end = moved(activity.end)
            return activity
        }
        goal.children = goal.children?.map(move)
        return goal
    }
    var cascades: [CascadeRecord] = []
    for board in boards.sorted() {
        guard let cascade = try store.storedCascade(board: board, year: year) else { continue }
        cascades.append(CascadeRecord(board: board, year: next, goals: cascade.goals.map(move)))
    }
    try store.importRecords(InterchangeFile(cascades: cascades), name: "cascade \(next)")
}
