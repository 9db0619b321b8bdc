import Foundation
import PlanKit

/// Reads the period states of plans off the main thread, one plan at a time, those asked for
/// urgently (the lines on the screen) first. A district has 1 500 plans and each state needs the
/// whole plan read and its gaps counted, several seconds in all: the chooser shows at once and
/// the states come in as they are read. The store serialises its reads, so a key that needs the
/// store waits for one plan's read at most.
final class PeriodStateWorker: @unchecked Sendable {
    private let store: PlanStore
    private let lock = NSLock()
    private let idle = NSCondition()
    private var urgent: [PlanRef] = []
    private var rest: [PlanRef] = []
    private var queued: Set<PlanRef> = []
    private var results: [PlanRef: ChooserPlanStates] = [:]
    private var running = false
    /// Raised by `reset`: a read under way belongs to the data before.
    private var generation = 0

    init(store: PlanStore) {
        self.store = store
    }

    /// Asks for the states of the plans; `urgent` ones go before everything asked for before.
    func request(_ refs: [PlanRef], urgent isUrgent: Bool) {
        let start = lock.withLock { () -> Bool in
            if isUrgent {
                let fresh = refs.filter { !urgent.contains($0) }
                urgent.insert(contentsOf: fresh, at: 0)
                queued.formUnion(fresh)
            } else {
                for ref in refs where queued.insert(ref).inserted { rest.append(ref) }
            }
            defer { running = true }
            return !running
        }
        if start { DispatchQueue.global(qos: .userInitiated).async { [self] in work() } }
    }

    /// What was read since the last call.
    func take() -> [PlanRef: ChooserPlanStates] {
        lock.withLock {
            defer { results = [:] }
            return results
        }
    }

    /// Forgets everything asked for and read: the database changed under it.
    func reset() {
        lock.withLock {
            urgent = []
            rest = []
            queued = []
            results = [:]
            generation += 1
        }
    }

    /// Whether something asked for is still being read, or was read and not yet taken.
    var isBusy: Bool { lock.withLock { running || !results.isEmpty } }

    /// Waits until everything asked for has been read (for tests and benchmarks).
    func waitUntilIdle() {
        idle.lock()
        while lock.withLock({ running }) { _ = idle.wait(until: Date().addingTimeInterval(0.01)) }
        idle.unlock()
    }

    private func next() -> (PlanRef, Int)? {
        lock.withLock {
            while true {
                let ref: PlanRef
                if !urgent.isEmpty {
                    ref = urgent.removeFirst()
                } else if !rest.isEmpty {
                    ref = rest.removeFirst()
                } else {
                    running = false
                    return nil
                }
                // Asked for urgently and as one of the rest: read once.
                if queued.remove(ref) != nil { return (ref, generation) }
            }
        }
    }

    private func work() {
        while let (ref, generation) = next() {
            let states: ChooserPlanStates
            do {
                states = try store.periodStates([ref])[ref]
            } catch {
                states = nil
            }
            lock.withLock {
                if generation == self.generation { results[ref] = .some(states) }
            }
        }
        idle.lock()
        idle.broadcast()
        idle.unlock()
    }
}
