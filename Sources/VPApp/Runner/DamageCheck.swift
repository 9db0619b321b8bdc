import Foundation
import PlanKit

/// Runs the store's check for a damaged file off the main thread and hands back what it found,
/// once: a damaged file is said while the person can still go back to a backup.
final class DamageCheck: @unchecked Sendable {
    private let lock = NSLock()
    private var result: StoreError?
    private var started = false

    func start(_ store: PlanStore) {
        let first = lock.withLock {
            defer { started = true }
            return !started
        }
        guard first else { return }
        // Its own thread at the lowest priority: the check reads the whole file, and on a busy
        // machine it must not take the processor from the keys.
        let thread = Thread { [self] in
            Self.lowerPriority()
            let damage = store.checkForDamage()
            lock.withLock { result = damage }
        }
        thread.start()
    }

    /// The calling thread's nice value raised to 19 (on Linux the nice value is per thread).
    private static func lowerPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
    }

    /// What the check found, if it has finished and found damage; nil afterwards.
    func takeResult() -> StoreError? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }
}
