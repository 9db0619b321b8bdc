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
        DispatchQueue.global(qos: .utility).async { [self] in
            let damage = store.checkForDamage()
            lock.withLock { result = damage }
        }
    }

    /// What the check found, if it has finished and found damage; nil afterwards.
    func takeResult() -> StoreError? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }
}
