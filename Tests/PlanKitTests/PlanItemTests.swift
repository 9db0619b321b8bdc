import Testing
@testable import PlanKit

@Suite("Plan items are values")
struct PlanItemValueTests {
    @Test("A changed copy leaves the original as it was; equal items are equal and hash alike")
    func copiesAreIndependent() throws {
        let original = PlanItem(id: "a", kind: .goal, level: .unitGoal, author: .unit, parentID: "p",
                                texts: [.title: "Mål", .method: "Så här"], revisions: [.vb: [.title: "Nytt mål"]])
        var copy = original
        copy.texts[.title] = "Annat mål"
        copy.revisions[.vb]?[.title] = nil
        copy.revision += 1
        #expect(original.title == "Mål")
        #expect(original.revisions[.vb]?[.title] == "Nytt mål")
        #expect(original.revision == 1)
        #expect(copy.title == "Annat mål")
        #expect(copy != original)

        let twin = PlanItem(id: "a", kind: .goal, level: .unitGoal, author: .unit, parentID: "p",
                            texts: [.title: "Mål", .method: "Så här"], revisions: [.vb: [.title: "Nytt mål"]])
        #expect(twin == original)
        #expect(twin.hashValue == original.hashValue)
        var back = copy
        back.texts[.title] = "Mål"
        back.revisions[.vb]?[.title] = "Nytt mål"
        back.revision = 1
        #expect(back == original)
        #expect(Set([original, twin, back]).count == 1)
    }
}
