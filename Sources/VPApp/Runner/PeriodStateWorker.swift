import Foundation
import PlanKit

/// Reads the period states of plans off the main thread, one plan at a time, those asked for
/// urgently (the lines on the screen) first. A district has 1 500 plans and each state needs the
/// whole plan read and its gaps counted, several seconds in all: the chooser shows at once and
/// the states come in as they are read. The store serialises its reads, so a key that needs the
/// store waits for one plan's read at most. On a server, whose copy holds only the plans opened,
/// the states of the lines on the screen are worked out from the server's rows, a screen of
/// them at a time (one round trip for each table), and a plan whose read fails stays unread
/// rather than unreadable.
final class PeriodStateWorker: @unchecked Sendable {
    private let store: PlanStore
    private let server: (any PlanServer)?
    /// Plans read at once: one on a file; on a server a tall screen of lines, whose read costs
    /// little more than a few lines' (each table is read once, and its policies worked out once,
    /// for all of them), and which a save waits for at most (they share the connection).
    private let batch: Int
    private let lock = NSLock()
    private let idle = NSCondition()
    private var urgent: [PlanRef] = []
    private var rest: [PlanRef] = []
    private var queued: Set<PlanRef> = []
    private var results: [PlanRef: ChooserPlanStates] = [:]
    private var running = false
    /// Raised by `reset`: a read under way belongs to the data before.
    private var generation = 0
    /// Plans forgotten while they may have been read: that read is not taken.
    private var forgotten: Set<PlanRef> = []

    init(store: PlanStore, server: (any PlanServer)? = nil) {
        self.store = store
        self.server = server
        batch = server == nil ? 1 : 40
    }

    /// Asks for the states of the plans; `urgent` ones go before everything asked for before.
    func request(_ refs: [PlanRef], urgent isUrgent: Bool) {
        // On a server only the lines on the screen are read: every plan of a city in the
        // background would read as much as the copy was spared.
        if server != nil && !isUrgent { return }
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

    /// Forgets what was asked for and read of these plans: others changed them. A read of them
    /// under way is not taken.
    func forget(_ plans: Set<PlanRef>) {
        lock.withLock {
            urgent.removeAll { plans.contains($0) }
            rest.removeAll { plans.contains($0) }
            queued.subtract(plans)
            for plan in plans { results[plan] = nil }
            forgotten.formUnion(plans)
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

    /// Up to `batch` plans to read next, urgent ones first.
    private func next() -> ([PlanRef], Int)? {
        lock.withLock {
            var refs: [PlanRef] = []
            while refs.count < batch {
                let ref: PlanRef
                if !urgent.isEmpty {
                    ref = urgent.removeFirst()
                } else if !rest.isEmpty {
                    ref = rest.removeFirst()
                } else {
                    break
                }
                // Asked for urgently and as one of the rest: read once.
                if queued.remove(ref) != nil { refs.append(ref) }
            }
            if refs.isEmpty {
                running = false
                return nil
            }
            forgotten.subtract(refs)
            return (refs, generation)
        }
    }

    private func work() {
        while let (refs, generation) = next() {
            var read: [PlanRef: ChooserPlanStates] = [:]
            if let server {
                // Not read (the server lost): left unread, to be asked for again.
                if let states = try? server.periodStates(refs) {
                    for ref in refs { read[ref] = .some(states[ref]) }
                }
            } else {
                for ref in refs { read[ref] = .some((try? store.periodStates([ref]))?[ref]) }
            }
            lock.withLock {
                guard generation == self.generation else { return }
                for (ref, states) in read where !forgotten.contains(ref) { results[ref] = .some(states) }
            }
        }
        idle.lock()
        idle.broadcast()
        idle.unlock()
    }
}
