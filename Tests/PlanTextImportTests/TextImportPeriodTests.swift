import Foundation
import Testing
@testable import PlanTextImport
import PlanKit

/// Which period a unit's document reports (VP, T1, T2, VB), read from its title, and its
/// sections read into that period's sections.
@Suite("import-text of a unit's tertialrapport: the period from the title, the sections into it")
struct TextImportPeriodTests {
    static let t1Name = "resursenheten-t1-2021.txt"

    @Test("The period is the one the title names first", arguments: [
        ("Tertialrapport 1 2021 för Resursenheten\n", ReportPeriod.t1),
        ("Tertialrapport T2 2021 för Resursenheten\n", .t2),
        ("TERTIALRAPPORT 2 för Resursenheten\n", .t2),
        ("Tertialrapport 2021 T2\nResursenheten\n", .t2),
        ("Resursenheten\nT1 2021\n", .t1),
        ("Verksamhetsberättelse 2021 för Resursenheten\nJämfört med tertialrapport 2 …\n", .vb),
        ("Årsmötesberättelse VB 2021 för Resursenheten\n", .vb),
        ("Verksamhetsplan 2021 för Resursenheten\nFöljs upp i Tertialrapport 1 och i VB.\n", .vp),
        ("Inledning\nAlla förskolor.\n", .vp),
        // "T12" and "VBX" are not the abbreviations; "vb" in lower case is no title.
        ("Lokal T12 och rum VBX, vb\n", .vp),
    ])
    func periodFromTitle(_ text: String, _ expected: ReportPeriod) {
        #expect(UnitDocumentSections.period(of: text) == expected)
        #expect(UnitDocumentSections.periodFound(in: text).tertialGuessed == false)
    }

    @Test("A tertialrapport that says not which tertial is read as T1, and said to be")
    func tertialGuessed() {
        let found = UnitDocumentSections.periodFound(in: "Tertialrapport 2021 för Resursenheten\nTexten.\n")
        #expect(found.period == .t1 && found.tertialGuessed)
    }

    /// The fixture is the VB seed with its title lines (11 and 17) saying "Tertialrapport T1 2021 för
    /// Resursenheten": the headings stand on the VB's lines (checked by hand there).
    @Test("A T1's sections are read into the T1's sections, and the plan gets the period T1")
    func t1Sections() throws {
        let cascade = try #require(try TextSeeds.board.get().file.cascades?.first)
        let result = try TextImporter.parse(try TextSeeds.text(Self.t1Name), options: TextImportOptions(knownCascade: cascade))
        #expect(result.period == .t1)
        #expect(result.unit?.name == "Resursenheten" && result.year == 2021)
        #expect(!result.doubts.contains { $0.message == Strings.TextImport.tertialGuessed })
        #expect(result.sections.map(\.id) == SectionTemplate.entries(for: .t1).map(\.id))
        #expect(result.sections.map(\.line) == [13, 37, 407, 409, 411, 413, 415, 417, 419])
        let analysis = try #require(result.sections.first { $0.id == "sammanfattande-analys" }).text
        #expect(TextSeeds.normalised(analysis).hasPrefix("Resursenheten är en övergripande preventiv enhet som omfattar"))
        let plan = try #require(result.file.plans?.first)
        #expect(plan.periods == [.vp, .t1])
        #expect(plan.sections?.allSatisfy { $0.period == .t1 } == true)
        #expect(TextImportOutline.render(result).contains("Avsnitt i T1:"))

        let store = try PlanStore(inMemoryWithLogin: "anna")
        try store.importText(try TextSeeds.board.get(), name: "namnd.txt")
        try store.importText(result, name: "t1.txt")
        let stored = try #require(try store.exportInterchange(PlanRef(unitID: "resursenheten", year: 2021)).plans?.first)
        #expect(stored.periods.contains(.t1) && !stored.periods.contains(.vb))
        let t1Analysis = stored.sections?.first { $0.period == .t1 && $0.id == "sammanfattande-analys" }?.text
        #expect(TextSeeds.normalised(t1Analysis) == TextSeeds.normalised(analysis))
        #expect(stored.sections?.contains { $0.period == .vb } == false)
    }
}
