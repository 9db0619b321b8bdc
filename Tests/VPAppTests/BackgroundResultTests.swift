import Foundation
import Testing
@testable import VPApp

/// The one-shot background work the runner uses for the damage check, the chooser's list read
/// ahead and the board's counts.
@Suite("Work in the background, its result handed over once")
struct BackgroundResultTests {
    @Test("The result is handed over once; work done once is not started again")
    func handedOverOnce() {
        let work = BackgroundResult<Int>()
        #expect(work.take() == nil, "nothing started")
        #expect(work.start { 42 })
        work.waitUntilIdle()
        #expect(work.isBusy, "done and not taken")
        #expect(work.take() == 42)
        #expect(work.take() == nil)
        #expect(!work.isBusy)
        #expect(!work.start { 43 })
        work.waitUntilIdle()
        #expect(work.take() == nil)
    }

    @Test("Work that finds nothing hands over nothing")
    func nothingFound() {
        let work = BackgroundResult<String>()
        work.start { nil }
        work.waitUntilIdle()
        #expect(!work.isBusy)
        #expect(work.take() == nil)
    }

    @Test("Of two starts, only the later one's result is handed over, even when the earlier ends last")
    func laterStartWins() {
        let work = BackgroundResult<Int>(laterStartWins: true)
        let first = DispatchSemaphore(value: 0)
        let second = DispatchSemaphore(value: 0)
        work.start { first.wait(); return 1 }
        #expect(work.start { second.wait(); return 2 })
        first.signal()
        work.wait(untilUnderWay: 1)
        #expect(work.take() == nil, "the earlier start's result came")
        #expect(work.isBusy)
        second.signal()
        work.waitUntilIdle()
        #expect(work.take() == 2)
        #expect(work.take() == nil)
        // A result done and not taken goes with the next start.
        work.start { 3 }
        work.waitUntilIdle()
        work.start { nil }
        work.waitUntilIdle()
        #expect(work.take() == nil)
    }

    @Test("A waiting take waits for the work under way; one that does not answers at once")
    func waitingTake() {
        let waiting = BackgroundResult<Int>(takeWaits: true)
        #expect(waiting.take() == nil, "nothing started: nothing to wait for")
        let gate = DispatchSemaphore(value: 0)
        waiting.start { gate.wait(); return 7 }
        let taken = Taken()
        let done = DispatchSemaphore(value: 0)
        Thread {
            taken.value = waiting.take()
            done.signal()
        }.start()
        #expect(done.wait(timeout: .now() + 0.2) == .timedOut, "the take came back before the work was done")
        gate.signal()
        #expect(done.wait(timeout: .now() + 20) == .success)
        #expect(taken.value == 7)
        #expect(waiting.take() == nil)

        let quick = BackgroundResult<Int>()
        let quickGate = DispatchSemaphore(value: 0)
        quick.start { quickGate.wait(); return 8 }
        #expect(quick.take() == nil)
        quickGate.signal()
        quick.waitUntilIdle()
        #expect(quick.take() == 8)
    }

    #if os(Linux)
    @Test("Work at the lowest priority runs at nice 19, on its own thread")
    func lowestPriority() {
        let before = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let work = BackgroundResult<Int32>(priority: .lowest)
        work.start { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        work.waitUntilIdle()
        #expect(work.take() == 19)
        #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) == before)
    }
    #endif
}

/// What a thread took, read after it said it was done.
private final class Taken: @unchecked Sendable {
    var value: Int?
}
