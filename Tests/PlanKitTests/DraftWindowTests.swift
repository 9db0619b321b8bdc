import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport

/// The same login in two windows: each window's draft is its own, and after both are gone
/// (killed, the connection lost) every draft is offered back, one after the other.
@Suite("Drafts per window", .temporaryFolders)
struct DraftWindowTests {
    static let field = FieldRef.analysis(item: "re-2021-em-05", period: .vb)

    @Test("Two windows of one login, both gone: both drafts of one field are offered back")
    func twoWindowsBothKilled() throws {
        let (first, path) = try Fixture.fileStore()
        let second = try PlanStore(path: path, login: first.login)
        let revision = try first.value(of: Self.field, in: Fixture.plan).revision
        try first.saveDraft("Skrivet i fönster ett.", for: Self.field, baseRevision: revision, in: Fixture.plan)
        try second.saveDraft("Skrivet i fönster två.", for: Self.field, baseRevision: revision, in: Fixture.plan)
        // Neither window discards its draft: as after kill -9 of both.

        let third = try PlanStore(path: path, login: first.login)
        let offered = try #require(try third.draft(for: Self.field, in: Fixture.plan))
        try third.saveText(offered.text, to: Self.field, in: Fixture.plan, expectedRevision: revision)

        let next = try #require(try third.draft(for: Self.field, in: Fixture.plan))
        #expect(Set([offered.text, next.text]) == ["Skrivet i fönster ett.", "Skrivet i fönster två."])
        try third.discardDraft(for: Self.field, in: Fixture.plan)
        #expect(try third.draft(for: Self.field, in: Fixture.plan) == nil)
        #expect(try third.value(of: Self.field, in: Fixture.plan).value == .text(offered.text))
    }

    @Test("Another login's drafts are not offered")
    func otherLogin() throws {
        let (first, path) = try Fixture.fileStore()
        try first.saveDraft("Annas text.", for: Self.field, baseRevision: 1, in: Fixture.plan)
        let bertil = try PlanStore(path: path, login: "bertil-\(first.login)")
        #expect(try bertil.draft(for: Self.field, in: Fixture.plan) == nil)
    }
}
