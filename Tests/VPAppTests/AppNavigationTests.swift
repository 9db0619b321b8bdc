import Foundation
import Testing
import PlanKit
import PlanKitTestSupport
@testable import VPApp

@Suite("Opening, moving, folding, finding the way", .temporaryFolders)
struct AppNavigationTests {
    @Test("With several periods the app opens on the chooser, and Enter opens the plan")
    func chooser() throws {
        let driver = try AppDriver(period: nil)
        #expect(driver.state.page == .chooser)
        #expect(driver.text.contains("Välj enhet, år och period"))
        // The year's periods in the order of the year, the first selected.
        let lines = driver.text.split(separator: "\n").map(String.init)
        let vp = try #require(lines.firstIndex { $0.contains("2021  VP  Verksamhetsplan") })
        #expect(lines[vp + 1].contains("VB  Verksamhetsberättelse"))
        #expect(driver.state.chooser.selectedChoice?.period == .vp)
        driver.press(.enter)
        #expect(driver.state.page == .plan)
        #expect(driver.text.hasPrefix(" Resursenheten · Verksamhetsplan 2021 (VP)"))
    }

    @Test("--unit, --year and --period open the plan directly, with the header and the key hints")
    func directOpen() throws {
        let driver = try AppDriver()
        let lines = driver.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].contains("Resursenheten · Verksamhetsberättelse 2021 (VB)"))
        #expect(lines[0].contains("Komplett"))
        #expect(lines.last?.contains("Enter Öppna") == true)
        #expect(lines.last?.contains("? Hjälp") == true)
        #expect(driver.text.contains("🔒 Nämndmål: Alla barn i förskolan utvecklar"))
        #expect(driver.text.contains("● Helt"))
        #expect(driver.text.contains("✓ Genomförd"))
        #expect(driver.text.contains("Avvikelse"))
    }

    @Test("A plan named on the command line opens without the list of plans; t reads and lists every plan")
    func chooserAfterDirectOpen() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let app = try AppController(store: store, width: 100, height: 30,
                                    options: AppController.Options(unit: "Resursenheten", year: 2021, period: .vp))
        #expect(app.state.page == .plan)
        #expect(app.state.period == .vp)
        #expect(app.state.choices.isEmpty)
        _ = app.render()
        app.finishStartup()
        // The list is read when it is shown: a district has thousands of plans.
        #expect(app.state.choices.isEmpty)
        app.send(.character("t"))
        #expect(app.state.page == .chooser)
        #expect(app.state.choices.count == 2)
        #expect(app.state.chooser.selectedChoice == PlanChoice(unitID: "resursenheten", unitName: "Resursenheten",
                                                               year: 2021, period: .vp))
        #expect(app.render().text.contains("VB  Verksamhetsberättelse"))
        // Another period of the same plan: the plan stays open, listed once among the sessions.
        app.send(.down)
        #expect(app.state.chooser.selectedChoice?.period == .vb)
        app.send(.enter)
        #expect(app.state.page == .plan)
        #expect(app.state.period == .vb)
        #expect(app.render().text.hasPrefix(" Resursenheten · Verksamhetsberättelse 2021 (VB)"))
        #expect(try store.otherSessions(in: AppDriver.plan, excluding: nil).count == 1)
    }

    @Test("t lists a plan another session added since the list was last shown")
    func chooserSeesPlansAddedElsewhere() throws {
        let directory = TemporaryFolders.make("vp-tui-chooser")
        let path = directory.appendingPathComponent("plan.sqlite").path
        let store = try PlanStore(path: path, login: "anna")
        try BundledSamples.load(into: store)
        let driver = try AppDriver(store: store)
        driver.press(.character("t"))
        #expect(driver.state.choices.count == 2)
        driver.press(.escape)

        // Another session adds a unit with a plan of its own.
        let other = try PlanStore(path: path, login: "bertil")
        let json = """
            {"format": "\(InterchangeFile.formatName)", "version": \(InterchangeFile.currentVersion),
             "organisations": [{"id": "nyenheten", "kind": "unit", "name": "Nya enheten", "parent": "hagersten-alvsjo"}],
             "plans": [{"unit": "nyenheten", "year": 2021, "board": "hagersten-alvsjo", "periods": ["vp"], "inherits": []}]}
            """
        try other.importData(Data(json.utf8), name: "ny.json")

        driver.press(.character("t"))
        #expect(driver.state.page == .chooser)
        #expect(driver.state.choices.count == 3)
        let lines = driver.text.split(separator: "\n").map(String.init)
        let unit = try #require(lines.firstIndex { $0.contains("Nya enheten") })
        #expect(lines[unit + 1].contains("2021  VP  Verksamhetsplan"))
    }

    @Test("A unit, year or period on the command line that has no plan is refused with the reason")
    func directOpenRefusals() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        func open(_ unit: String, _ year: Int, _ period: ReportPeriod?) throws {
            _ = try AppController(store: store, width: 100, height: 30,
                                  options: AppController.Options(unit: unit, year: year, period: period))
        }
        #expect(throws: PlanError.unknownUnit("Ingenstans")) { try open("Ingenstans", 2021, .vb) }
        #expect(throws: PlanError.noPlan(unit: "Resursenheten", year: 2019)) { try open("resursenheten", 2019, .vb) }
        #expect(throws: PlanError.periodNotInPlan(.t1)) { try open("Resursenheten", 2021, .t1) }
    }

    @Test("Arrows and j/k move; the detail pane follows the selection")
    func moving() throws {
        let driver = try AppDriver()
        let first = driver.state.selection
        driver.press(.down, .character("j"))
        #expect(driver.state.selection != first)
        driver.press(.up, .character("k"))
        #expect(driver.state.selection == first)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        #expect(driver.state.selection == .item("re-2021-em-01"))
        #expect(driver.text.contains("Teamet inom enheten har under året skapat flertalet filmatiserade"))
        #expect(driver.text.contains("Analys (VB)"))
        driver.press(.end)
        #expect(driver.state.selection == driver.state.rows.last?.target)
        driver.press(.home)
        #expect(driver.state.selection == driver.state.rows.first?.target)
    }

    @Test("Left folds and goes to the parent, right unfolds, space toggles")
    func folding() throws {
        let driver = try AppDriver()
        try driver.select(containing: "KF 1 En modern storstad")
        let before = driver.state.rows.count
        driver.press(.left)
        #expect(driver.state.rows.count < before)
        #expect(driver.text.contains("▸ 🔒 KF 1 En modern storstad"))
        #expect(!driver.text.contains("Nämndmål: Alla barn i förskolan utvecklar"))
        driver.press(.right)
        #expect(driver.state.rows.count == before)
        driver.press(.character(" "))
        #expect(driver.state.rows.count < before)
        driver.press(.character(" "))
        try driver.select(containing: "Enhetsmål: Gruppen")
        driver.press(.left)
        #expect(driver.state.selection == .item("ha-2021-nm-03"))
    }

    @Test("/ searches all titles and texts; . and , step through the matches, unfolding as needed")
    func search() throws {
        let driver = try AppDriver()
        try driver.select(containing: "KF 3 En ekonomiskt")
        driver.press(.left)
        driver.press(.home, .character("/"))
        driver.type("Resursenhetens budget")
        #expect(driver.text.contains("Sök: Resursenhetens budget"))
        driver.press(.enter)
        #expect(driver.state.selection == .item("re-2021-em-04"))
        #expect(driver.text.contains("Träff 1 av 1"))
        driver.press(.character("/"))
        driver.type("pandemin")
        driver.press(.enter)
        let first = driver.state.selection
        driver.press(.character("."))
        #expect(driver.state.selection != first)
        driver.press(.character(","))
        #expect(driver.state.selection == first)
        driver.press(.character("/"))
        driver.type("xyzzy")
        driver.press(.enter)
        #expect(driver.text.contains("Ingen träff för \"xyzzy\""))
    }

    @Test("Search ignores case, also of Å, Ä and Ö, and finds what was just saved")
    func searchCaseAndSavedText() throws {
        let driver = try AppDriver()
        driver.press(.character("/"))
        driver.type("RESURSENHETENS BUDGET")
        driver.press(.enter)
        #expect(driver.state.selection == .item("re-2021-em-04"))
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("e"))
        driver.type(" Blåbärsskogen växer.")
        driver.press(.control("s"))
        driver.press(.home, .character("/"))
        driver.type("BLÅBÄRSSKOGEN VÄX")
        driver.press(.enter)
        #expect(driver.text.contains("Träff 1 av 1"))
        #expect(driver.state.selection == .item("re-2021-em-01"))
    }

    @Test("The search index finds the same lines as Foundation's case-insensitive search, for words and phrases of the plan")
    func searchIndexAgreesWithFoundation() throws {
        let plan = try AppDriver().state.plan!
        for period in plan.periods {
            let index = SearchIndex(plan: plan, period: period)
            var lines: [(OutlineTarget, [String])] = []
            for row in Outline.rows(plan: plan, period: period, folded: []) {
                switch row.target {
                case .item(let id):
                    let item = plan.items[id]!
                    lines.append((row.target, TextField.allCases.map { item.text($0, in: period) } + [plan.followUp(id, period).analysis]))
                case .section(let id):
                    let section = plan.section(id, in: period)!
                    lines.append((row.target, [section.title, section.text]))
                }
            }
            let words = lines.flatMap { $0.1 }.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
            var random = SplitMix64(seed: 11)
            var queries = ["å", "Ä", "ö", "Ö", "förskola", "KF", "1.", "%"]
            for _ in 0..<150 {
                let start = random.int(0...(words.count - 2))
                let query = random.chance(0.5) ? words[start] : words[start] + " " + words[start + 1]
                queries.append(random.chance(0.5) ? query.uppercased() : query)
            }
            for query in queries {
                let expected = lines.filter { _, texts in
                    texts.contains { $0.range(of: query, options: .caseInsensitive) != nil }
                }.map(\.0)
                #expect(index.matches(query) == expected, "\(query) in \(period)")
            }
        }
    }

    @Test("The search's fast lower-casing gives what lowercased() gives, for every character and for mixed texts")
    func foldedIsLowercased() throws {
        var texts: [String] = []
        for value in UInt32(0)...0x3000 {
            if let scalar = Unicode.Scalar(value) { texts.append("Ab" + String(Character(scalar)) + "ÅÄÖ") }
        }
        texts += ["ÅSA ÖBERG–ÄNGBY “Citat” … •", "Łódź ÅÄÖ", "ΣΟΦΙΑ", "ПЛАН", "ẞ", "Ｆｕｌｌ", "😀 ÅÄÖ", "×÷ß", ""]
        for text in texts {
            #expect(SearchIndex.folded(text) == Array(text.lowercased().utf8), "\(text)")
        }
    }

    @Test("n jumps to what is still missing, and says what")
    func nextMissing() throws {
        #expect(try AppDriver().press(.character("n")).isEmpty)
        #expect(try { let driver = try AppDriver(); driver.press(.character("n")); return driver.text }().contains("Inget saknas"))
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        try store.setRating(nil, goal: "re-2021-em-03", period: .vb, in: AppDriver.plan)
        try store.setStatus(nil, activity: "ha-2021-nm-12-a02", period: .vb, in: AppDriver.plan)
        let driver = try AppDriver(store: store)
        #expect(driver.text.contains("2 punkter saknar något"))
        driver.press(.home, .character("n"))
        #expect(driver.state.selection == .item("ha-2021-nm-12-a02"))
        #expect(driver.text.contains("Aktiviteten saknar status (2 punkter saknar något)"))
        #expect(driver.text.contains("! "))
        driver.press(.character("n"))
        #expect(driver.state.selection == .item("re-2021-em-03"))
        #expect(driver.text.contains("Målet saknar bedömning"))
        driver.press(.character("N"))
        #expect(driver.state.selection == .item("ha-2021-nm-12-a02"))
    }

    /// A plan with gaps of several kinds, some lines lacking two things.
    static func storeWithGaps() throws -> PlanStore {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        try store.setRating(nil, goal: "re-2021-em-03", period: .vb, in: AppDriver.plan)
        try store.setAnalysis("", item: "re-2021-em-03", period: .vb, in: AppDriver.plan)
        try store.setStatus(nil, activity: "ha-2021-nm-12-a02", period: .vb, in: AppDriver.plan)
        try store.setRating(nil, goal: "re-2021-em-01", period: .vb, in: AppDriver.plan)
        return store
    }

    @Test("o shows per goal area how many lines lack nothing, with the counts the header and n agree with")
    func overview() throws {
        let store = try Self.storeWithGaps()
        let driver = try AppDriver(store: store)
        let plan = try driver.plan
        let gaps = Completeness.gaps(in: plan, period: .vb)
        let linesMissing = Set(gaps.map { $0.itemID ?? "§" + ($0.sectionID ?? "") })
        #expect(gaps.count == 4 && linesMissing.count == 3)
        #expect(driver.text.contains("3 punkter saknar något"))
        // n visits each line that lacks something once, then starts over.
        var visited: [OutlineTarget] = []
        driver.press(.home)
        for _ in 0..<10 {
            driver.press(.character("n"))
            guard let selection = driver.state.selection, !visited.contains(selection) else { break }
            visited.append(selection)
        }
        #expect(visited.count == 3)
        driver.press(.character("o"))
        #expect(driver.text.contains("Översikt: vad som saknas"))
        // The lines of each area the report asks something of, counted here from the plan.
        for root in plan.roots where plan.isShown(root.id, in: .vb) {
            var asked = 0, missing = 0
            var pending = [root.id]
            while let id = pending.popLast() {
                let item = try #require(plan.items[id])
                if Completeness.asksSomething(of: item, in: plan, period: .vb) {
                    asked += 1
                    if linesMissing.contains(id) { missing += 1 }
                }
                pending += plan.children(of: id, in: .vb).map(\.id)
            }
            let line = try #require(driver.text.split(separator: "\n").first { $0.contains("KF \(root.number ?? "")") })
            #expect(line.hasSuffix("\(asked - missing) av \(asked) klara"), "\(line)")
        }
        let total = try #require(driver.text.split(separator: "\n").first { $0.contains("Totalt") })
        let numbers = total.split(separator: " ").compactMap { Int($0) }
        #expect(numbers.count == 2 && numbers[1] - numbers[0] == 3, "\(total)")
        driver.press(.escape)
        #expect(driver.state.page == .plan)
    }

    @Test("In the overview Enter goes to the selected area")
    func overviewEnterGoesToTheArea() throws {
        let driver = try AppDriver()
        try driver.select(containing: "KF 3 En ekonomiskt")
        try driver.select(containing: "Enhetsmål: Resursenhetens budget")
        let plan = try driver.plan
        let area = try #require(plan.roots.first { $0.number == "3" })
        driver.press(.character("o"))
        #expect(driver.screen.selectedRowText?.contains("KF 3 En ekonomiskt") == true)
        driver.press(.up)
        #expect(driver.screen.selectedRowText?.contains("KF 2") == true)
        driver.press(.enter)
        #expect(driver.state.page == .plan)
        #expect(driver.state.selection == .item(try #require(plan.roots.first { $0.number == "2" }).id))
        driver.press(.character("o"), .down, .enter)
        #expect(driver.state.selection == .item(area.id))
    }

    @Test("? shows every key; Esc goes back")
    func help() throws {
        let driver = try AppDriver()
        driver.press(.character("?"))
        #expect(driver.text.contains("Hjälp – alla tangenter"))
        #expect(driver.text.contains("Bedöm enhetsmålet: helt, delvis, inte, ingen bedömning"))
        // The last key is on the last page, which Page Down reaches and does not pass.
        #expect(!driver.text.contains("Avsluta (allt är redan sparat)"))
        driver.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(driver.text.contains("Avsluta (allt är redan sparat)"))
        driver.press(.escape)
        #expect(driver.state.page == .plan)
    }

    @Test("At 80×24 everything fits; too small a window says so instead of drawing garbage")
    func sizes() throws {
        let driver = try AppDriver(width: 80, height: 24)
        let lines = driver.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(lines[0].contains("Resursenheten"))
        #expect(lines[23].contains("Enter Öppna"))
        driver.press(.resize(width: 50, height: 12))
        #expect(driver.text.contains("Fönstret är för litet."))
        #expect(driver.text.contains("Nu 50×12, behöver minst 60×16."))
        #expect(!driver.text.contains("Nämndmål"))
        // Keys typed while the window is too small are still handled.
        let before = driver.state.selection
        driver.press(.character("j"))
        #expect(driver.state.selection != before)
        driver.press(.resize(width: 140, height: 40))
        #expect(driver.text.contains("Nämndmål"))
        // Wide: the detail pane stands beside the outline.
        #expect(driver.text.split(separator: "\n")[2].contains("│"))
        let quit = driver.press(.resize(width: 40, height: 10), .character("q"))
        #expect(quit == [.quit])
    }

    @Test("The key hints: every line's keys in the same place, the selected line's keys after them; narrow, the general ones give way")
    func keyHints() throws {
        let general = "↑↓ Flytta  Enter Öppna  / Sök  n Saknas  u Ångra  ? Hjälp  q Avsluta"
        let driver = try AppDriver(width: 100, height: 30)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        let goal = driver.screen.text(ofRow: 29)
        #expect(goal.hasPrefix(general + "  e Analys  1/2/3/0 Bedöm"))
        try driver.select(containing: "Aktivitet: Resursenheten ska mäta")
        let activity = driver.screen.text(ofRow: 29)
        #expect(activity.hasPrefix(general + "  e Analys  g/a/p Status"))

        let narrow = try AppDriver(width: 60, height: 20)
        try narrow.select(containing: "Enhetsmål: Gruppen är en tillgång")
        let line = narrow.screen.text(ofRow: 19).trimmingCharacters(in: .whitespaces)
        #expect(line == "Enter Öppna  ? Hjälp  q Avsluta  e Analys  1/2/3/0 Bedöm")
    }

    @Test("Opened before the terminal is known and then attached to it, the app shows what it shows opened on that terminal", arguments: [
        (120, 40, true), (80, 24, false), (100, 30, true),
    ])
    func attachedLater(width: Int, height: Int, unicode: Bool) throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let options = AppController.Options(unit: "Resursenheten", year: 2021, period: .vb)
        let direct = try AppController(store: store, width: width, height: height, unicode: unicode, colors: true, options: options)
        let attached = try AppController(store: store, width: Layout.minWidth, height: Layout.minHeight, options: options)
        attached.attach(width: width, height: height, unicode: unicode, colors: true)
        #expect(attached.render().text == direct.render().text)
        // Styles too; compared apart, so that a failure prints two texts, not two grids of cells.
        let sameCells = attached.render() == direct.render()
        #expect(sameCells)
        #expect(attached.state.scrollTop == direct.state.scrollTop)
    }

    @Test("Without UTF-8 the marks fall back to ASCII")
    func asciiMarks() throws {
        let driver = try AppDriver(unicode: false)
        #expect(!driver.text.contains("🔒"))
        #expect(!driver.text.contains("▾"))
        #expect(driver.text.contains("[x] Genomförd"))
        #expect(driver.text.contains("# Nämndmål"))
    }

    @Test("select(containing:) fails when no line matches, instead of going on with another line")
    func selectFailsWhenNothingMatches() throws {
        let driver = try AppDriver()
        #expect(throws: AppDriver.NoSuchLine.self) { try driver.select(containing: "Ingen rad heter så") }
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        #expect(driver.state.selectedItem?.id == "re-2021-em-01")
    }

    @Test("Text typed into the editor while the window is too small is kept")
    func typingWhileTooSmall() throws {
        let driver = try AppDriver(width: 80, height: 24)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("e"))
        driver.press(.resize(width: 40, height: 10))
        #expect(driver.text.contains("Fönstret är för litet."))
        driver.type(" Skrivet i ett litet fönster.")
        driver.press(.resize(width: 80, height: 24))
        guard case .editor(let session)? = driver.state.modal else { Issue.record("the editor should still be open"); return }
        #expect(session.editor.text.hasSuffix(" Skrivet i ett litet fönster."))
    }
}
