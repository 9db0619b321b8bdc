import Foundation
import GRDB
import Testing
@testable import PlanKit
import PlanKitTestSupport

@Suite("Commits made durable by the checkpointer; rehearsed changes store nothing", .temporaryFolders)
struct DurabilityTests {
    /// The plan as the database file alone holds it, without its write-ahead log: what a power
    /// cut would leave if the log had not reached the disk.
    private func ratingInMainFileAlone(_ path: String) throws -> Rating? {
        let copy = Fixture.temporaryDirectory().appendingPathComponent("main-only.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let store = try PlanStore(path: copy, readOnly: true)
        return try store.loadPlan(Fixture.plan).followUp("re-2021-em-03", .vb).rating
    }

    @Test("makeDurable writes every commit into the database file itself")
    func makeDurableCheckpoints() throws {
        let (store, path) = try Fixture.fileStore()
        store.makeDurable()
        #expect(try ratingInMainFileAlone(path) == .fully)
        try store.setRating(.not, goal: "re-2021-em-03", period: .vb, in: Fixture.plan)
        store.makeDurable()
        #expect(try ratingInMainFileAlone(path) == .not)
    }

    @Test("Closing the store folds the log into the database file, and leaves no log behind")
    func closingLeavesTheFileWhole() throws {
        func changeAndClose() throws -> String {
            let (store, path) = try Fixture.fileStore()
            try store.setRating(.partly, goal: "re-2021-em-03", period: .vb, in: Fixture.plan)
            return path
        }
        let path = try changeAndClose()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try ratingInMainFileAlone(path) == .partly)
    }

    @Test("A commit reaches the database file by itself shortly after it is made")
    func commitsBecomeDurableByThemselves() throws {
        let (store, path) = try Fixture.fileStore()
        store.makeDurable()
        try store.setRating(.partly, goal: "re-2021-em-03", period: .vb, in: Fixture.plan)
        // The checkpointer runs Checkpointer.delay after the commit; a generous deadline, since
        // this is about whether it happens, not how fast.
        var found: Rating?
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            found = try ratingInMainFileAlone(path)
            if found == .partly { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(found == .partly)
        #expect(try store.loadPlan(Fixture.plan).followUp("re-2021-em-03", .vb).rating == .partly)
    }

    /// The write-ahead log's header: its checkpoint sequence number and first salt, which change
    /// when the log is started afresh.
    private func logGeneration(_ path: String) throws -> [UInt8] {
        let header = try Data(contentsOf: URL(fileURLWithPath: path + "-wal")).prefix(20)
        return Array(header.dropFirst(12))
    }

    @Test("After the checkpointer has emptied the log it starts it afresh itself, changing nothing, so the next change does not sync the log header")
    func logStartedAfreshInTheBackground() throws {
        let (store, path) = try Fixture.fileStore()
        try store.setRating(.partly, goal: "re-2021-em-03", period: .vb, in: Fixture.plan)
        let generation = try logGeneration(path)
        let counter = try store.changeCounter()
        let contents = try store.dumpForTesting()
        // No further change from here: only the checkpointer can start the log again.
        var started = false
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if try logGeneration(path) != generation { started = true; break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(started)
        #expect(try store.changeCounter() == counter)
        #expect(try store.dumpForTesting() == contents)
        // The next change goes into the log started afresh, without starting another.
        let afresh = try logGeneration(path)
        try store.setRating(.not, goal: "re-2021-em-03", period: .vb, in: Fixture.plan)
        #expect(try logGeneration(path) == afresh)
        #expect(try store.loadPlan(Fixture.plan).followUp("re-2021-em-03", .vb).rating == .not)
    }

    @Test("A rehearsed change stores nothing, logs nothing and is not seen by other sessions")
    func rehearsalChangesNothing() throws {
        let (store, path) = try Fixture.fileStore()
        let other = try PlanStore(path: path, login: "bertil")
        let before = try store.dumpForTesting()
        let counter = try other.changeCounter()
        let plan = try store.loadPlan(Fixture.plan)
        let section = try #require(plan.sections(in: .vb).first)
        store.rehearseChanges([
            (.rating(item: "re-2021-em-03", period: .vb), .rating(.not)),
            (.analysis(item: "re-2021-em-03", period: .vb), .text("Övning.")),
            (.sectionText(section: section.id, period: .vb), .text(section.text + ".")),
        ], in: Fixture.plan)
        #expect(try store.dumpForTesting() == before)
        #expect(try other.changeCounter() == counter)
        #expect(try !store.canUndo(in: Fixture.plan))
        // The store works as before: a real change is kept and can be undone.
        try store.setRating(.not, goal: "re-2021-em-03", period: .vb, in: Fixture.plan)
        #expect(try other.loadPlan(Fixture.plan).followUp("re-2021-em-03", .vb).rating == .not)
        try store.undo(in: Fixture.plan)
        #expect(try other.loadPlan(Fixture.plan).followUp("re-2021-em-03", .vb).rating == .fully)
    }

    @Test("Rehearsing while another session writes gives up at once; later changes still wait their turn")
    func rehearsalDoesNotWaitForOthers() throws {
        let (store, path) = try Fixture.fileStore()
        let writer = try DatabaseQueue(path: path)
        let before = try store.dumpForTesting()
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? writer.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                held.signal()
                release.wait()
                try db.execute(sql: "COMMIT")
            }
            done.signal()
        }
        held.wait()
        let started = Date()
        store.rehearseChanges([(.rating(item: "re-2021-em-03", period: .vb), .rating(.not))], in: Fixture.plan)
        // The busy timeout is 5 s; giving up at once is well under it.
        #expect(Date().timeIntervalSince(started) < 2.5)
        // A real change now waits for the other session instead of failing at once.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { release.signal() }
        try store.setRating(.not, goal: "re-2021-em-03", period: .vb, in: Fixture.plan)
        done.wait()
        #expect(try store.dumpForTesting() != before)
        #expect(try store.loadPlan(Fixture.plan).followUp("re-2021-em-03", .vb).rating == .not)
    }
}
