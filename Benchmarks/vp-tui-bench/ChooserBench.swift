import BenchSupport
import Foundation
import PlanKit
import VPApp

/// `vp-tui-bench chooser --db PATH --unit U --year Y [--units N] [--width W --height H]`: the
/// chooser of a whole district. From a plan, the first `t` (reading every plan, the organisation
/// and the boards' cascades, and building the grouped list), a later `t`, the period states of
/// every plan read in the background, and typing a filter: the first letters of N units' names,
/// each key sent and the screen rendered, then Backspace and Esc. Moving in the list is timed too.
func chooserBenchmark(_ arguments: Arguments) throws {
    let copy = try ScratchCopy(of: arguments.require("db"))
    let store = try PlanStore(path: copy.path)
    let app = try openApp(store, arguments)
    func key(_ event: KeyEvent) -> Double {
        timed {
            app.send(event)
            _ = app.render()
        }.1
    }
    let first = key(.character("t"))
    let listed = app.state.choices.count
    let (_, states) = timed { app.waitForBackgroundWork() }
    app.send(.escape)
    let again = key(.character("t"))

    let names = app.state.chooser.data.units.map(\.unit.name)
    let count = min(names.count, arguments.int("units", 100))
    var typing: [Double] = [], erasing: [Double] = [], clearing: [Double] = [], moving: [Double] = []
    for index in 0..<count {
        // Spread over the district: every unit's name in turn, from its first letters.
        let name = names[index * names.count / count]
        for character in name.prefix(6) { typing.append(key(.character(character))) }
        for _ in 0..<2 { erasing.append(key(.backspace)) }
        clearing.append(key(.escape))
    }
    for _ in 0..<300 { moving.append(key(.down)) }
    for _ in 0..<20 { moving.append(key(.pageDown)) }
    emit("chooser.first-t", first, unit: "ms", extra: ["choices": "\(listed)"])
    emit("chooser.again-t", again, unit: "ms")
    emit("chooser.states-all", states, unit: "ms", extra: ["plans": "\(app.state.chooser.states.count)"])
    emitDistribution("chooser.filter-key", typing)
    emitDistribution("chooser.backspace", erasing)
    emitDistribution("chooser.esc-clear", clearing)
    emitDistribution("chooser.move", moving)
    emit("rss.chooser", peakRSSMegabytes(), unit: "MB")
}
