import Foundation
import PlanKit

/// Counts the board's table off the main thread: the table shows at once with the units' names
/// (`PlanStore.boardNames`) and takes the counts when they come (`PlanStore.boardStatus`, a
/// few hundred milliseconds for a district). A table asked for later makes an earlier count's
/// result go unused.
final class BoardCountWorker: @unchecked Sendable {
    private let store: PlanStore
    private let lock = NSLock()
    private var generation = 0
    private var running = 0
    private var result: Result<BoardStatus, Error>?

    init(store: PlanStore) {
        self.store = store
    }

    /// Starts counting the table; whatever an earlier start brings is dropped.
    func start(_ scope: BoardScope, year: Int, period: ReportPeriod) {
        let mine = lock.withLock { () -> Int in
            generation += 1
            running += 1
            result = nil
            return generation
        }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let counted = Result { try store.boardStatus(scope, year: year, period: period) }
            lock.withLock {
                running -= 1
                if mine == generation { result = counted }
            }
        }
    }

    /// The count of the table asked for last, once, when it is done.
    func take() -> Result<BoardStatus, Error>? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }

    /// Whether a count is under way, or done and not yet taken.
    var isBusy: Bool { lock.withLock { running > 0 || result != nil } }

    /// Waits until every count started is done (for tests and benchmarks).
    func waitUntilIdle() {
        while lock.withLock({ running > 0 }) { usleep(1_000) }
    }
}
