import Foundation
import Testing
@testable import PlanTextImport
import PlanKit

@Suite("import-text into a year that exists: nothing stored is blanked, changes need --replace")
struct TextImportSafetyTests {
    static let bareHeadings = """
        Hägersten-Älvsjö stadsdelsnämnd
        Verksamhetsplan 2021

        KF:s inriktningsmål:
        1. En modern storstad med möjligheter och valfrihet för alla

        KF:s mål för verksamhetsområdet:
        1.1 I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort

        """

    private func goal(_ store: PlanStore, _ id: String) throws -> GoalRecord? {
        let cascade = try #require(try store.storedCascade(board: "hagersten-alvsjo", year: 2021))
        func find(_ goals: [GoalRecord]) -> GoalRecord? {
            for goal in goals {
                if goal.id == id { return goal }
                if let found = find(goal.children ?? []) { return found }
            }
            return nil
        }
        return find(cascade.goals)
    }

    @Test("A file of bare headings blanks no stored title or description, and drops no goal")
    func bareHeadingsBlankNothing() throws {
        let store = try SampleStore.make()
        let before = try #require(try store.storedCascade(board: "hagersten-alvsjo", year: 2021))
        let kf1 = try #require(try goal(store, "ha-2021-kf-1"))
        #expect(kf1.description?.isEmpty == false)
        let result = try TextImporter.parse(Self.bareHeadings)
        #expect(try store.storedTextChanges(result) == [])
        try store.importText(result, name: "rubriker.txt")
        let after = try #require(try store.storedCascade(board: "hagersten-alvsjo", year: 2021))
        #expect(try goal(store, "ha-2021-kf-1")?.title == kf1.title)
        #expect(try goal(store, "ha-2021-kf-1")?.description == kf1.description)
        #expect(CascadeComparison.differences(after.goals, before.goals) == [])
    }

    @Test("A changed stored title is listed and refused without --replace, then replaced with it")
    func changedTitleNeedsReplace() throws {
        let store = try SampleStore.make()
        let old = try #require(try goal(store, "ha-2021-kf-1"))
        let text = Self.bareHeadings.replacingOccurrences(of: "valfrihet för alla", with: "valfrihet för alla invånare")
        let result = try TextImporter.parse(text)
        let changes = try store.storedTextChanges(result)
        #expect(changes.map(\.id) == ["ha-2021-kf-1"])
        #expect(changes.first?.field == "title")
        #expect(changes.first?.new == "En modern storstad med möjligheter och valfrihet för alla invånare")
        let error = #expect(throws: TextImportError.self) { try store.importText(result, name: "ny.txt") }
        #expect(error?.message.contains("--replace") == true)
        #expect(error?.message.contains("ha-2021-kf-1 rubrik") == true)
        #expect(try goal(store, "ha-2021-kf-1") == old)
        try store.importText(result, name: "ny.txt", replace: true)
        #expect(try goal(store, "ha-2021-kf-1")?.title == "En modern storstad med möjligheter och valfrihet för alla invånare")
        #expect(try goal(store, "ha-2021-kf-1")?.description == old.description)
    }

    @Test("An indicator whose direction the text does not state keeps the stored direction")
    func unsureDirectionKeepsStored() throws {
        let store = try SampleStore.make()
        let result = try TextSeeds.board.get()
        try store.importText(result, name: TextSeeds.boardName)
        let sickLeave = try #require(try goal(store, "ha-2021-kf-3.2")?.indicators?.first { $0.name == "Sjukfrånvaro" })
        #expect(sickLeave.direction == .lowerIsBetter)
    }
}
