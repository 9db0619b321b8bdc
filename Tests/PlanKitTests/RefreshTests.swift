import PlanKitPostgres
import PostgresTestSupport
import Testing
@testable import PlanKit
import PlanKitTestSupport

/// What is read back after a change, instead of the whole plan, on both stores: on the SQLite
/// file the store's `refreshing(_:after:)`, which reads the changed record; on PostgreSQL the
/// app's copy as `PostgresPlanServer` brings it to the server's state after the change, beside
/// a new snapshot of the server.
@Suite("Reading back one changed record gives the plan a full load gives", .throwawayPostgres, .temporaryFolders)
struct RefreshTests {
    /// Makes a change as "anna" (nil: none was made) and gives the plan as read back after it,
    /// and as a full load of the store gives it.
    typealias Step = (_ change: (FieldSaving) throws -> FieldRef?) throws -> (refreshed: PlanDocument, loaded: PlanDocument)?

    static func changing(_ backend: Backend) throws -> Step {
        let stores = try StoresUnderTest(backend)
        guard backend == .postgresql else {
            let store = try PlanStore(path: stores.sqlitePath, login: "anna")
            var plan = try store.loadPlan(Fixture.plan)
            return { change in
                guard let field = try change(store) else { return nil }
                plan = try store.refreshing(plan, after: field)
                return (plan, try store.loadPlan(Fixture.plan))
            }
        }
        _ = try stores.open("anna")
        let address = try stores.address(login: "anna")
        let copy = try PostgresSnapshot.everything(address).store
        let server = try PostgresPlanServer(address: address, store: copy)
        return { change in
            guard try server.change(Fixture.plan, change) != nil else { return nil }
            return (try copy.loadPlan(Fixture.plan), try PostgresSnapshot.everything(address).store.loadPlan(Fixture.plan))
        }
    }

    /// The parts of a plan a change can touch, compared whole.
    private func expectSame(_ refreshed: PlanDocument, _ loaded: PlanDocument, after field: String,
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

    @Test("Each kind of change, set and undone", arguments: Backend.allCases)
    func eachKind(_ backend: Backend) throws {
        let step = try Self.changing(backend)
        for (field, value) in changes {
            let (refreshed, loaded) = try #require(try step { store in
                try store.set(field, to: value, in: Fixture.plan, expectedRevision: nil)
                return field
            })
            expectSame(refreshed, loaded, after: "\(field)")
        }
        var undone = 0
        while let (refreshed, loaded) = try step({ store in try? store.undo(in: Fixture.plan) }) {
            expectSame(refreshed, loaded, after: "undo \(undone)")
            undone += 1
        }
        // Every change was undone, not stopped by a refusal.
        _ = try step { store in
            #expect(throws: PlanError.nothingToUndo) { try store.undo(in: Fixture.plan) }
            return nil
        }
        #expect(undone > 5)
    }

    @Test("A long random run of changes, undos and redos, with goals and activities added and deleted", arguments: Backend.allCases)
    func randomRun(_ backend: Backend) throws {
        let step = try Self.changing(backend)
        var random = SplitMix64(seed: 6)
        var steps = 0
        var added: [String] = []
        var deleted = 0
        // Fewer on PostgreSQL, where each full load is a new snapshot of the server.
        let count = backend == .sqlite ? 300 : 100
        for _ in 0..<count {
            let read = try step { store in
                switch random.int(0...11) {
                case 0...5:
                    let (change, value) = random.pick(changes)
                    try store.set(change, to: random.chance(0.3) ? nil : value, in: Fixture.plan, expectedRevision: nil)
                    return change
                case 6, 7:
                    return try? store.undo(in: Fixture.plan)
                case 8:
                    return try? store.redo(in: Fixture.plan)
                default:
                    switch random.int(0...2) {
                    case 0:
                        added.append(try store.addUnitGoal(title: "Mål \(steps)", under: Fixture.boardGoal, in: Fixture.plan))
                    case 1:
                        added.append(try store.addActivity(title: "Aktivitet \(steps)", under: random.pick(Fixture.unitGoals),
                                                           in: Fixture.plan))
                    default:
                        // An item added here, unless an undo took it away again.
                        guard let id = added.popLast(), (try? store.deleteItem(id, in: Fixture.plan)) != nil else { return nil }
                        deleted += 1
                        return .itemRecord(item: id)
                    }
                    return added.last.map { .itemRecord(item: $0) }
                }
            }
            guard let (refreshed, loaded) = read else { continue }
            expectSame(refreshed, loaded, after: "step \(steps)")
            steps += 1
        }
        #expect(steps > count * 2 / 3)
        #expect(deleted > 0)
    }
}
