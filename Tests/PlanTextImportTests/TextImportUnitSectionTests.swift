import Foundation
import Testing
@testable import PlanTextImport
import PlanKit

/// The document sections of a unit's VP and VB, and where a new unit is placed.
@Suite("import-text of a unit's plan: its document sections and its department")
struct TextImportUnitSectionTests {
    private func section(_ result: TextImportResult, _ id: String) throws -> FoundSection {
        try #require(result.sections.first { $0.id == id })
    }

    private func starts(_ text: String, _ words: String) -> Bool {
        TextSeeds.normalised(text).hasPrefix(words)
    }

    /// Checked by hand in seeds/resursenheten-vp-2021.txt: " Inledning" (line 1), "Verksamhetsidé
    /// och värdegrund" (16), "Verksamhetsbeskrivning" (91), "Medarbetarnas delaktighet" (209) before
    /// the first marker; "Redovisning av ekonomi" (826) and "Övrigt" (832, the last line) after the goals.
    @Test("The VP's sections are found with their texts, none running into the goals")
    func vpSections() throws {
        let result = try TextSeeds.unit.get()
        #expect(result.period == .vp)
        #expect(result.sections.map(\.id) == ["inledning", "verksamhetside-och-vardegrund", "verksamhetsbeskrivning",
                                              "medarbetarnas-delaktighet", "redovisning-av-ekonomi", "ovrigt"])
        #expect(result.sections.map(\.line) == [1, 16, 91, 209, 826, 832])
        #expect(starts(try section(result, "inledning").text, "Alla kommunala förskolor i den nya stadsdelen Hägersten-Älvsjö"))
        #expect(try section(result, "inledning").text.hasSuffix("tillsammans med kollegorna på den egna förskolan."))
        #expect(starts(try section(result, "verksamhetside-och-vardegrund").text, "Resursenheten är en övergripande preventiv enhet inom Förskoleavdelningen"))
        #expect(starts(try section(result, "verksamhetsbeskrivning").text, "Resursenheten arbetar utifrån nationella och kommunala styrdokument"))
        #expect(starts(try section(result, "medarbetarnas-delaktighet").text, "I enhetens arbete med verksamhetsplanen 2021 så har medarbetarna"))
        #expect(try section(result, "medarbetarnas-delaktighet").text.hasSuffix("planeringsdag inom resursteamet."))
        #expect(try section(result, "ovrigt").text == "")
        for found in result.sections {
            for marker in ["KF:s inriktningsmål:", "Nämndmål:", "Enhetsmål:", "Förväntat resultat"] {
                #expect(!found.text.contains(marker), "\(found.id) runs into the goals")
            }
        }
        let plan = try #require(result.file.plans?.first)
        #expect(plan.sections?.map(\.id) == SectionTemplate.entries(for: .vp).map(\.id))
        #expect(plan.sections?.allSatisfy { $0.period == .vp } == true)
        #expect(TextSeeds.normalised(plan.sections?.first?.text)
                == TextSeeds.normalised(try TextSeeds.sample("resursenheten-2021.json").plans?.first?.sections?.first?.text))
    }

    /// Checked by hand in seeds/resursenheten-vb-2021.txt: "Förslag till beslut" (13) is followed
    /// by the table of contents only; "Sammanfattande analys" (37) ends at the chapter
    /// "Uppföljning av Kommunfullmäktiges inriktningsmål" (97); the economy chapter (407–415),
    /// "Systematiskt kvalitetsarbete" (417) and "Övrigt" (419) follow the goals.
    @Test("The VB's sections are found: the analysis, the economy chapter with its sub-sections, quality work")
    func vbSections() throws {
        let cascade = try #require(try TextSeeds.board.get().file.cascades?.first)
        let result = try TextImporter.parse(try TextSeeds.text(TextSeeds.reportName), options: TextImportOptions(knownCascade: cascade))
        #expect(result.period == .vb)
        #expect(result.sections.map(\.id) == SectionTemplate.entries(for: .vb).map(\.id))
        #expect(result.sections.map(\.line) == [13, 37, 407, 409, 411, 413, 415, 417, 419])
        #expect(try section(result, "forslag-till-beslut").text == "")
        let analysis = try section(result, "sammanfattande-analys").text
        #expect(starts(analysis, "Resursenheten är en övergripande preventiv enhet som omfattar ett tvärprofessionellt resursteam"))
        #expect(!analysis.contains("Uppföljning av Kommunfullmäktiges inriktningsmål"))
        #expect(!analysis.contains("KF:s inriktningsmål"))
        #expect(try section(result, "analys-av-resultatrakning").parentID == "uppfoljning-av-ekonomi")
        #expect(try section(result, "ekonomi-ovrigt").parentID == "uppfoljning-av-ekonomi")
        #expect(try section(result, "investeringar").text == "")
        #expect(starts(try section(result, "ovrigt").text, "Synpunkter och Klagomål"))
        let plan = try #require(result.file.plans?.first)
        #expect(plan.periods == [.vp, .vb])
        #expect(plan.sections?.allSatisfy { $0.period == .vb } == true)
        let outline = TextImportOutline.render(result)
        #expect(outline.contains("Avsnitt i VB:"))
        #expect(outline.contains("Sammanfattande analys (rad 37): Resursenheten är en övergripande"))
    }

    @Test("A new unit is placed under the department its text names, and its sections are stored")
    func newUnitUnderDepartment() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try store.importText(try TextSeeds.board.get(), name: "namnd.txt")
        let result = try TextImporter.parse(try TextSeeds.text(TextSeeds.unitName),
                                            options: try store.textImportOptions(for: try TextSeeds.unit.get(), base: TextImportOptions()))
        #expect(result.department?.name == "Förskoleavdelningen")
        #expect(TextImportOutline.render(result).contains("Avdelning: Förskoleavdelningen"))
        try store.importText(result, name: "enhet.txt")
        let organisations = try store.organisations()
        let department = try #require(organisations.first { $0.kind == .department })
        #expect(department.name == "Förskoleavdelningen")
        #expect(department.parentID == "hagersten-alvsjo")
        #expect(organisations.first { $0.id == "resursenheten" }?.parentID == department.id)
        let sections = try #require(try store.exportInterchange(SampleStore.plan).plans?.first?.sections)
        #expect(starts(sections.first { $0.id == "inledning" }?.text ?? "", "Alla kommunala förskolor"))
    }

    @Test("A department the board has under the same name is used, not made twice")
    func existingDepartmentReused() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try store.importText(try TextSeeds.board.get(), name: "namnd.txt")
        let departments = #"{"format":"vp-tui-plan","version":1,"organisations":[{"id":"ha-forskola","kind":"department","name":"Förskoleavdelningen","parent":"hagersten-alvsjo"}]}"#
        try store.importData(Data(departments.utf8), name: "avdelningar.json")
        try store.importText(try TextSeeds.unit.get(), name: "enhet.txt")
        let organisations = try store.organisations()
        #expect(organisations.filter { $0.kind == .department }.map(\.id) == ["ha-forskola"])
        #expect(organisations.first { $0.id == "resursenheten" }?.parentID == "ha-forskola")
    }

    @Test("Into a stored plan a section's text is never blanked; a different one needs --replace")
    func storedSectionsKept() throws {
        let store = try SampleStore.make()
        let before = try #require(try store.exportInterchange(SampleStore.plan).plans?.first?.sections)
        var result = try TextSeeds.unit.get()
        let edited = result.file.plans?.first?.sections?.map { record in
            var record = record
            record.text = record.id == "inledning" ? "En ny inledning." : nil
            return record
        }
        result.file.plans?[0].sections = edited
        let changes = try store.storedTextChanges(result).filter { $0.field == "text" }
        #expect(changes.map(\.id) == ["inledning"])
        #expect(throws: TextImportError.self) { try store.importText(result, name: "enhet.txt") }
        #expect(try store.exportInterchange(SampleStore.plan).plans?.first?.sections == before)
        try store.importText(result, name: "enhet.txt", replace: true)
        let after = try #require(try store.exportInterchange(SampleStore.plan).plans?.first?.sections)
        #expect(after.first { $0.id == "inledning" }?.text == "En ny inledning.")
        #expect(after.map(\.id) == before.map(\.id))
        for record in before where record.id != "inledning" {
            #expect(after.first { $0.id == record.id && $0.period == record.period }?.text == record.text)
        }
    }
}
