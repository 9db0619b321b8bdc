import Foundation
import Testing
import PlanKit
@testable import VPApp
import PlanKitTestSupport

/// Two windows of one login keep their drafts of a server's plans in one file: each save reads
/// the file, changes its own entries and writes it whole, so two saves at the same moment must
/// not write over each other's draft.
@Suite("Drafts of two windows saved at the same moment", .temporaryFolders)
struct LocalDraftsLockTests {
    let folder = TemporaryFolders.make("vp-tui-drafts")
    var environment: [String: String] { ["XDG_STATE_HOME": folder.appendingPathComponent("state").path, "HOME": folder.path] }
    let plan = PlanRef(unitID: "U1", year: 2026)

    @Test("every draft two windows save in parallel is in the file after")
    func parallelSavesKeepEveryDraft() throws {
        let first = try #require(LocalDrafts(database: "postgresql://db", login: "anna", environment: environment))
        let second = try #require(LocalDrafts(database: "postgresql://db", login: "anna", environment: environment))
        let rounds = 150
        let failures = Failures()
        // Each window writes drafts of its own fields, so every one of them must survive.
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let drafts = writer == 0 ? first : second
            for round in 0..<rounds {
                let field = FieldRef.analysis(item: "w\(writer)-\(round)", period: .t1)
                do { try drafts.save("text \(writer) \(round)", for: field, baseRevision: 0, in: plan) } catch { failures.add("\(error)") }
            }
        }
        #expect(failures.all.isEmpty)
        let reader = try #require(LocalDrafts(database: "postgresql://db", login: "anna", environment: environment))
        var missing: [String] = []
        for writer in 0..<2 {
            for round in 0..<rounds where reader.draft(for: .analysis(item: "w\(writer)-\(round)", period: .t1), in: plan) == nil {
                missing.append("w\(writer)-\(round)")
            }
        }
        #expect(missing.count == 0, "drafts lost: \(missing.count) of \(2 * rounds)")
    }

    @Test("a discard in one window while the other saves keeps the other's drafts")
    func discardWhileSavingKeepsDrafts() throws {
        let first = try #require(LocalDrafts(database: "postgresql://db", login: "anna", environment: environment))
        let second = try #require(LocalDrafts(database: "postgresql://db", login: "anna", environment: environment))
        let rounds = 150
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for round in 0..<rounds {
                if writer == 0 {
                    let field = FieldRef.analysis(item: "kept-\(round)", period: .t1)
                    try? first.save("kept \(round)", for: field, baseRevision: 0, in: plan)
                } else {
                    let field = FieldRef.analysis(item: "gone-\(round)", period: .t1)
                    try? second.save("gone \(round)", for: field, baseRevision: 0, in: plan)
                    try? second.discard(field, in: plan)
                }
            }
        }
        let kept = (0..<rounds).filter { first.draft(for: .analysis(item: "kept-\($0)", period: .t1), in: plan) != nil }
        let gone = (0..<rounds).filter { first.draft(for: .analysis(item: "gone-\($0)", period: .t1), in: plan) != nil }
        #expect(kept.count == rounds)
        #expect(gone.isEmpty)
    }
}

/// Errors from the writers' threads, gathered for the test's thread.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    func add(_ error: String) { lock.withLock { errors.append(error) } }
    var all: [String] { lock.withLock { errors } }
}
