import Foundation
import PlanKit
@testable import VPApp

/// Drives the app as a person would: keys in, screen out, with the samples in a fresh store.
final class AppDriver {
    let store: PlanStore
    let app: AppController
    static let plan = PlanRef(unitID: "resursenheten", year: 2021)

    init(width: Int = 100, height: Int = 30, period: ReportPeriod? = .vb, unicode: Bool = true, compact: Bool = false,
         store: PlanStore? = nil, options: AppController.Options? = nil) throws {
        let store = try store ?? {
            let store = try PlanStore(inMemoryWithLogin: "anna")
            try BundledSamples.load(into: store)
            return store
        }()
        self.store = store
        app = try AppController(store: store, width: width, height: height, unicode: unicode, colors: true,
                                options: options ?? AppController.Options(unit: period == nil ? nil : "Resursenheten",
                                                                          year: period == nil ? nil : 2021, period: period,
                                                                          compact: compact))
        // As the main loop does: the first frame, then the rest of the start-up.
        _ = app.render()
        app.finishStartup()
    }

    var screen: Screen { app.render() }
    var text: String { screen.text }
    var state: AppState { app.state }

    @discardableResult
    func press(_ keys: KeyEvent...) -> [TerminalRequest] {
        keys.flatMap { app.send($0) }
    }

    func type(_ text: String) {
        for character in text { app.send(.character(character)) }
    }

    struct NoSuchLine: Error, CustomStringConvertible {
        var text: String
        var description: String { "no line of the outline contains \"\(text)\"" }
    }

    /// Moves the selection from the top down until the line's label contains the text, and
    /// fails when no line does: a test must not go on with whatever line happens to be selected.
    func select(containing text: String) throws {
        app.send(.home)
        var previous: OutlineTarget?? = .none
        while previous != .some(app.state.selection) {
            if let row = screen.selectedRowText, row.contains(text) { return }
            previous = .some(app.state.selection)
            app.send(.down)
        }
        throw NoSuchLine(text: text)
    }

    /// The label of the selected line, as the outline draws it.
    var selectedLine: String? { screen.selectedRowText }

    var plan: PlanDocument { get throws { try store.loadPlan(Self.plan) } }
}

extension Screen {
    /// The text of the row drawn in reverse video over the whole outline: the selection.
    var selectedRowText: String? {
        for row in 1..<(height - 2) where self[row, 1].style.reverse && self[row, 0].style.reverse {
            return text(ofRow: row)
        }
        return nil
    }
}
