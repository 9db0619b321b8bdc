import Foundation
import Testing
@testable import PlanTextImport
import PlanKit

/// Sub-headings of a unit's document: where the period's template has the sub-section, the text
/// under the sub-heading goes into it, also when the heading is written otherwise or in another order.
@Suite("import-text of a unit's document: sub-headings into the template's sub-sections")
struct TextImportSubSectionTests {
    /// The VB seed's economy chapter (lines 407–415, empty headings) replaced by one with text under
    /// each sub-heading, in another order, one heading with an en dash, one with a colon and a number.
    static let economy = """
        Uppföljning av ekonomi

        Enheten redovisar ett överskott.

        Investeringar

        Inga investeringar har gjorts.

        Analys av resultaträkning – uppföljning av driftbudget

        Intäkterna blev högre än budgeterat.

        3.3 Medel för lokaländamål:

        Inga medel söktes.

        Övrigt

        Inget övrigt om ekonomin.
        """

    private func report() throws -> TextImportResult {
        let seed = try TextSeeds.text(TextSeeds.reportName)
        var lines = seed.components(separatedBy: "\n")
        #expect(lines[406] == "Uppföljning av ekonomi" && lines[414] == "Övrigt")
        lines.replaceSubrange(406...414, with: Self.economy.components(separatedBy: "\n"))
        let cascade = try #require(try TextSeeds.board.get().file.cascades?.first)
        return try TextImporter.parse(lines.joined(separator: "\n"), options: TextImportOptions(knownCascade: cascade))
    }

    @Test("Each sub-heading's text is in its sub-section, the parent keeps only its own")
    func subSections() throws {
        let result = try report()
        let texts = Dictionary(uniqueKeysWithValues: result.sections.map { ($0.id, $0.text) })
        #expect(result.sections.count == 9)
        #expect(texts["uppfoljning-av-ekonomi"] == "Enheten redovisar ett överskott.")
        #expect(texts["investeringar"] == "Inga investeringar har gjorts.")
        #expect(texts["analys-av-resultatrakning"] == "Intäkterna blev högre än budgeterat.")
        #expect(texts["medel-for-lokalandamal"] == "Inga medel söktes.")
        #expect(texts["ekonomi-ovrigt"] == "Inget övrigt om ekonomin.")
        #expect(texts["systematiskt-kvalitetsarbete"] == "")
        #expect(TextSeeds.normalised(texts["ovrigt"]).hasPrefix("Synpunkter och Klagomål"))
        // Lines of the headings: 407, 411, 415, 419, 423; the new chapter is 10 lines longer than the
        // seed's, so Systematiskt kvalitetsarbete and Övrigt are on 427 and 429 (417 and 419 in the seed).
        let lines = Dictionary(uniqueKeysWithValues: result.sections.map { ($0.id, $0.line) })
        #expect([lines["uppfoljning-av-ekonomi"], lines["investeringar"], lines["analys-av-resultatrakning"],
                 lines["medel-for-lokalandamal"], lines["ekonomi-ovrigt"], lines["systematiskt-kvalitetsarbete"], lines["ovrigt"]]
                == [407, 411, 415, 419, 423, 427, 429])
        let plan = try #require(result.file.plans?.first)
        let records = Dictionary(uniqueKeysWithValues: (plan.sections ?? []).map { ($0.id, $0) })
        #expect(records["investeringar"]?.parent == "uppfoljning-av-ekonomi")
        #expect(records["investeringar"]?.text == "Inga investeringar har gjorts.")
    }

    @Test("A new plan stores the sub-sections' texts apart from the parent's")
    func storedApart() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try store.importText(try TextSeeds.board.get(), name: "namnd.txt")
        try store.importText(try report(), name: "vb.txt")
        let sections = try #require(try store.exportInterchange(PlanRef(unitID: "resursenheten", year: 2021)).plans?.first?.sections)
        let vb = Dictionary(uniqueKeysWithValues: sections.filter { $0.period == .vb }.map { ($0.id, $0.text) })
        #expect(vb["uppfoljning-av-ekonomi"] == "Enheten redovisar ett överskott.")
        #expect(vb["medel-for-lokalandamal"] == "Inga medel söktes.")
    }
}
