import BenchSupport
import Foundation
import PlanKit
import VPApp

/// A long scripted session on one plan, as a person works through a report: moving, folding,
/// searching, writing an analysis, rating goals, marking activities, typing an outcome, undoing,
/// jumping to what is missing, other pages, another period. Each key is timed from `send` to the
/// end of `render()`, which is what the main loop does before ncurses copies the changed cells.
final class KeySession {
    let app: AppController
    private(set) var total: [String: [Double]] = [:]
    private(set) var renders: [Double] = []
    private(set) var changedCells: [String: [Double]] = [:]
    private var previous: Screen
    private var checksum = 0

    init(app: AppController) {
        self.app = app
        previous = app.render()
    }

    /// `VP_TUI_BENCH_TRACE=1`: every key's time, category and selection to stderr.
    private let trace = ProcessInfo.processInfo.environment["VP_TUI_BENCH_TRACE"] != nil

    func press(_ key: KeyEvent, _ category: String) {
        let start = now()
        _ = app.send(key)
        let sent = now()
        let screen = app.render()
        let end = now()
        checksum &+= screen.cells.count
        total[category, default: []].append(milliseconds(end - start))
        if trace {
            FileHandle.standardError.write(Data("\(milliseconds(end - start)) \(category) \(key) \(milliseconds(end - sent)) \(String(describing: app.state.selection)) \(app.state.scrollTop)\n".utf8))
        }
        renders.append(milliseconds(end - sent))
        if key == .down || key == .pageDown {
            var changed = 0
            if screen.width == previous.width && screen.height == previous.height {
                for index in screen.cells.indices where screen.cells[index] != previous.cells[index] { changed += 1 }
            } else {
                changed = screen.cells.count
            }
            changedCells[key == .down ? "down" : "pageDown", default: []].append(Double(changed))
        }
        previous = screen
    }

    func type(_ text: String, _ category: String) {
        for character in text { press(.character(character), category) }
    }

    /// Moves down (wrapping to the top once) until the selection satisfies `predicate`.
    @discardableResult
    func moveTo(_ predicate: (AppState) -> Bool) -> Bool {
        if predicate(app.state) { return true }
        var wrapped = false
        for _ in 0..<5_000 {
            let before = app.state.selection
            press(.down, "move")
            if predicate(app.state) { return true }
            if app.state.selection == before {
                if wrapped { return false }
                wrapped = true
                press(.home, "move")
            }
        }
        return false
    }

    func run() {
        // Moving.
        for _ in 0..<300 { press(.down, "move") }
        for _ in 0..<150 { press(.up, "move") }
        press(.home, "move")
        for _ in 0..<8 { press(.pageDown, "move") }
        for _ in 0..<8 { press(.pageUp, "move") }
        press(.end, "move")
        press(.home, "move")
        for _ in 0..<100 { press(.character("j"), "move") }
        for _ in 0..<50 { press(.character("k"), "move") }

        // Folding.
        press(.home, "move")
        for _ in 0..<40 {
            press(.down, "move")
            press(.down, "move")
            press(.left, "fold")
            press(.right, "fold")
            press(.character(" "), "fold")
            press(.character(" "), "fold")
        }

        // Searching.
        for query in ["barn", "utveckla", "kvalitet", "qqxzz"] {
            press(.character("/"), "search")
            type(query, "search")
            press(.enter, "search")
            for _ in 0..<10 { press(.character("."), "search") }
            for _ in 0..<3 { press(.character(","), "search") }
        }
        press(.escape, "search")

        // Writing an analysis of an own goal.
        press(.home, "move")
        if moveTo({ $0.selectedItem?.level == .unitGoal }) {
            press(.character("e"), "edit")
            let text = " Under tertialen har arbetslagen fortsatt att utveckla barnens språkutveckling, vilket märks i dokumentationen."
            while true {
                type(text, "typing")
                if (app.state.modalEditorLength ?? 0) > 2_000 || total["typing", default: []].count >= 400 { break }
            }
            for _ in 0..<30 { press(.backspace, "typing") }
            for _ in 0..<20 { press(.left, "typing") }
            for _ in 0..<5 { press(.up, "typing") }
            for _ in 0..<5 { press(.down, "typing") }
            press(.control("s"), "save")
        }

        // Rating own goals.
        for index in 0..<15 {
            press(.down, "move")
            guard moveTo({ $0.selectedItem?.level == .unitGoal }) else { break }
            press(.character(["1", "2", "3"][index % 3]), "save")
        }

        // Marking activities.
        press(.home, "move")
        for index in 0..<10 {
            press(.down, "move")
            guard moveTo({ $0.selectedItem?.kind == .activity }) else { break }
            press(.character(index % 2 == 0 ? "g" : "p"), "save")
        }

        // Typing an outcome.
        press(.home, "move")
        if moveTo({ state in
            guard let item = state.selectedItem, let plan = state.plan else { return false }
            return plan.isOutcomeDue(item, in: state.period)
        }) {
            press(.character("v"), "edit")
            type("42,5", "typing")
            press(.enter, "save")
        }

        // Undo and redo.
        for _ in 0..<10 { press(.character("u"), "undo") }
        for _ in 0..<3 { press(.control("r"), "undo") }

        // Finding what is missing.
        for _ in 0..<20 { press(.character("n"), "jump") }
        for _ in 0..<5 { press(.character("N"), "jump") }

        // Other pages.
        press(.character("d"), "page")
        for _ in 0..<10 { press(.down, "page") }
        press(.escape, "page")
        press(.character("o"), "page")
        press(.escape, "page")
        press(.character("?"), "page")
        for _ in 0..<3 { press(.pageDown, "page") }
        press(.escape, "page")

        // Another period of the same plan, and back: the chooser lists a plan's periods in
        // order, and opens on the period shown, the last of the year.
        press(.character("t"), "page")
        press(.up, "page")
        press(.enter, "open")
        for _ in 0..<50 { press(.down, "move") }
        press(.character("t"), "page")
        press(.down, "page")
        press(.enter, "open")
        for _ in 0..<50 { press(.down, "move") }
    }

    func emitResults() {
        let all = total.values.flatMap { $0 }
        emitDistribution("key.all", all)
        // Keys that go to the database (save, undo, open another period: a transaction or a
        // read of the plan) apart from those that work on the plan in memory.
        let database: Set<String> = ["save", "undo", "open"]
        emitDistribution("key.memory", total.filter { !database.contains($0.key) }.values.flatMap { $0 })
        emitDistribution("key.database", total.filter { database.contains($0.key) }.values.flatMap { $0 })
        for category in total.keys.sorted() {
            emitDistribution("key.\(category)", total[category] ?? [])
        }
        emitDistribution("render", renders)
        for (name, values) in changedCells.sorted(by: { $0.key < $1.key }) {
            emit("cells.\(name).median", quantile(values, 0.5), unit: "cells")
        }
        emit("screen.cells", Double(previous.cells.count), unit: "cells")
        if checksum == 42 { print("") }
    }
}

extension AppState {
    var modalEditorLength: Int? {
        if case .editor(let session)? = modal { return session.editor.text.count }
        return nil
    }
}
