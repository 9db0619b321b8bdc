import Foundation
import Testing
@testable import PlanTextImport
import PlanKit

/// A board's plan the rules were not written from: another board, another year, other titles,
/// values and layouts; "~" marks a line that wraps (pdftotext ends it with a space).
private let otherBoardsPlan = """
    Verksamhetsplan 2022 för Skärholmens stadsdelsnämnd
    Förslag till beslut
    Skärholmens stadsdelsnämnd godkänner förvaltningens förslag till verksamhetsplan 2022.

    Inledning
    Stadsdelsnämnden har tagit fram två nämndmål.

    KF:s inriktningsmål: 1. En modern storstad med möjligheter och valfrihet för alla
    Nämnden arbetar för att alla invånare ska kunna leva ett självständigt~
    liv. Det gäller alla åldrar och all verk-
    samheten i stadsdelsområdet.
    Verksamheten följs upp varje tertial.

    KF:s mål för verksamhetsområdet: 1.4 I Stockholm får människor i behov av stöd~
    insatser i tid
    Nämnden prioriterar tidiga insatser.~



    Tjänsteutlåtande
    Sida 3 av 9
    Dnr SK 2021/123

     Socialtjänsten samverkar med skolan och polisen.
     Indikator Årsmål KF:s årsmål Periodicitet

    Andel barn som får stöd inom 14 dagar 85 % 80 % Termin

     Kostnad per brukare i hemtjänsten~

    1 200 kr 1 250 kr År

    Väntetid till särskilt boende (dagar) 30 dagar - Tertial

    Andel brukare som är nöjda med stödet öka Fastställs~
    t1

    Halvår

    Kommentar
    Mätningen görs i brukarundersökningen.

     Aktivitet Startdatum Slutdatum

    Socialnämnden ska tillsammans med stadsdelsnämnderna utveckla~
    uppföljningen av insatser

    2022-01-01 2022-12-31

    Stadsdelsnämnderna ska inrätta mottagningsteam 2022-02-01 2022-06-30

    Nämndmål:
    Barn och unga i Skärholmen får stöd i tid

    Beskrivning
    Förvaltningen arbetar med tidiga och samordnade insatser för barn och unga.
    Arbetet sker tillsammans med skolor och föreningar.

    Förväntat resultat
    • Fler barn får stöd tidigt.
    • Samverkan med skolan har ökat.
     Aktivitet Startdatum Slutdatum

    Förvaltningen ska starta en föräldragrupp i Bredäng 2022-01-01 2022-12-31

    Här står ett stycke som inte hör till tabellen.

    Förvaltningen ska utbilda personalen i~
    samtalsmetodik

    2022-03-01 2022-11-30

    KF:s inriktningsmål:
    3. En ekonomiskt hållbar och innovativ storstad för framtiden

    KF:s mål för verksamhetsområdet:
    3.2. Stockholm använder skattemedlen effektivt till största nytta för~
    stockholmarna
     Indikator Årsmål KF:s årsmål Periodicitet

    Sjukfrånvaro 7 % Tas fram av~
    nämnd

    Tertial

    Nämndmål:
    Stadsdelsnämnden är en attraktiv arbetsgivare

    Beskrivning
    Alla chefer har god kunskap om arbetsmiljö.

    Förväntat resultat
    Sjukfrånvaron har minskat.
     Aktivitet Startdatum Slutdatum

    Förvaltningen ska genomföra en medarbetarenkät 2022-01-01 2022-12-31

    Bilagor
    Bilaga 1. Internkontrollplan
    """.replacingOccurrences(of: "~\n", with: " \n")

@Suite("import-text rules: names and ids, values, directions, PDF artefacts, other documents, the store")
struct TextImportRuleTests {
    @Test("Ids: the board's id and prefix come from its name")
    func names() {
        #expect(OrganisationNames.core("Hägersten-Älvsjö stadsdelsnämnd") == "Hägersten-Älvsjö")
        #expect(OrganisationNames.slug("Hägersten-Älvsjö") == "hagersten-alvsjo")
        #expect(OrganisationNames.prefix("Hägersten-Älvsjö") == "ha")
        #expect(OrganisationNames.prefix("Enskede-Årsta-Vantör") == "eav")
        #expect(OrganisationNames.prefix("Resursenheten") == "re")
        #expect(OrganisationNames.prefix("Förskoleenhet 3") == "f3")
        #expect(OrganisationNames.slug(OrganisationNames.core("Östermalms stadsdelsnämnd")) == "ostermalms")
    }

    @Test("Values: numbers with units, thousands, texts, directions, dashes")
    func values() {
        func parse(_ text: String, _ count: Int = 2) -> [String]? {
            IndicatorRow.bestParse(IndicatorRow.tokens(text), maxCount: count)?.map(\.text)
        }
        #expect(parse("2,7 % 2,7 %") == ["2,7 %", "2,7 %"])
        #expect(parse("400 st 9 000 st") == ["400 st", "9 000 st"])
        #expect(parse("1 945 GWh", 2) == ["1 945 GWh"])
        #expect(parse("16 16") == ["16", "16"])
        #expect(parse("90 % 90%") == ["90 %", "90%"])
        #expect(parse("+/-1 % +/- 1 %") == ["+/-1 %", "+/- 1 %"])
        #expect(parse("450 st Tas fram av nämnd") == ["450 st", "Tas fram av nämnd"])
        #expect(parse("Fastställs t1") == ["Fastställs t1"])
        #expect(parse("10 Max 10 personer") == ["10", "Max 10 personer"])
        #expect(parse("93 % öka") == ["93 %", "öka"])
        #expect(parse("80 % -") == ["80 %", "-"])
        #expect(parse("1,5 kg CO2 per kg livsmedel 1,8 kg CO2 per kg livsmedel")
                == ["1,5 kg CO2 per kg livsmedel", "1,8 kg CO2 per kg livsmedel"])
        #expect(parse("befolkningen 1,5 %") == nil)
        #expect(IndicatorRow.measureUnit(of: "+/-1 %") == "%")
        #expect(IndicatorRow.measureUnit(of: "Tas fram av nämnd") == nil)
        #expect(IndicatorRow.measureUnit(of: "140") == nil)
    }

    @Test("Directions: stated targets only, never a word of the name; else unsure")
    func directions() {
        func decide(_ name: String, _ target: String? = nil, _ council: String? = nil) -> (Direction, Bool) {
            let (direction, stated, _) = IndicatorDirectionRules.decide(name: name, target: target, councilTarget: council)
            return (direction, stated)
        }
        // A word of the name decides nothing: "energi", "sjukfrånvaro" leave the direction unsure.
        #expect(decide("Andel förnybar energi", "2 %", "2 %") == (.higherIsBetter, false))
        #expect(decide("Sjukfrånvaro", "10 %") == (.higherIsBetter, false))
        // The targets decide when they state a direction.
        #expect(decide("Antal personal per hemtjänsttagare", "10", "Max 10 personer") == (.lowerIsBetter, true))
        #expect(decide("Andel brukare som inte upplever diskriminering", "93 %", "öka") == (.higherIsBetter, true))
        #expect(decide("Nämndens prognossäkerhet", "+/-1 %") == (.lowerIsBetter, true))
        #expect(decide("Antal vräkningar", "minska") == (.lowerIsBetter, true))
        let (_, _, conflict) = IndicatorDirectionRules.decide(name: "Andel x", target: "öka", councilTarget: "minska")
        #expect(conflict != nil)
    }

    @Test("PDF artefacts: page headers go, wrapped lines join, hyphens stay or go by the text's own words")
    func artefacts() {
        let text = """
            Det här stycket fortsätter~



            Tjänsteutlåtande
            Sid 8 (21)

            Hägersten-Älvsjö stadsdelsförvaltning
            start.stockholm

            08 508 23049

            på nästa sida. Hägersten-
            Älvsjö har en utveck-
            ling som syns. Denna utveckling fortsätter, liksom hälso-~
            och sjukvården.
            """.replacingOccurrences(of: "~\n", with: " \n")
        let source = SourceText(text)
        #expect(!source.lines.contains { $0.text.contains("Sid 8") || $0.text.contains("start.stockholm") || $0.text.contains("23049") })
        let joined = TextJoiner(words: source.words).text(source.lines)
        #expect(joined == "Det här stycket fortsätter på nästa sida. Hägersten-Älvsjö har en utveckling som syns. Denna utveckling fortsätter, liksom hälso- och sjukvården.")
    }

    @Test("Another board's plan imports by its structure, with the stray paragraph as a warning")
    func otherBoard() throws {
        let result = try TextImporter.parse(otherBoardsPlan)
        #expect(result.board.name == "Skärholmens stadsdelsnämnd")
        #expect(result.year == 2022)
        #expect(result.counts.councilDirections == 2)
        #expect(result.counts.councilAreas == 2)
        #expect(result.counts.boardGoals == 2)
        #expect(result.counts.indicators == 5)
        #expect(result.counts.activities == 5)
        // The paragraph between two activity rows is not guessed into a title.
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.line == 66)
        #expect(result.warnings.first?.message.contains("Här står ett stycke") == true)

        let goals = result.goals.flatMap(\.allGoals)
        #expect(goals.map(\.id) == ["sk-2022-kf-1", "sk-2022-kf-1.4", "sk-2022-nm-01", "sk-2022-kf-3", "sk-2022-kf-3.2", "sk-2022-nm-02"])
        let direction = goals[0]
        #expect(direction.title == "En modern storstad med möjligheter och valfrihet för alla")
        #expect(direction.text(.description) == "Nämnden arbetar för att alla invånare ska kunna leva ett självständigt liv. Det gäller alla åldrar och all verksamheten i stadsdelsområdet.\n\nVerksamheten följs upp varje tertial.")
        let area = goals[1]
        #expect(area.title == "I Stockholm får människor i behov av stöd insatser i tid")
        #expect(area.text(.description) == "Nämnden prioriterar tidiga insatser.\n\nSocialtjänsten samverkar med skolan och polisen.")
        let indicators = area.indicators
        #expect(indicators.map(\.name) == ["Andel barn som får stöd inom 14 dagar", "Kostnad per brukare i hemtjänsten",
                                           "Väntetid till särskilt boende (dagar)", "Andel brukare som är nöjda med stödet"])
        #expect(indicators.map(\.target) == ["85 %", "1 200 kr", "30 dagar", "öka"])
        #expect(indicators.map(\.councilTarget) == ["80 %", "1 250 kr", nil, "Fastställs t1"])
        #expect(indicators.map(\.measureUnit) == ["%", "kr", "dagar", nil])
        #expect(indicators.map(\.periodicity) == [.term, .year, .tertial, .halfYear])
        // Only "öka" states a direction; the others are doubts, whatever their names suggest.
        #expect(indicators.map(\.direction) == [.higherIsBetter, .higherIsBetter, .higherIsBetter, .higherIsBetter])
        #expect(indicators.map(\.directionIsStated) == [false, false, false, true])
        #expect(result.doubts.filter { $0.message.hasPrefix("riktningen") }.map(\.line).prefix(3) == indicators[0..<3].map(\.line)[...])
        #expect(indicators[3].comment == "Mätningen görs i brukarundersökningen.")
        #expect(area.activities.map(\.title) == ["Socialnämnden ska tillsammans med stadsdelsnämnderna utveckla uppföljningen av insatser",
                                                 "Stadsdelsnämnderna ska inrätta mottagningsteam"])
        #expect(area.activities[1].start == "2022-02-01" && area.activities[1].end == "2022-06-30")
        let boardGoal = goals[2]
        #expect(boardGoal.title == "Barn och unga i Skärholmen får stöd i tid")
        #expect(boardGoal.text(.expectedResult) == "- Fler barn får stöd tidigt.\n- Samverkan med skolan har ökat.")
        #expect(boardGoal.activities.map(\.title) == ["Förvaltningen ska starta en föräldragrupp i Bredäng",
                                                      "Förvaltningen ska utbilda personalen i samtalsmetodik"])
        #expect(goals[4].indicators.first?.councilTarget == "Tas fram av nämnd")
        #expect(goals[4].indicators.first?.directionIsStated == false)
        // The appendix after the last goal is the rest of the document, not a goal's text.
        #expect(goals[5].activities.map(\.title) == ["Förvaltningen ska genomföra en medarbetarenkät"])
        #expect(goals[5].text(.expectedResult) == "Sjukfrånvaron har minskat.")
    }

    @Test("Given names and year win over what the text says")
    func givenFacts() throws {
        let result = try TextImporter.parse(otherBoardsPlan, options: TextImportOptions(boardName: "Skärholmen stadsdelsnämnd", year: 2023))
        #expect(result.board.id == "skarholmen")
        #expect(result.year == 2023)
        #expect(result.goals.first?.id == "sk-2023-kf-1")
    }

    @Test("A text without goals is refused in Swedish")
    func noGoals() {
        #expect(throws: TextImportError(Strings.TextImport.noGoals)) {
            try TextImporter.parse("Inledning\nDet här är ingen verksamhetsplan.\n")
        }
    }

    @Test("The board's plan reads the same without trailing spaces and with form feeds between pages")
    func otherConverters() throws {
        let text = try TextSeeds.text(TextSeeds.boardName)
        let reference = try #require(try TextSeeds.board.get().file.cascades?.first?.goals)
        let trimmed = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }.joined(separator: "\n")
        let withoutSpaces = try TextImporter.parse(trimmed)
        #expect(withoutSpaces.warnings == [])
        #expect(CascadeComparison.differences(try #require(withoutSpaces.file.cascades?.first?.goals), reference) == [])
        let formFeeds = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.range(of: #"^ {1,2}\S"#, options: .regularExpression) != nil
                ? "\u{0C}" + line.trimmingCharacters(in: .init(charactersIn: " ")) + (line.hasSuffix(" ") ? " " : "")
                : String(line)
        }.joined(separator: "\n")
        let paged = try TextImporter.parse(formFeeds)
        #expect(CascadeComparison.differences(try #require(paged.file.cascades?.first?.goals), reference) == [])
    }

    @Test("The outline is indented and ends with the summary line")
    func outline() throws {
        let result = try TextImporter.parse(otherBoardsPlan)
        let lines = TextImportOutline.render(result).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Nämndens verksamhetsplan 2022: Skärholmens stadsdelsnämnd [skarholmens]")
        #expect(lines.contains("KF:s inriktningsmål: 1. En modern storstad med möjligheter och valfrihet för alla [sk-2022-kf-1]"))
        #expect(lines.contains("    Nämndmål: Barn och unga i Skärholmen får stöd i tid [sk-2022-nm-01]"))
        #expect(lines.contains("    Beskrivning: Nämnden prioriterar tidiga insatser. Socialtjänsten samverkar med skolan och polisen. (86 tecken)"))
        #expect(lines.contains("    Indikator: Andel barn som får stöd inom 14 dagar [sk-2022-kf-1.4-i01]"))
        #expect(lines.contains("      Årsmål 85 % · KF:s årsmål 80 % · Termin · högre är bättre"))
        #expect(lines.contains { $0.hasPrefix("  rad 66: texten kunde inte placeras") })
        #expect(lines.dropLast().last == "Hittade: 2 KF:s inriktningsmål, 2 KF:s mål för verksamhetsområdet, 2 nämndmål, 0 enhetsmål, 5 indikatorer, 5 aktiviteter, 1 varning, 4 osäkra att kontrollera")
    }

    // MARK: Into the store

    @Test("Board's plan, then the unit's plan, into an empty database")
    func importIntoEmptyStore() throws {
        let store = try PlanStore(inMemoryWithLogin: "test")
        let board = try TextSeeds.board.get()
        let summary = try store.importText(board, name: TextSeeds.boardName)
        #expect(summary.goals == 32 && summary.indicators == 75 && summary.activities == 156 && summary.organisations == 2)
        let stored = try #require(try store.storedCascade(board: "hagersten-alvsjo", year: 2021))
        #expect(CascadeComparison.differences(stored.goals, try #require(board.file.cascades?.first?.goals)) == [])

        // The unit's text is matched against what is now stored.
        let first = try TextImporter.parse(try TextSeeds.text(TextSeeds.unitName))
        let unit = try TextImporter.parse(try TextSeeds.text(TextSeeds.unitName),
                                          options: try store.textImportOptions(for: first, base: TextImportOptions()))
        #expect(!unit.idsAreProvisional)
        try store.importText(unit, name: TextSeeds.unitName)
        let plan = try store.loadPlan(PlanRef(unitID: "resursenheten", year: 2021))
        #expect(plan.periods == [.vp])
        #expect(plan.items.values.filter { $0.author == .unit && $0.kind == .goal }.count == 5)
        #expect(plan.items["re-2021-em-03"]?.parentID == "ha-2021-nm-12")
        // "Resursenheten är en övergripande preventiv enhet inom Förskoleavdelningen"
        #expect(plan.unit.parentID == "hagersten-alvsjo-forskoleavdelningen")
    }

    @Test("A unit's plan without the board's cascade is refused, and nothing is imported")
    func unitWithoutCascadeIsRefused() throws {
        let store = try PlanStore(inMemoryWithLogin: "test")
        let unit = try TextImporter.parse(try TextSeeds.text(TextSeeds.unitName))
        #expect(throws: TextImportError.self) { try store.importText(unit, name: TextSeeds.unitName) }
        #expect(try store.organisations().isEmpty)
        #expect(try store.plans().isEmpty)
    }

    @Test("Over the samples: later revisions, other periods, follow-ups and the unit's department are kept")
    func reimportOverSamples() throws {
        let store = try SampleStore.make()
        let before = try store.exportInterchange(SampleStore.plan)
        try store.importText(try TextSeeds.board.get(), name: TextSeeds.boardName)
        let first = try TextImporter.parse(try TextSeeds.text(TextSeeds.unitName))
        let unit = try TextImporter.parse(try TextSeeds.text(TextSeeds.unitName),
                                          options: try store.textImportOptions(for: first, base: TextImportOptions()))
        try store.importText(unit, name: TextSeeds.unitName)
        let after = try store.exportInterchange(SampleStore.plan)

        #expect(after.organisations == before.organisations)
        let cascadeBefore = try #require(before.cascades?.first?.goals)
        let cascadeAfter = try #require(after.cascades?.first?.goals)
        #expect(CascadeComparison.differences(cascadeAfter, cascadeBefore) == [])
        let planBefore = try #require(before.plans?.first)
        let planAfter = try #require(after.plans?.first)
        #expect(planAfter.periods == planBefore.periods)
        #expect(planAfter.inherits == planBefore.inherits)
        #expect(planAfter.notFollowedUp == planBefore.notFollowedUp)
        #expect(planAfter.followUps == planBefore.followUps)
        #expect(planAfter.sections == planBefore.sections)
        #expect(CascadeComparison.differences(try #require(planAfter.goals), try #require(planBefore.goals)) == [])
    }
}
