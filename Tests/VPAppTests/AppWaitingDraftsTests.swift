import Foundation
import Testing
import PlanKit
import PlanKitTestSupport
@testable import VPApp

/// A draft left by an app that ended before it was saved is said on the status line as soon as
/// its plan is opened, not only when its text happens to be opened again.
@Suite("Drafts waiting in a plan just opened", .temporaryFolders)
struct AppWaitingDraftsTests {
    /// An app that wrote in the goal's analysis and ended without saving.
    private func leaveDraft(_ path: String, login: String = "anna", containing row: String = "Enhetsmål: Gruppen") throws {
        let first = try AppDraftAndConflictTests.driver(path, login: login)
        try first.select(containing: row)
        first.press(.character("e"))
        first.type(" Skrivet före avbrottet.")
        first.app.close()
    }

    private func status(_ driver: AppDriver) -> String { driver.state.status?.text ?? "" }

    @Test("One draft: the status line names it, where it is and how to take it up")
    func oneDraft() throws {
        let path = try AppDraftAndConflictTests.fileDatabase()
        try leaveDraft(path)
        let second = try AppDraftAndConflictTests.driver(path, login: "anna")
        #expect(status(second).hasPrefix("Ett osparat utkast väntar i ”Gruppen"), "\(status(second))")
        #expect(status(second).contains("(VB): välj raden och tryck e för att ta upp det."), "\(status(second))")
        #expect(second.text.contains("Ett osparat utkast väntar"))
        // Taken up where the status line says: opening the text offers it.
        try second.select(containing: "Enhetsmål: Gruppen")
        second.press(.character("e"))
        guard case .draftFound? = second.state.modal else {
            Issue.record("the draft should be offered")
            return
        }
    }

    @Test("Several drafts are counted; another login's drafts and a plan without drafts say nothing")
    func countedAndOwn() throws {
        let path = try AppDraftAndConflictTests.fileDatabase()
        let plain = try AppDraftAndConflictTests.driver(path, login: "anna")
        #expect(!status(plain).contains("utkast"), "\(status(plain))")
        plain.app.close()

        try leaveDraft(path)
        try leaveDraft(path, containing: "Enhetsmål: Resursenhetens budget")
        #expect(!status(try AppDraftAndConflictTests.driver(path, login: "bo")).contains("utkast"))
        let again = try AppDraftAndConflictTests.driver(path, login: "anna")
        #expect(status(again).hasPrefix("2 osparade utkast väntar, det första i ”"), "\(status(again))")
        #expect(status(again).contains("de andra erbjuds när deras texter öppnas"), "\(status(again))")
    }
}
