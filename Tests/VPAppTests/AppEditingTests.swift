import Testing
import PlanKit
@testable import VPApp

@Suite("Editing from the keyboard, saved at once through PlanKit", .temporaryFolders)
struct AppEditingTests {
    @Test("1/2/3/0 rate the selected enhetsmål and say Sparat")
    func ratingKeys() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Enhetsmål: Resursenheten gör medvetna val")
        driver.press(.character("2"))
        #expect(try driver.plan.followUp("re-2021-em-03", .vb).rating == .partly)
        #expect(driver.text.contains("Sparat: Uppfylls delvis"))
        #expect(driver.screen.selectedRowText?.contains("● Delvis") == true)
        driver.press(.character("3"))
        #expect(try driver.plan.followUp("re-2021-em-03", .vb).rating == .not)
        driver.press(.character("0"))
        #expect(try driver.plan.followUp("re-2021-em-03", .vb).rating == nil)
        #expect(driver.text.contains("1 punkt saknar något"))
        driver.press(.character("1"))
        #expect(try driver.plan.followUp("re-2021-em-03", .vb).rating == .fully)
    }

    @Test("The rating picker offers all four choices")
    func ratingPicker() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Enhetsmål: Resursenhetens budget")
        driver.press(.character("b"))
        #expect(driver.text.contains("Uppfylls delvis"))
        #expect(driver.text.contains("Ingen bedömning"))
        driver.press(.down, .enter)
        #expect(try driver.plan.followUp("re-2021-em-04", .vb).rating == .partly)
    }

    @Test("Inherited goals are not rated by the unit, and their texts are read-only")
    func inheritedIsReadOnly() throws {
        let driver = try AppDriver(period: .vp)
        try driver.select(containing: "Nämndmål: Alla barn i förskolan utvecklar")
        #expect(driver.text.contains("🔒 ärvt från nämnden"))
        driver.press(.enter)
        #expect(driver.state.modal == nil)
        #expect(driver.text.contains("Texten är ärvd och kan inte ändras här"))
        driver.press(.character("r"))
        #expect(driver.state.modal == nil)
        let vb = try AppDriver()
        try vb.select(containing: "Nämndmål: Alla barn i förskolan utvecklar")
        vb.press(.character("1"))
        #expect(vb.text.contains("Bara enhetsmål bedöms i enhetens rapport."))
        #expect(try vb.plan.followUp("ha-2021-nm-03", .vb).rating == nil)
    }

    @Test("e writes the analysis with å, ä and ö; Esc keeps the text and saves it")
    func analysisEditor() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Nämndmål: Invånarna i Hägersten-Älvsjö har tillgång")
        driver.press(.character("e"))
        #expect(driver.text.contains("Analys – Invånarna i Hägersten-Älvsjö"))
        #expect(driver.text.contains("Esc/Ctrl-S Spara och stäng"))
        driver.type("Kulturpengen räckte långt; även de äldre fick möta körsång.")
        #expect(driver.text.contains("Kulturpengen räckte långt; även de äldre fick möta körsång."))
        driver.press(.escape)
        #expect(driver.state.modal == nil)
        #expect(driver.text.contains("Sparat"))
        #expect(try driver.plan.followUp("ha-2021-nm-10", .vb).analysis == "Kulturpengen räckte långt; även de äldre fick möta körsång.")
    }

    @Test("g, a and p set an activity's status; a goes straight to its analysis")
    func activityStatus() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Aktivitet: Förvaltningen ska genom regelbunden uppföljning")
        driver.press(.character("g"))
        #expect(try driver.plan.followUp("ha-2021-nm-12-a02", .vb).status == .done)
        #expect(driver.screen.selectedRowText?.contains("✓ Genomförd") == true)
        driver.press(.character("p"))
        #expect(try driver.plan.followUp("ha-2021-nm-12-a02", .vb).status == .ongoing)
        driver.press(.character("a"))
        #expect(try driver.plan.followUp("ha-2021-nm-12-a02", .vb).status == .deviation)
        guard case .editor(let session)? = driver.state.modal else {
            Issue.record("Avvikelse should open the analysis editor")
            return
        }
        #expect(session.field == .analysis(item: "ha-2021-nm-12-a02", period: .vb))
        driver.type("Inköpen ändrades först i höstas.")
        driver.press(.control("s"))
        #expect(try driver.plan.followUp("ha-2021-nm-12-a02", .vb).analysis == "Inköpen ändrades först i höstas.")
        driver.press(.character("s"), .up, .up, .enter)
        #expect(try driver.plan.followUp("ha-2021-nm-12-a02", .vb).status == .ongoing)
    }

    @Test("Status keys on a goal say what they are for")
    func statusOnGoal() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Enhetsmål: Gruppen")
        driver.press(.character("g"))
        #expect(driver.text.contains("Status gäller aktiviteter"))
    }

    @Test("Sections are edited with Enter")
    func sectionText() throws {
        let driver = try AppDriver()
        try driver.select(containing: "§ Investeringar")
        driver.press(.enter)
        driver.type("Inga investeringar 2021.")
        driver.press(.escape)
        #expect(try driver.plan.section("investeringar", in: .vb)?.text == "Inga investeringar 2021.")
    }

    @Test("u undoes and Ctrl-R redoes through PlanKit's log")
    func undoRedo() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Enhetsmål: Resursenheten har en välfungerande")
        driver.press(.character("3"))
        driver.press(.home)
        driver.press(.character("u"))
        #expect(try driver.plan.followUp("re-2021-em-05", .vb).rating == .fully)
        #expect(driver.text.contains("Ångrat"))
        #expect(driver.state.selection == .item("re-2021-em-05"))
        driver.press(.control("r"))
        #expect(try driver.plan.followUp("re-2021-em-05", .vb).rating == .not)
        driver.press(.character("u"), .character("u"))
        #expect(driver.text.contains("Det finns inget att ångra."))
    }

    @Test("Outcomes take a Swedish decimal comma and refuse non-numbers")
    func outcomes() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let file = #"{"format":"vp-tui-plan","version":1,"plans":[{"unit":"resursenheten","year":2021,"board":"hagersten-alvsjo","periods":["vp","t1","vb"],"inherits":["ha-2021-nm-04","ha-2021-nm-04-i01"]}]}"#
        try store.importData(Data(file.utf8), name: "t1.json")
        let driver = try AppDriver(period: .t1, store: store)
        try driver.select(containing: "Indikator:")
        driver.press(.character("v"))
        driver.type("abc")
        driver.press(.enter)
        #expect(driver.text.contains("\"abc\" är inget tal"))
        #expect(try driver.plan.followUp("ha-2021-nm-04-i01", .t1).outcome == nil)
        driver.press(.control("u"))
        driver.type("87,5")
        driver.press(.enter)
        #expect(try driver.plan.followUp("ha-2021-nm-04-i01", .t1).outcome == 87.5)
        #expect(driver.text.contains("Sparat: 87,5"), "\(driver.text)")
    }

    @Test("In the VP + asks for the title first and creates the item with it; Esc creates nothing")
    func planAdding() throws {
        let driver = try AppDriver(period: .vp)
        try driver.select(containing: "Nämndmål: Invånarna i Hägersten-Älvsjö har tillgång")
        let itemsBefore = try driver.plan.items.count
        driver.press(.character("+"))
        #expect(driver.screen.text(ofRow: 28).hasPrefix(" Nytt enhetsmål: "))
        driver.type("Halvfärdigt")
        driver.press(.escape)
        #expect(try driver.plan.items.count == itemsBefore)
        #expect(driver.state.modal == nil)

        driver.press(.character("+"))
        driver.press(.enter)
        #expect(driver.text.contains("Skriv en rubrik, eller Esc för att avbryta."))
        #expect(try driver.plan.items.count == itemsBefore)
        driver.type("Alla barn möter kultur varje vecka")
        driver.press(.enter)
        #expect(try driver.plan.items["re-2021-em-06"]?.title == "Alla barn möter kultur varje vecka")
        #expect(driver.selectedLine?.contains("Enhetsmål: Alla barn möter kultur varje vecka") == true)

        driver.press(.character("+"))
        driver.type("Kulturpass")
        driver.press(.enter)
        #expect(try driver.plan.items["re-2021-em-06-a01"]?.title == "Kulturpass")
        #expect(try driver.plan.items.count == itemsBefore + 2)
    }

    @Test("r renames an own goal in the VP; inherited lines and the follow-ups refuse it")
    func renameOwnItem() throws {
        let driver = try AppDriver(period: .vp)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        let id = try #require(driver.state.selectedItem?.id)
        driver.press(.character("r"))
        guard case .editor(let session)? = driver.state.modal else { Issue.record("r should open the title"); return }
        #expect(session.field == .itemText(item: id, field: .title))
        driver.press(.control("u"))
        for _ in 0..<200 { driver.press(.backspace) }
        driver.type("Varje barn har sin plats")
        driver.press(.escape)
        #expect(try driver.plan.items[id]?.title == "Varje barn har sin plats")
        #expect(driver.selectedLine?.contains("Enhetsmål: Varje barn har sin plats") == true)

        try driver.select(containing: "Nämndmål: Alla barn i förskolan utvecklar")
        driver.press(.character("r"))
        #expect(driver.state.modal == nil)
        #expect(driver.text.contains("Texten är ärvd och kan inte ändras här"))

        let vb = try AppDriver(period: .vb, store: driver.store)
        try vb.select(containing: "Enhetsmål: Varje barn har sin plats")
        vb.press(.character("r"))
        #expect(vb.state.modal == nil)
        #expect(vb.text.contains("Egna mål och aktiviteter namnges i verksamhetsplanen (VP)"))
    }

    @Test("Delete asks, names what goes with the goal, and takes only j or n")
    func planDeleting() throws {
        let driver = try AppDriver(period: .vp)
        for title in ["Sagostund varje vecka", "Utflykt varje månad"] {
            try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
            driver.press(.character("+"))
            driver.type(title)
            driver.press(.enter)
        }
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        let plan = try driver.plan
        let goal = try #require(driver.state.selectedItem)
        // Counted here from the plan: the goal's activities, and the analyses of it and them in every period.
        let activities = plan.children(of: goal.id).filter { $0.kind == .activity }
        let analyses = ([goal] + activities).flatMap { item in
            plan.periods.map { plan.followUp(item.id, $0).analysis }
        }.filter { !$0.isEmpty }.count
        #expect(activities.count > 0 && analyses > 0)
        // A message from before the question.
        driver.press(.character("1"))
        #expect(driver.state.status != nil)
        driver.press(.delete)
        let activityWord = activities.count == 1 ? "aktivitet" : "aktiviteter"
        let analysisWord = analyses == 1 ? "analys" : "analyser"
        // However long the title, what goes with it and the question are on the line.
        let question = driver.screen.text(ofRow: 28)
        #expect(question.hasPrefix(" Ta bort \"Gruppen är en tillgång"), "\(question)")
        #expect(question.contains("…\" och \(activities.count) \(activityWord), \(analyses) \(analysisWord)? (j/n)"), "\(question)")
        // It asks j or n: y is neither, and the question stays.
        driver.press(.character("y"))
        guard case .confirmDelete? = driver.state.modal else { Issue.record("y should leave the question open"); return }
        #expect(try driver.plan.items[goal.id] != nil)
        driver.press(.character("n"))
        #expect(driver.state.modal == nil)
        #expect(driver.state.status == nil)
        #expect(try driver.plan.items[goal.id] != nil)

        driver.press(.delete, .character("j"))
        #expect(try driver.plan.items[goal.id] == nil)
        #expect(try activities.allSatisfy { try driver.plan.items[$0.id] == nil })
        #expect(driver.text.contains("Borttaget"))
        driver.press(.character("u"))
        #expect(try driver.plan.items[goal.id] != nil)
        try driver.select(containing: "Nämndmål: Alla barn i förskolan utvecklar")
        driver.press(.delete)
        #expect(driver.text.contains("Ärvda mål och aktiviteter kan inte tas bort."))
    }

    @Test("x writes the period's report beside the database, under the plan's name, and says where")
    func exportBesideTheDatabase() throws {
        let directory = TemporaryFolders.make("vp-tui-x")
        let store = try PlanStore(path: directory.appendingPathComponent("plan.sqlite").path, login: "anna")
        try BundledSamples.load(into: store)
        let driver = try AppDriver(store: store)
        driver.press(.character("x"))
        let path = directory.appendingPathComponent("Resursenheten-2021-VB.md").path
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("# Verksamhetsberättelse VB 2021 för Resursenheten"))
        #expect(driver.state.status == StatusMessage("Rapporten skrevs till \(path)"))
    }

    @Test("X writes the report to the path typed and shows the path")
    func export() throws {
        let driver = try AppDriver()
        let directory = TemporaryFolders.make("vp-tui-export")
        driver.press(.character("X"))
        for _ in 0..<200 { driver.press(.backspace) }
        driver.type(directory.appendingPathComponent("vb.md").path)
        driver.press(.enter)
        let written = try String(contentsOf: directory.appendingPathComponent("vb.md"), encoding: .utf8)
        #expect(written.hasPrefix("# Verksamhetsberättelse VB 2021 för Resursenheten"))
        #expect(driver.text.contains("Rapporten skrevs till"))
    }

    @Test("Ctrl-E hands the text to the external editor; what comes back is kept and saved on Esc")
    func externalEditor() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Enhetsmål: Resursenhetens budget")
        driver.press(.character("e"))
        let requests = driver.press(.control("e"))
        guard case .externalEditor(let text)? = requests.first else {
            Issue.record("Ctrl-E should ask for the external editor")
            return
        }
        #expect(text.hasPrefix("Budgeten har följts upp"))
        driver.app.externalEditorFinished("Skrivet i vim: ändrad analys.")
        // Back in the app's editor with the new text, kept as a draft until it is saved.
        guard case .editor(let session)? = driver.state.modal else {
            Issue.record("the editor should stay open with the text from the external editor")
            return
        }
        #expect(session.editor.text == "Skrivet i vim: ändrad analys.")
        #expect(try driver.store.draft(for: session.field, in: AppDriver.plan)?.text == "Skrivet i vim: ändrad analys.")
        driver.press(.escape)
        #expect(try driver.plan.followUp("re-2021-em-04", .vb).analysis == "Skrivet i vim: ändrad analys.")
    }

    @Test("A read-only database shows a banner and refuses edits without losing anything")
    func readOnly() throws {
        var state = AppState(width: 100, height: 30, readOnly: true)
        state.plan = try AppDriver().plan
        state.period = .vb
        state.selection = .item("re-2021-em-01")
        let effects = Update.handle(.character("2"), &state)
        #expect(effects.isEmpty)
        #expect(View.render(state).text.contains("Skrivskyddad databas"))
    }
}

import Foundation
import PlanKitTestSupport
