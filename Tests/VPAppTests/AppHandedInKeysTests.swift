import Foundation
import Testing
import PlanKit
@testable import VPApp

/// A handed-in report offers none of the keys that change it: not on the hint line, not in the
/// help, and each such key, pressed anyway, is refused with how to open the report again.
@Suite("The keys of a handed-in report")
struct AppHandedInKeysTests {
    /// The hint texts of the keys that change a report.
    static let editHints = ["Öppna", "Analys", "Bedöm", "Status", "Utfall", "Ångra", "Kopiera förra", "Ny", "Byt namn",
                            "Ta bort", "Indikator", "Datum", "Följs upp"]
    /// Help texts of keys that change a report, and of the editor's keys.
    static let editHelp = ["Skriv analysen för perioden", "Bedöm enhetsmålet", "Skriv indikatorns utfall", "Ångra eller gör om",
                           "Nytt enhetsmål under nämndmålet", "Start- och slutdatum", "Öppna: redigera texten"]
    static let editKeys: [KeyEvent] = [.enter, .character("e"), .character("1"), .character("0"), .character("b"), .character("g"),
                                       .character("a"), .character("p"), .character("s"), .character("v"), .character("u"),
                                       .control("r"), .character("K"), .character("+"), .character("r"), .delete,
                                       .character("i"), .character("T"), .character("f")]

    func hintTexts(_ driver: AppDriver) -> [String] {
        PlanKeys.table.hints(for: driver.state).hints.map(\.1)
    }

    /// Every key that would change the report is refused with the hand-in's words, and the plan stays as it was.
    func expectRefused(_ driver: AppDriver, _ store: PlanStore, _ handIn: HandIn, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = Update.fingerprint(try store.loadPlan(AppDriver.plan))
        for key in Self.editKeys {
            driver.press(.escape)
            driver.press(key)
            #expect(driver.state.modal == nil, "\(key)", sourceLocation: sourceLocation)
            #expect(driver.state.status == StatusMessage(Strings.App.handedInRefusal(handIn), isError: true), "\(key)",
                    sourceLocation: sourceLocation)
        }
        #expect(Update.fingerprint(try store.loadPlan(AppDriver.plan)) == before, sourceLocation: sourceLocation)
    }

    @Test("VB handed in: the own goal's line hints no key that changes it, the help lists none, and each is refused in Swedish")
    func followUpReport() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        try fillGaps(store, AppDriver.plan, .vb)
        let driver = try AppDriver(width: 100, height: 30, store: store)
        try driver.select(containing: "Gruppen är en tillgång")
        #expect(hintTexts(driver).contains("Bedöm") && hintTexts(driver).contains("Öppna") && hintTexts(driver).contains("Ångra"))
        driver.press(.character("?"))
        #expect(driver.text.contains("Bedöm enhetsmålet"))
        driver.press(.escape)

        driver.press(.character("L"), .character("j"), .escape)
        let handIn = try #require(driver.state.handIn)
        try driver.select(containing: "Gruppen är en tillgång")
        let hints = hintTexts(driver)
        #expect(hints.allSatisfy { !Self.editHints.contains($0) }, "\(hints)")
        #expect(hints.contains("Hjälp") && hints.contains("Saknas") && hints.contains("Avsluta"))
        // The hint line drawn: the general keys that remain, none of those that change the report.
        let hintRow = driver.text.components(separatedBy: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(hintRow.contains("? Hjälp") && !hintRow.contains("Enter Öppna") && !hintRow.contains("Ångra"), "\(hintRow)")

        driver.press(.character("?"))
        #expect(driver.text.contains("är inlämnad av anna"))
        #expect(driver.text.contains("och kan bara läsas: tangenterna som"))
        // The whole help, page by page.
        var help = driver.text
        for _ in 0..<6 {
            driver.press(.pageDown)
            help += driver.text
        }
        #expect(Self.editHelp.allSatisfy { !help.contains($0) }, "\(help)")
        #expect(help.contains("Lämna in rapporten") && help.contains("Sök i alla rubriker"))
        driver.press(.escape)

        try driver.select(containing: "Gruppen är en tillgång")
        try expectRefused(driver, store, handIn)
    }

    @Test("VP handed in: adding, renaming, deleting, indicators, dates and taking up are neither hinted nor done")
    func plan() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let driver = try AppDriver(width: 100, height: 30, period: .vp, store: store)
        try driver.select(containing: "Gruppen är en tillgång")
        #expect(["Ny", "Byt namn", "Ta bort", "Indikator"].allSatisfy(hintTexts(driver).contains), "\(hintTexts(driver))")
        driver.press(.character("L"), .character("j"), .escape)
        let handIn = try #require(driver.state.handIn)
        #expect(handIn.period == .vp)
        try driver.select(containing: "Gruppen är en tillgång")
        #expect(hintTexts(driver).allSatisfy { !Self.editHints.contains($0) }, "\(hintTexts(driver))")
        try expectRefused(driver, store, handIn)

        // Opened again, the keys come back.
        try store.reopen(AppDriver.plan, period: .vp, reason: "Fel i målet")
        let reopened = try AppDriver(width: 100, height: 30, period: .vp, store: store)
        try reopened.select(containing: "Gruppen är en tillgång")
        #expect(reopened.state.handIn == nil)
        #expect(hintTexts(reopened).contains("Ny"))
    }

    @Test("Next year's VP handed in: its carry-over list hints no Delete, and Delete is refused")
    func carryOverList() throws {
        let store = try NextYear.startedStore()
        let waiting = try #require(try store.carryOver(NextYear.ref).first(where: \.needsDecision))
        let plan = try store.loadPlan(NextYear.ref)
        for gap in Completeness.gaps(in: plan, period: .vp) {
            switch gap.kind {
            case .goalWithoutField(let field): try store.setText("Skrivet.", field: field, item: gap.itemID!, in: NextYear.ref)
            case .activityWithoutDates:
                try store.setActivityDates(start: "2022-01-01", end: "2022-12-31", activity: gap.itemID!, in: NextYear.ref)
            case .emptySection: try store.setSectionText("Skrivet.", section: gap.sectionID!, period: .vp, in: NextYear.ref)
            default: Issue.record("unexpected gap \(gap)")
            }
        }
        // The list opens by itself on the item waiting to be placed, which Delete would let go.
        let driver = try NextYear.driver(store)
        #expect(driver.state.page == .carryOver && driver.state.selectedCarryOver?.sourceID == waiting.sourceID)
        #expect(driver.text.contains("Delete Släpp"))
        driver.press(.escape, .character("L"), .character("j"), .escape)
        let handIn = try #require(driver.state.handIn)
        driver.press(.character("F"))
        #expect(driver.state.page == .carryOver && driver.state.selectedCarryOver?.sourceID == waiting.sourceID)
        #expect(!driver.text.contains("Delete Släpp") && driver.text.contains("Esc Till planen"), "\(driver.text)")
        driver.press(.delete)
        #expect(driver.state.modal == nil)
        #expect(driver.state.status == StatusMessage(Strings.App.handedInRefusal(handIn), isError: true))
    }
}
