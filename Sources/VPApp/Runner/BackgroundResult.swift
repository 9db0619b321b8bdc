import Foundation

/// Work done on a thread of its own whose result is handed over once, by `take`. Two choices
/// made at creation tell the uses apart: whether `take` waits for work under way (the result is
/// needed for the key being answered) or answers at once with nothing, and whether a later
/// `start` begins the work anew and drops what an earlier one brings (the result asked for last
/// is the one wanted) or is ignored (the work is done once).
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    enum Priority {
        case normal
        /// The lowest the system has: work that must not take the processor from the keys.
        case lowest
    }

    private let condition = NSCondition()
    private let takeWaits: Bool
    private let laterStartWins: Bool
    private let priority: Priority
    private var started = false
    /// Raised by every start: a result of an earlier start is not kept.
    private var generation = 0
    private var running = 0
    private var result: Value?

    init(takeWaits: Bool = false, laterStartWins: Bool = false, priority: Priority = .normal) {
        self.takeWaits = takeWaits
        self.laterStartWins = laterStartWins
        self.priority = priority
    }

    /// Starts the work; nil from it is nothing to hand over. Returns false when the work is done
    /// once and was started before.
    @discardableResult
    func start(_ work: @escaping @Sendable () -> Value?) -> Bool {
        condition.lock()
        guard !started || laterStartWins else {
            condition.unlock()
            return false
        }
        started = true
        generation += 1
        running += 1
        result = nil
        let mine = generation
        condition.unlock()
        // A thread of its own rather than a shared queue's: lowering its priority lowers no one
        // else's.
        let lowest = priority == .lowest
        Thread { [self] in
            if lowest { Self.lowerPriority() }
            let value = work()
            condition.lock()
            running -= 1
            if mine == generation { result = value }
            condition.broadcast()
            condition.unlock()
        }.start()
        return true
    }

    /// The result of the work started last, once; nil when there is none (yet). Waits for work
    /// under way when made to.
    func take() -> Value? {
        condition.lock()
        defer { condition.unlock() }
        if takeWaits { while running > 0 { condition.wait() } }
        defer { result = nil }
        return result
    }

    /// Whether work is under way, or done and its result not yet taken.
    var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return running > 0 || result != nil
    }

    /// Waits until all work started is done (for tests and benchmarks).
    func waitUntilIdle() {
        wait(untilUnderWay: 0)
    }

    /// Waits until no more than `count` of the works started are under way.
    func wait(untilUnderWay count: Int) {
        condition.lock()
        defer { condition.unlock() }
        while running > count { condition.wait() }
    }

    /// The calling thread's nice value raised to 19 (on Linux the nice value is per thread).
    private static func lowerPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
    }
}
