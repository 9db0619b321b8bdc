import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport

@Suite("Reports in the order and with the headings of the City's documents")
struct ReportTests {
    func markdown(_ period: ReportPeriod, store: PlanStore? = nil) throws -> String {
        let plan = try (store ?? Fixture.store()).loadPlan(Fixture.plan)
        return MarkdownRenderer.render(ReportBuilder(plan: plan, period: period).build())
    }

    /// The goal headings of seeds/resursenheten-vb-2021.txt, in its order.
    static let vbGoalHeadings = [
        "KF:s inriktningsmål: 1. En modern storstad med möjligheter och valfrihet för alla",
        "KF:s mål för verksamhetsområdet: 1.3. I Stockholm når barn sin fulla potential då Stockholms skolor och förskolor är de bästa i Sverige",
        "Nämndmål: Alla barn i förskolan utvecklar sin förståelse för grundläggande demokratiska värden",
        "Enhetsmål: Gruppen är en tillgång där varje barn har sin självklara plats, ges utrymme och blir lyssnad på.",
        "Nämndmål: Alla barn i förskolan utvecklas och lär utifrån sina förmågor i lärmiljöer av hög kvalitet",
        "Enhetsmål: Varje barn i Hägersten-Älvsjös förskolor möts av undervisningsmiljöer där organisation/struktur, material och pedagogernas förhållningssätt återspeglar läroplanens intentioner",
        "KF:s inriktningsmål: 2. En hållbart växande och dynamisk storstad med hög tillväxt",
        "KF:s mål för verksamhetsområdet: 2.4. Stockholm är en modern kultur- och evenemangsstad med en stark besöksnäring",
        "Nämndmål: Invånarna i Hägersten-Älvsjö har tillgång till ett rikt utbud av kultur- och fritidsaktiviteter",
        "KF:s mål för verksamhetsområdet: 2.5. Stockholm är en hållbar stad med en god livsmiljö",
        "Nämndmål: Hägersten-Älvsjö stadsdelsnämnd är en fossilfri organisation år 2030",
        "Enhetsmål: Resursenheten gör medvetna val för att ansvara för miljön.",
        "KF:s inriktningsmål: 3. En ekonomiskt hållbar och innovativ storstad för framtiden",
        "KF:s mål för verksamhetsområdet: 3.1. Stockholm har en budget i balans och långsiktigt hållbara finanser",
        "Nämndmål: Stadsdelsnämnden bedriver verksamheterna inom givna ekonomiska ramar",
        "Enhetsmål: Resursenhetens budget är i balans",
        "KF:s mål för verksamhetsområdet: 3.2. Stockholm använder skattemedlen effektivt till största nytta för stockholmarna",
        "Nämndmål: Stadsdelsnämnden är en attraktiv arbetsgivare med god arbetsmiljö",
        "Enhetsmål: Resursenheten har en välfungerande arbetsmiljö.",
        "Nämndmål: Stadsdelsnämndens verksamheter arbetar kostnadseffektivt med fokus på resultat för invånarna",
        "Nämndmål: Stadsdelsnämndens verksamheter är innovativa och tillvaratar digitaliseringens möjligheter",
    ]

    @Test("The VB has the seed's goals in the seed's order, between its sections")
    func vbStructure() throws {
        let text = try markdown(.vb)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { String($0.drop { $0 == "#" }.dropFirst()) }
        #expect(headings.first == "Verksamhetsberättelse VB 2021 för Resursenheten")
        #expect(headings.filter { $0.hasPrefix("KF:s") || $0.hasPrefix("Nämndmål") || $0.hasPrefix("Enhetsmål") } == Self.vbGoalHeadings)
        let sections = ["Förslag till beslut", "Sammanfattande analys", "Covid-19", "Uppföljning av Kommunfullmäktiges inriktningsmål",
                        "Uppföljning av ekonomi", "Analys av resultaträkning - uppföljning av driftbudget", "Investeringar",
                        "Medel för lokaländamål", "Övrigt", "Systematiskt kvalitetsarbete", "Övrigt", "Synpunkter och Klagomål"]
        #expect(headings.filter(sections.contains) == sections)
    }

    @Test("The VB shows the seed's ratings, activity marks and analyses")
    func vbContent() throws {
        let text = try markdown(.vb)
        #expect(text.components(separatedBy: "● Uppfylls helt").count - 1 == 5)
        // KF:s mål för verksamhetsområdet (5) and nämndmål (8) show "— Ingen".
        #expect(text.components(separatedBy: "\n— Ingen\n").count - 1 == 13)
        #expect(text.contains("| ✓ Förvaltningens introduktionsförskola ska arbeta uppsökande riktat till nyanlända föräldrar | 2021-01-01 | 2021-12-31 |  |"))
        #expect(text.contains("| ✓ Förvaltningen ska fortsätta att utveckla gemensamma strukturer för det systematiska kvalitetsarbetet. | 2020-01-01 | 2021-12-31 |  |"))
        #expect(text.contains("| Resursenheten ska mäta antalet besökare på introduktionsförskolans verksamhet | 2021-01-01 | 2021-12-31 | Avvikelse |"))
        #expect(text.contains("| Öppna förskolan ska genomföra brukarundersökning | 2021-01-01 | 2021-12-31 | Avvikelse |"))
        #expect(text.components(separatedBy: "| ✓ ").count - 1 == 3)
        #expect(text.contains("*Analys:* Den planerade brukarundersökningen har skjutits upp till 2022"))
        #expect(text.contains("Teamet har arbetat uteslutande hemifrån och det har fungerat väl."))
        #expect(text.contains("Budgeten har följts upp kontinuerligt med enhetschef och ekonomiconroller."))
        // The board's VB text of its culture goal, not the one of its plan.
        #expect(text.contains("Kultur- och fritidsaktiviteter ska planeras för att nå nya målgrupper"))
        #expect(!text.contains("Förvaltningen fortsätter arbetet med att utveckla fler och bättre möjligheter"))
        // What the unit does not follow up stays out of the VB.
        #expect(!text.contains("förbättrad arbetssituation för förskollärare"))
        #expect(!text.contains("Klimatpåverkan från upphandlade livsmedel"))
    }

    @Test("The VP has the plan's fields, the board's activities and KF's indicators, and no ratings")
    func vpContent() throws {
        let text = try markdown(.vp)
        #expect(text.hasPrefix("# Verksamhetsplan 2021 för Resursenheten\n"))
        #expect(text.contains("## Inledning"))
        #expect(text.contains("**Arbetssätt**"))
        #expect(text.contains("**Utveckling**"))
        #expect(text.contains("Förvaltningen fortsätter arbetet med att utveckla fler och bättre möjligheter"))
        #expect(text.contains("| Klimatpåverkan från upphandlade livsmedel och måltider |"))
        #expect(text.contains("förbättrad arbetssituation för förskollärare"))
        #expect(!text.contains("Uppfylls"))
        #expect(!text.contains("— Ingen"))
    }

    @Test("Plain text wraps at the width and keeps the marks")
    func plainText() throws {
        let plan = try Fixture.store().loadPlan(Fixture.plan)
        let text = TextRenderer.render(ReportBuilder(plan: plan, period: .vb).build(), width: 72)
        let long = text.split(separator: "\n").filter { $0.count > 72 }
        #expect(long.isEmpty, "lines longer than 72: \(long)")
        #expect(text.contains("● Uppfylls helt"))
        #expect(text.contains("✓ Förvaltningens"))
        #expect(text.contains("Avvikelse"))
        let ascii = TextRenderer.render(ReportBuilder(plan: plan, period: .vb, marks: .ascii).build())
        #expect(ascii.contains("[x] Förvaltningens"))
        #expect(!ascii.contains("✓"))
    }

    @Test("Indicators show outcome, target and judgement in a follow-up")
    func indicatorTable() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try store.importData(try Fixture.encode(Fixture.tinyFile()), name: "tiny.json")
        try store.setOutcome(73.5, indicator: "tb-2030-nm-01-i01", period: .t1, in: Fixture.tinyPlan)
        let plan = try store.loadPlan(Fixture.tinyPlan)
        let text = MarkdownRenderer.render(ReportBuilder(plan: plan, period: .t1).build())
        #expect(text.contains("| Andel nöjda | 73,5 % | 80 % | Tertial | Uppfylls delvis |"))
        #expect(text.contains("# Tertialrapport T1 2030 för Testenheten"))
    }
}
