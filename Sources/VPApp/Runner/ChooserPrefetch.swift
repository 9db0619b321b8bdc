import Foundation
import PlanKit

/// The chooser's list read in the background once the first frame is drawn: a district has
/// thousands of plans, and reading and arranging them took tens of milliseconds of the first
/// `t` (docs/PERFORMANCE.md). A `t` that comes before the read is done waits for it.
final class ChooserPrefetch: @unchecked Sendable {
    private let condition = NSCondition()
    private var started = false
    private var finished = false
    /// The list, and the store's change counter read before it.
    private var result: (data: ChooserData, counter: Int)?

    func start(_ store: PlanStore) {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        Thread { [self] in
            let read = try? (counter: store.changeCounter(),
                             data: ChooserData(plans: store.plans(), organisations: store.organisations(), cascades: store.cascadeYears()))
            condition.lock()
            result = read.map { ($0.data, $0.counter) }
            finished = true
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// The list read, once, waiting for the read if it is under way; nil when none was started
    /// or it failed.
    func take() -> (data: ChooserData, counter: Int)? {
        condition.lock()
        defer { condition.unlock() }
        guard started else { return nil }
        while !finished { condition.wait() }
        defer { result = nil }
        return result
    }
}
