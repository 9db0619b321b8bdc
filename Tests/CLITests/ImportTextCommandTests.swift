import Foundation
import PlanKitTestSupport
import Testing

/// `vp-tui import-text` and `vp-tui generate` through the binary, as a person runs them.
@Suite("import-text and generate on the command line", .temporaryFolders)
struct ImportTextCommandTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    /// A board's plan in the 2020 layout (tab cells, one paragraph per line), invented text.
    static let plan = #"""
Norrby stadsdelsnämnd
Verksamhetsplan 2020
Innehåll
Sammanfattning	2
KF:s inriktningsmål 1	3
Ekonomi	9
Agenda 2030	11
Underskrifter	12
Sammanfattning
Nämnden har tagit fram två nämndmål för 2020. Verksamhetsplanen för Norrby stadsdelsnämnd beskriver hur nämnden bidrar till kommunfullmäktiges mål.
KF:s inriktningsmål:
1. En modern storstad med möjligheter för alla
Nämnden arbetar för att alla invånare ska kunna leva ett självständigt liv.
Arbetet följs upp varje tertial.
KF:s mål för verksamhetsområdet:



1.1 I Norrby får alla barn en god start i livet
Förskolan ger alla barn samma möjligheter oavsett bakgrund.
Indikator	Årsmål	KF:s årsmål	Periodicitet
Andel legitimerade förskollärare	45 %	40 %	År
Andel förnybar energi i förskolornas lokaler	2 %	2 %	År
Antal barn per grupp	15		Tertial
Aktivitet	Startdatum	Slutdatum
Förvaltningen ska införa en ny modell för språkutveckling i förskolan	2020-01-01	2020-12-31
Nämndmål:
Alla barn i Norrby utvecklas och lär sig i förskolan
Beskrivning
Förskolorna arbetar med språk, matematik och naturvetenskap.
Förväntat resultat
Fler barn når målen för språkutveckling.
Aktivitet	Startdatum	Slutdatum
Förvaltningen ska utbilda alla pedagoger i
NORRBY STADSDELSFÖRVALTNING
SID 4 (12)
Aktivitet	Startdatum	Slutdatum
språkutvecklande arbetssätt	2020-02-01	2020-11-30
Förvaltningen ska följa upp läsningen i förskolan	2020-03-01	2020-12-31
KF:s mål för verksamhetsområdet:
I Norrby är det tryggt att bo och vistas
Nämnden samverkar med polisen och fastighetsägarna.
Indikator	Årsmål	KF:s årsmål	Periodicitet
Andel invånare som känner sig trygga	öka	Tas fram av nämnd	År
Nämndmål:
Norrbys parker är rena och trygga
Beskrivning
Parkerna städas oftare på sommaren.
Förväntat resultat
Fler invånare känner sig trygga i parkerna.
Färre klagomål på nedskräpning.
Aktivitet	Startdatum	Slutdatum
Förvaltningen ska sätta upp belysning i Norrbyparken	2020-04-01	2020-10-31
Ekonomi
Nämndens budget för 2020 är 1 200 mnkr, varav förskolan 600 mnkr.
Verksamhet	Budget 2020	Budget 2019
Förskola	600	580
Stadsmiljö	40	38
Agenda 2030
Nämndens mål bidrar till de globala målen för hållbar utveckling.
Underskrifter
Anna Andersson
Stadsdelsdirektör
"""#

    private func write(_ text: String, _ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("--dry-run prints the outline, the doubts with line numbers and the Hittade line, and creates no database")
    func dryRunText() throws {
        let file = try write(Self.plan, "norrby.txt")
        let result = try Binary.run(["import-text", file, "--dry-run", "--db", database])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Nämndens verksamhetsplan 2020: Norrby stadsdelsnämnd [norrby]"))
        #expect(result.stdout.contains("  KF:s mål för verksamhetsområdet: 1.1 I Norrby får alla barn en god start i livet [no-2020-kf-1.1]"))
        #expect(result.stdout.contains("Osäkert (kontrollera):"))
        #expect(result.stdout.contains("rad 40: KF:s mål för verksamhetsområdet har inget nummer i texten och får inget"))
        let last = result.stdout.split(separator: "\n").last.map(String.init)
        // The doubts listed above are counted in it too.
        #expect(last?.hasPrefix("Hittade: 1 KF:s inriktningsmål, 2 KF:s mål för verksamhetsområdet, 2 nämndmål, 0 enhetsmål, "
                + "4 indikatorer, 4 aktiviteter, 0 varningar, ") == true, "\(String(describing: last))")
        #expect(last?.hasSuffix(" osäkra att kontrollera") == true, "\(String(describing: last))")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test("--dry-run --format json writes the interchange file to standard out, the Hittade line to standard error")
    func dryRunJSON() throws {
        let file = try write(Self.plan, "norrby.txt")
        let result = try Binary.run(["import-text", file, "--dry-run", "--format", "json", "--db", database])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "vp-tui-plan")
        let cascades = try #require(json["cascades"] as? [[String: Any]])
        #expect(cascades.first?["board"] as? String == "norrby" && cascades.first?["year"] as? Int == 2020)
        #expect(result.stderr.contains("Hittade: 1 KF:s inriktningsmål, 2 KF:s mål för verksamhetsområdet, 2 nämndmål"))
        #expect(!result.stdout.contains("Hittade"))
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test("A changed stored title is refused with what would change, and replaced with --replace")
    func replaceNeeded() throws {
        let file = try write(Self.plan, "norrby.txt")
        let first = try Binary.run(["import-text", file, "--db", database])
        #expect(first.status == 0)
        #expect(first.stdout.contains("Hittade: 1 KF:s inriktningsmål"))
        let changed = try write(Self.plan.replacingOccurrences(of: "Alla barn i Norrby utvecklas", with: "Alla barn i Norrby växer"),
                                "norrby-2.txt")
        let refused = try Binary.run(["import-text", changed, "--db", database])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no-2020-nm-01 rubrik: ”Alla barn i Norrby utvecklas"))
        #expect(refused.stderr.contains("--replace"))
        let dryRun = try Binary.run(["import-text", changed, "--dry-run", "--db", database])
        #expect(dryRun.stdout.contains("Skulle ändra sparade texter (kräver --replace):"))
        let replaced = try Binary.run(["import-text", changed, "--replace", "--db", database])
        #expect(replaced.status == 0)
        let again = try Binary.run(["import-text", changed, "--db", database])
        #expect(again.status == 0)
    }

    @Test("A PDF without pdftotext on PATH says in Swedish how to install poppler-utils")
    func pdfWithoutPdftotext() throws {
        let file = try write("%PDF-1.4\n%âãÏÓ\n", "plan.pdf")
        let emptyPath = Binary.temporaryDirectory().path
        let result = try Binary.run(["import-text", file, "--dry-run", "--db", database], environment: ["PATH": emptyPath])
        #expect(result.status != 0)
        #expect(result.stderr.contains("pdftotext"))
        #expect(result.stderr.contains("apt-get install poppler-utils"))
        #expect(result.stderr.contains("Inget har importerats."))
    }

    @Test("The same --seed gives the same district; another seed another")
    func generateIsDeterministic() throws {
        func district(_ seed: Int, _ name: String) throws -> (units: String, export: String) {
            let path = directory.appendingPathComponent(name).path
            let made = try Binary.run(["generate", "--units", "2", "--years", "1", "--seed", "\(seed)", "--db", path])
            #expect(made.status == 0, "\(made.stderr)")
            let units = try Binary.run(["units", "--db", path]).stdout
            let unit = try #require(units.split(separator: "\n").first { $0.contains("Enhet:") }?
                .split(separator: "[").last?.dropLast())
            let export = try Binary.run(["export", "--unit", String(unit), "--year", "2021", "--db", path]).stdout
            return (units, export)
        }
        let first = try district(5, "a.sqlite")
        let second = try district(5, "b.sqlite")
        let other = try district(6, "c.sqlite")
        #expect(first.export.count > 1000)
        #expect(first.units == second.units)
        #expect(first.export == second.export)
        #expect(first.export != other.export)
    }
}
