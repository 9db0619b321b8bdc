import Foundation
import Testing
@testable import PlanKit
@testable import VPApp

@Suite("The chooser's period states read in the background")
struct PeriodStateWorkerTests {
    @Test("The states are read on a connection of their own: they come while the store's connection is busy")
    func readBesideTheStore() throws {
        let path = try ChooserFixture.database()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let store = try PlanStore(path: path, login: "anna")
        let refs = try store.plans().map { PlanRef(unitID: $0.unit.id, year: $0.year) }
        #expect(refs.count >= 3)
        let worker = PeriodStateWorker(store: store)
        var states: [PlanRef: ChooserPlanStates] = [:]
        // As long as this read lasts, nothing else gets through the store's connection: a key
        // waiting for the store would wait for every read made through it.
        try store.queue.read { _ in
            worker.request(refs, urgent: false)
            let deadline = Date().addingTimeInterval(20)
            while states.count < refs.count && Date() < deadline {
                states.merge(worker.take()) { $1 }
                if states.count < refs.count { usleep(2_000) }
            }
        }
        #expect(states.count == refs.count)
        #expect(states.values.allSatisfy { $0 != nil })
        worker.waitUntilIdle()
    }

    @Test("A database in memory is read through the store itself")
    func inMemory() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let refs = try store.plans().map { PlanRef(unitID: $0.unit.id, year: $0.year) }
        let worker = PeriodStateWorker(store: store)
        worker.request(refs, urgent: true)
        worker.waitUntilIdle()
        let states = worker.take()
        #expect(states.count == refs.count && !refs.isEmpty)
        #expect(states.values.allSatisfy { $0 != nil })
    }
}
