import Foundation
import Testing
import PlanKit
import PlanKitTestSupport
@testable import VPApp

/// Fills every gap of a period as a person would (through the store), so a report can be handed in.
func fillGaps(_ store: PlanStore, _ ref: PlanRef, _ period: ReportPeriod) throws {
    let plan = try store.loadPlan(ref)
    for gap in Completeness.gaps(in: plan, period: period) {
        switch gap.kind {
        case .goalWithoutRating: try store.setRating(.partly, goal: gap.itemID!, period: period, in: ref)
        case .goalWithoutAnalysis, .deviationWithoutAnalysis:
            try store.setAnalysis("Analys i \(period.rawValue).", item: gap.itemID!, period: period, in: ref)
        case .activityWithoutStatus: try store.setStatus(.ongoing, activity: gap.itemID!, period: period, in: ref)
        case .indicatorWithoutOutcome: try store.setOutcome(12, indicator: gap.itemID!, period: period, in: ref)
        case .emptySection: try store.setSectionText("Sammanfattning.", section: gap.sectionID!, period: period, in: ref)
        default: Issue.record("unexpected gap \(gap)")
        }
    }
}

@Suite("Handing a report in from the app", .temporaryFolders)
struct AppHandInTests {
    @Test("L on an incomplete report lists what is missing, and Enter goes to the chosen gap; nothing is handed in")
    func refusedWithTheGaps() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        try store.setAnalysis("", item: "re-2021-em-01", period: .vb, in: AppDriver.plan)
        let driver = try AppDriver(width: 100, height: 30, store: store)
        let gaps = driver.state.gaps
        #expect(!gaps.isEmpty)
        driver.press(.home, .character("L"))
        guard case .year(.list(let list))? = driver.state.modal, case .gaps(let targets) = list.kind else {
            Issue.record("no list of gaps: \(String(describing: driver.state.modal))"); return
        }
        #expect(targets.count == gaps.count)
        #expect(driver.text.contains("kan inte lämnas in: \(gaps.count)"))
        // Walk down to the own goal's missing analysis and go there.
        let index = try #require(targets.firstIndex(of: .item("re-2021-em-01")))
        for _ in 0..<index { driver.press(.down) }
        driver.press(.enter)
        #expect(driver.state.modal == nil)
        #expect(driver.state.selection == .item("re-2021-em-01"))
        #expect(try store.handIn(AppDriver.plan, period: .vb) == nil)
    }

    @Test("A complete report is handed in after j (other keys leave the question open); then it is read-only, undo too")
    func handInAndReadOnly() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        try fillGaps(store, AppDriver.plan, .vb)
        let driver = try AppDriver(width: 100, height: 30, store: store)
        #expect(driver.state.gaps.isEmpty)
        driver.press(.character("L"))
        #expect(driver.state.modal == .year(.confirmHandIn(.vb)))
        #expect(driver.text.contains("Lämna in verksamhetsberättelsen för 2021? Den blir skrivskyddad. (j/n)"))
        // Neither Enter nor any other letter answers the question.
        driver.press(.enter, .character("x"), .character("y"))
        #expect(driver.state.modal == .year(.confirmHandIn(.vb)))
        #expect(try store.handIn(AppDriver.plan, period: .vb) == nil)
        driver.press(.character("j"))
        let handIn = try #require(try store.handIn(AppDriver.plan, period: .vb))
        #expect(handIn.login == "anna")
        #expect(driver.text.contains("Verksamhetsberättelsen lämnades in av anna"))

        // The banner says who handed it in and how to open it again, once the message is gone.
        driver.press(.escape)
        let text = driver.text
        #expect(text.contains("Inlämnad av anna \(Strings.App.handInTime(handIn.at)). Låst: L öppnar den igen, med ett skäl"))

        // Writing, rating, undoing: all refused, nothing changes.
        let before = try store.loadPlan(AppDriver.plan)
        try driver.select(containing: "Gruppen är en tillgång")
        driver.press(.enter)
        #expect(driver.state.modal == nil)
        driver.press(.character("e"))
        #expect(driver.state.modal == nil)
        #expect(driver.state.status?.text.contains("är inlämnad och kan inte ändras") == true)
        driver.press(.character("1"))
        driver.press(.character("u"))
        #expect(driver.state.status?.isError == true)
        #expect(driver.state.status?.text.contains("L öppnar den igen") == true)
        #expect(Update.fingerprint(try store.loadPlan(AppDriver.plan)) == Update.fingerprint(before))

        // Another period of the same plan is not read-only.
        try store.startPeriod(.t1, in: AppDriver.plan)
        let t1 = try AppDriver(width: 100, height: 30, period: .t1, store: store)
        #expect(t1.state.handIn == nil)
        #expect(!t1.text.contains("inlämnad av"))
    }

    @Test("L on a handed-in report asks why it is opened again; Esc keeps it handed in, no reason is refused, a reason opens it and is logged")
    func reopenedWithAReason() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        try fillGaps(store, AppDriver.plan, .vb)
        try store.submit(AppDriver.plan, period: .vb)
        let driver = try AppDriver(width: 100, height: 30, store: store)
        #expect(driver.state.handIn != nil)
        driver.press(.character("L"))
        #expect(driver.state.modal == .prompt(Prompt(kind: .planning(.reopenReason(.vb)), text: "")))
        #expect(driver.text.contains("Skäl att öppna verksamhetsberättelsen igen:"))
        driver.press(.escape)
        #expect(driver.state.modal == nil)
        #expect(try store.handIn(AppDriver.plan, period: .vb) != nil)

        driver.press(.character("L"), .enter)
        #expect(driver.state.status?.text == Strings.App.reopenReasonNeeded)
        #expect(try store.handIn(AppDriver.plan, period: .vb) != nil)
        for character in "Fel siffra" { driver.press(.character(character)) }
        driver.press(.enter)
        #expect(driver.state.modal == nil)
        #expect(try store.handIn(AppDriver.plan, period: .vb) == nil)
        #expect(driver.state.handIn == nil)
        #expect(driver.state.status?.text == Strings.App.reopened(.vb))
        #expect(try store.history(AppDriver.plan).last?.note == "vb: Fel siffra")
        // It takes changes again.
        try driver.select(containing: "Gruppen är en tillgång")
        driver.press(.character("1"))
        #expect(driver.state.status?.isError != true)
    }

    @Test("n leaves the report as it was")
    func answerNo() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        try fillGaps(store, AppDriver.plan, .vb)
        let driver = try AppDriver(width: 100, height: 30, store: store)
        driver.press(.character("L"), .character("n"))
        #expect(driver.state.modal == nil)
        #expect(driver.state.status?.text == Strings.App.handInCancelled)
        #expect(try store.handIn(AppDriver.plan, period: .vb) == nil)
    }

    @Test("A report handed in elsewhere turns read-only with the next look at the store")
    func handedInElsewhere() throws {
        let directory = TemporaryFolders.make("vp-handin")
        let path = directory.appendingPathComponent("p.sqlite").path
        let store = try PlanStore(path: path, login: "anna")
        try BundledSamples.load(into: store)
        try fillGaps(store, AppDriver.plan, .vb)
        let driver = try AppDriver(width: 100, height: 30, store: store)
        #expect(driver.state.handIn == nil)
        let other = try PlanStore(path: path, login: "bertil")
        try other.submit(AppDriver.plan, period: .vb)
        driver.app.tick(now: Date().addingTimeInterval(60))
        #expect(driver.state.handIn?.login == "bertil")
    }
}
