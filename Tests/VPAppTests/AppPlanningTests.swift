import Testing
import PlanKit
@testable import VPApp

@Suite("Planning the VP from the keyboard: own indicators, dates, the board's items, own sections")
struct AppPlanningTests {
    static let ownGoal = "Enhetsmål: Gruppen är en tillgång"
    static let ownActivity = "Aktivitet: Resursenheten ska mäta antalet besökare"
    static let boardActivity = "Aktivitet: Förvaltningens introduktionsförskola ska arbeta uppsökande"

    @Test("i on an own enhetsmål asks name, kind, target, unit, periodicity and direction, then adds the indicator")
    func newIndicator() throws {
        let driver = try AppDriver(period: .vp)
        try driver.select(containing: Self.ownGoal)
        #expect(driver.text.contains("i Indikator"))
        driver.press(.character("i"))
        #expect(driver.text.contains("Ny indikator, namn:"))
        driver.type("Nöjda vårdnadshavare")
        driver.press(.enter)
        #expect(driver.text.contains("Typ av årsmål"))
        driver.press(.enter)                       // Tal
        #expect(driver.text.contains("Årsmål (tal):"))
        driver.type("många")
        driver.press(.enter)
        #expect(driver.text.contains("\"många\" är inget tal"))
        #expect(try driver.plan.children(of: "re-2021-em-01").allSatisfy { $0.kind != .indicator || $0.author != .unit })
        driver.press(.control("u"))
        driver.type("85 %")
        driver.press(.enter)
        // The unit is taken from the target.
        guard case .prompt(let unitPrompt)? = driver.state.modal else { Issue.record("the unit is asked"); return }
        #expect(unitPrompt.text == "%")
        driver.press(.enter)
        #expect(driver.text.contains("Halvår"))
        driver.press(.up, .enter)                  // from År up to Halvår
        #expect(driver.text.contains("Lägre är bättre"))
        driver.press(.enter)                       // Högre är bättre
        #expect(driver.state.modal == nil)
        let added = try #require(try driver.plan.children(of: "re-2021-em-01").first { $0.title == "Nöjda vårdnadshavare" })
        #expect(added.author == .unit && added.kind == .indicator)
        #expect(added.indicator?.parsedTarget == .number(85, unit: "%"))
        #expect(added.indicator?.measureUnit == "%" && added.indicator?.periodicity == .halfYear)
        #expect(added.indicator?.direction == .higherIsBetter)
        #expect(driver.selectedLine?.contains("Indikator: Nöjda vårdnadshavare") == true)
    }

    @Test("Esc at any step of a new indicator creates nothing")
    func escapeCreatesNothing() throws {
        let driver = try AppDriver(period: .vp)
        let before = try driver.plan.items.count
        let logged = try driver.store.history(AppDriver.plan).count
        for steps in 1...5 {
            try driver.select(containing: Self.ownGoal)
            driver.press(.character("i"))
            driver.type("Nöjda vårdnadshavare")
            let answers: [KeyEvent] = [.enter, .enter, .character("9"), .enter, .enter]
            for key in answers.prefix(steps) { driver.press(key) }
            #expect(driver.state.modal != nil, "step \(steps)")
            driver.press(.escape)
            #expect(driver.state.modal == nil)
        }
        #expect(try driver.plan.items.count == before)
        #expect(try driver.store.history(AppDriver.plan).count == logged)
    }

    @Test("i on an own indicator changes its target; a direction takes its way from öka/minska; Esc changes nothing")
    func changeTarget() throws {
        let driver = try AppDriver(period: .vp)
        let id = try driver.store.addIndicator(name: "Sjukfrånvaro", under: "re-2021-em-01", target: "6 %", targetKind: .number,
                                               measureUnit: "%", periodicity: .year, direction: .lowerIsBetter, in: AppDriver.plan)
        driver.press(.control("r"))                // nothing to redo: only to let the app read the plan again
        try driver.select(containing: Self.ownGoal)
        driver.press(.right)
        try driver.select(containing: "Indikator: Sjukfrånvaro")
        driver.press(.character("i"), .down, .enter)   // Riktning
        driver.press(.control("u"))
        driver.type("12")
        driver.press(.enter)
        #expect(driver.text.contains("\"12\" är ingen riktning"))
        driver.press(.escape)
        #expect(driver.state.modal == nil)
        #expect(try driver.plan.items[id]?.indicator?.target == "6 %")

        driver.press(.character("i"), .down, .enter)
        driver.press(.control("u"))
        driver.type("minska")
        driver.press(.enter, .enter, .enter)       // unit kept, periodicity År kept
        #expect(driver.state.modal == nil)
        let spec = try #require(try driver.plan.items[id]?.indicator)
        #expect(spec.parsedTarget == .direction(.lowerIsBetter) && spec.direction == .lowerIsBetter)
        driver.press(.character("u"))
        #expect(try driver.plan.items[id]?.indicator?.target == "6 %")
    }

    @Test("T asks an own activity's dates, prefilled; 2021-02-30, an end before the start and another year are refused")
    func dates() throws {
        let driver = try AppDriver(period: .vp)
        try driver.select(containing: Self.ownActivity)
        #expect(driver.text.contains("T Datum"))
        driver.press(.character("T"))
        guard case .prompt(let start)? = driver.state.modal else { Issue.record("the start date is asked"); return }
        #expect(start.text == "2021-01-01")
        #expect(driver.text.contains("Startdatum (ÅÅÅÅ-MM-DD): 2021-01-01"))
        driver.press(.control("u"))
        driver.type("2021-02-30")
        driver.press(.enter)
        #expect(driver.text.contains("\"2021-02-30\" är inget datum"))
        driver.press(.control("u"))
        driver.type("2021-03-01")
        driver.press(.enter)
        #expect(driver.text.contains("Slutdatum (ÅÅÅÅ-MM-DD): 2021-12-31"))
        driver.press(.control("u"))
        driver.type("2021-02-01")
        driver.press(.enter)
        #expect(driver.text.contains("före startdatum"))
        driver.press(.control("u"))
        driver.type("2020-02-01")
        driver.press(.enter)
        #expect(driver.text.contains("före startdatum"))
        driver.press(.escape)
        var item = try #require(try driver.plan.items["re-2021-em-02-a01"])
        #expect(item.start == "2021-01-01" && item.end == "2021-12-31")

        driver.press(.character("T"))
        driver.press(.control("u"))
        driver.type("2022-01-10")
        driver.press(.enter, .control("u"))
        driver.type("2022-03-01")
        driver.press(.enter)
        #expect(driver.text.contains("pågår inte under 2021"))
        driver.press(.control("u"))
        driver.press(.escape)
        driver.press(.character("T"), .control("u"))
        driver.type("2021-03-01")
        driver.press(.enter, .control("u"))
        driver.type("2021-06-30")
        driver.press(.enter)
        item = try #require(try driver.plan.items["re-2021-em-02-a01"])
        #expect(item.start == "2021-03-01" && item.end == "2021-06-30")
        #expect(driver.text.contains("2021-03-01 – 2021-06-30"))
    }

    @Test("f declines one of the board's activities in the VP: marked in the outline, gone from the VB; f takes it up again")
    func declineBoardActivity() throws {
        let driver = try AppDriver(period: .vp)
        try driver.select(containing: Self.boardActivity)
        #expect(driver.text.contains("f Följs upp"))
        driver.press(.character("f"))
        #expect(try driver.plan.notFollowedUp.contains("ha-2021-nm-03-a04"))
        #expect(driver.selectedLine?.contains("följs ej upp") == true)
        #expect(driver.text.contains("Följs inte upp av enheten"))
        let vb = try AppDriver(store: driver.store)
        #expect(throws: AppDriver.NoSuchLine.self) { try vb.select(containing: Self.boardActivity) }
        driver.press(.character("f"))
        #expect(try !driver.plan.notFollowedUp.contains("ha-2021-nm-03-a04"))
        #expect(driver.selectedLine?.contains("följs ej upp") == false)

        try driver.select(containing: Self.ownActivity)
        driver.press(.character("f"))
        #expect(driver.text.contains("Välj en av nämndens eller KF:s aktiviteter eller indikatorer"))
        let vbAgain = try AppDriver(store: driver.store)
        try vbAgain.select(containing: Self.boardActivity)
        vbAgain.press(.character("f"))
        #expect(vbAgain.text.contains("väljs i verksamhetsplanen"))
    }

    @Test("+ on a section adds an own section, Enter writes its text, r renames it, Delete removes it and u brings it back")
    func ownSection() throws {
        let driver = try AppDriver()
        try driver.select(containing: "§ Systematiskt kvalitetsarbete")
        driver.press(.character("r"))
        #expect(driver.text.contains("Mallens avsnitt behåller sin rubrik"))
        driver.press(.character("+"))
        #expect(driver.text.contains("Nytt eget avsnitt, rubrik:"))
        driver.press(.enter)
        #expect(driver.text.contains("Skriv en rubrik"))
        driver.type("Samverkan med skolan")
        driver.press(.enter)
        let id = try #require(try driver.plan.sections(in: .vb).last { $0.isOwn }?.id)
        #expect(driver.selectedLine?.contains("§ Samverkan med skolan") == true)
        driver.press(.enter)
        driver.type("Två synpunkter kom in.")
        driver.press(.escape)
        #expect(try driver.plan.section(id, in: .vb)?.text == "Två synpunkter kom in.")
        driver.press(.character("r"), .control("u"))
        driver.type("Klagomål")
        driver.press(.enter)
        #expect(try driver.plan.section(id, in: .vb)?.title == "Klagomål")
        #expect(driver.selectedLine?.contains("§ Klagomål") == true)
        driver.press(.delete)
        #expect(try driver.plan.section(id, in: .vb) == nil)
        #expect(driver.text.contains("Avsnittet \"Klagomål\" togs bort; u ångrar"))
        driver.press(.character("u"))
        #expect(try driver.plan.section(id, in: .vb)?.text == "Två synpunkter kom in.")
        #expect(driver.text.contains("§ Klagomål"))
    }
}
