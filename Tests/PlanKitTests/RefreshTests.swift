import Testing
@testable import PlanKit

@Suite("Reading back one changed record gives the plan a full load gives")
struct RefreshTests {
    /// The parts of a plan a change can touch, compared whole.
    private func expectSame(_ refreshed: PlanDocument, _ loaded: PlanDocument, after field: FieldRef,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(refreshed.items == loaded.items, "items after \(field)", sourceLocation: sourceLocation)
        #expect(refreshed.followUps == loaded.followUps, "follow-ups after \(field)", sourceLocation: sourceLocation)
        #expect(refreshed.sections == loaded.sections, "sections after \(field)", sourceLocation: sourceLocation)
        #expect(refreshed.rootIDs == loaded.rootIDs && refreshed.childIDs == loaded.childIDs,
                "tree after \(field)", sourceLocation: sourceLocation)
    }

    /// Every kind of field the app changes, with a value to set it to.
    private let changes: [(FieldRef, FieldValue?)] = [
        (.rating(item: Fixture.unitGoals[0], period: .vb), .rating(.partly)),
        (.rating(item: Fixture.unitGoals[0], period: .vb), nil),
        (.analysis(item: Fixture.unitGoals[1], period: .vb), .text("Analys med å, ä och ö.")),
        (.status(item: Fixture.ownActivity, period: .vb), .status(.deviation)),
        (.status(item: Fixture.inheritedActivity, period: .vb), .status(.done)),
        (.itemText(item: Fixture.unitGoals[2], field: .title), .text("Nytt namn på målet")),
        (.itemText(item: Fixture.unitGoals[2], field: .method), nil),
        (.itemDate(item: Fixture.ownActivity, field: .end), .text("2021-11-30")),
        (.sectionText(section: "investeringar", period: .vb), .text("Investeringar gjordes.")),
    ]

    @Test("Each kind of change, set and undone")
    func eachKind() throws {
        let store = try Fixture.store()
        var plan = try store.loadPlan(Fixture.plan)
        for (field, value) in changes {
            try store.set(field, to: value, in: Fixture.plan)
            plan = try store.refreshing(plan, after: field)
            expectSame(plan, try store.loadPlan(Fixture.plan), after: field)
        }
        while try store.canUndo(in: Fixture.plan) {
            let field = try store.undo(in: Fixture.plan)
            plan = try store.refreshing(plan, after: field)
            expectSame(plan, try store.loadPlan(Fixture.plan), after: field)
        }
    }

    @Test("A long random run of changes, undos and redos, with goals added and deleted")
    func randomRun() throws {
        let store = try Fixture.store()
        var plan = try store.loadPlan(Fixture.plan)
        var random = SplitMix64(seed: 6)
        var steps = 0
        for _ in 0..<300 {
            var field: FieldRef?
            switch random.int(0...9) {
            case 0...5:
                let (change, value) = random.pick(changes)
                field = change
                try store.set(change, to: random.chance(0.3) ? nil : value, in: Fixture.plan)
            case 6, 7:
                field = try? store.undo(in: Fixture.plan)
            case 8:
                field = try? store.redo(in: Fixture.plan)
            default:
                let id = try store.addUnitGoal(title: "Mål \(steps)", under: Fixture.boardGoal, in: Fixture.plan)
                field = .itemRecord(item: id)
            }
            guard let field else { continue }
            plan = try store.refreshing(plan, after: field)
            expectSame(plan, try store.loadPlan(Fixture.plan), after: field)
            steps += 1
        }
        #expect(steps > 200)
    }
}
