import Foundation
import PlanKitTestSupport
import Testing

/// `start`, `submit`, `reopen` and the period states of `units`, run as a person would.
@Suite("Starting periods, handing in and reopening on the command line", .temporaryFolders)
struct YearCommandTests {
    let database = Binary.temporaryDirectory().appendingPathComponent("plan.sqlite").path

    init() throws { try Binary.makeSamples(database) }

    func run(_ arguments: [String]) throws -> Binary.Result {
        try Binary.run(arguments + ["--db", database])
    }

    func databaseBytes() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: database))
    }

    @Test("VB before T1 says what it starts from; starting an existing period is refused with exit 1, nothing changed")
    func startPeriods() throws {
        #expect(try run(["units"]).status == 0)
        let t2 = try run(["start", "--unit", "resursenheten", "--year", "2021", "--period", "t2"])
        #expect(t2.status == 0)
        #expect(t2.stdout.contains("Startade Tertialrapport 2 (T2) 2021 för Resursenheten. Den utgår från verksamhetsplanen (VP) (T1 är inte påbörjad)"))
        let t1 = try run(["start", "--unit", "Resursenheten", "--year", "2021", "--period", "t1"])
        #expect(t1.status == 0)
        #expect(t1.stdout.contains("Den utgår från verksamhetsplanen (VP);"))
        #expect(try run(["units"]).stdout.contains("2021: VP komplett, T1 pågår, T2 pågår, VB komplett"))

        let before = try run(["export", "--unit", "resursenheten", "--year", "2021", "--format", "json"]).stdout
        for period in ["t1", "vb"] {
            let again = try run(["start", "--unit", "resursenheten", "--year", "2021", "--period", period])
            #expect(again.status == 1)
            #expect(again.stderr.contains("är redan påbörjad; inget har ändrats."))
        }
        let noCascade = try run(["start", "--unit", "resursenheten", "--year", "2022", "--period", "vp"])
        #expect(noCascade.status == 1)
        #expect(noCascade.stderr.contains("Nämndens mål för 2022 finns inte i databasen"))
        #expect(noCascade.stderr.contains("vp-tui import-text"))
        #expect(noCascade.stderr.contains("--year 2022"))
        let noPlan = try run(["start", "--unit", "resursenheten", "--year", "2030", "--period", "t1"])
        #expect(noPlan.status == 1)
        #expect(noPlan.stderr.contains("ingen plan för 2030"))
        #expect(noPlan.stderr.contains("Starta årets verksamhetsplan med \"vp-tui start\" och samma --unit och --year, --period vp."))
        #expect(try run(["export", "--unit", "resursenheten", "--year", "2021", "--format", "json"]).stdout == before)
    }

    @Test("Submit is refused with the gaps while incomplete, then marks inlämnad; twice, or reopen without a reason, is refused")
    func submitAndReopen() throws {
        #expect(try run(["start", "--unit", "resursenheten", "--year", "2021", "--period", "t1"]).status == 0)
        let refused = try run(["submit", "--unit", "resursenheten", "--year", "2021", "--period", "t1"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Tertialrapport 1 kan inte lämnas in: 13 punkter saknar något:"))
        #expect(refused.stderr.contains("- Avsnittet är tomt: Sammanfattande analys"))
        #expect(try run(["units"]).stdout.contains("T1 pågår"))
        let notStarted = try run(["submit", "--unit", "resursenheten", "--year", "2021", "--period", "t2"])
        #expect(notStarted.status == 1)
        #expect(notStarted.stderr.contains("Planen har ingen tertialrapport 2 (T2). Starta den med \"vp-tui start\" och samma --unit och --year, --period t2."))

        let submitted = try run(["submit", "--unit", "resursenheten", "--year", "2021", "--period", "vb"])
        #expect(submitted.status == 0)
        #expect(submitted.stdout.contains("Lämnade in Verksamhetsberättelse 2021 för Resursenheten (av testare,"))
        #expect(try run(["units"]).stdout.contains("VB inlämnad"))
        let bytes = try databaseBytes()
        let twice = try run(["submit", "--unit", "resursenheten", "--year", "2021", "--period", "vb"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("Verksamhetsberättelsen är redan inlämnad (av testare"))
        let noReason = try run(["reopen", "--unit", "resursenheten", "--year", "2021", "--period", "vb", "--reason", " "])
        #expect(noReason.status == 1)
        #expect(noReason.stderr.contains("Ange varför rapporten öppnas igen; skälet sparas i ändringsloggen. Inget har ändrats. Skriv skälet med --reason TEXT."))
        #expect(try databaseBytes() == bytes)

        let reopened = try run(["reopen", "--unit", "resursenheten", "--year", "2021", "--period", "vb", "--reason", "Fel siffra"])
        #expect(reopened.status == 0)
        #expect(try run(["units"]).stdout.contains("VB komplett"))
    }

    @Test("A year starts from the year --from names; without a plan that year it is refused and names --from; --from is only for vp")
    func startFromAnotherYear() throws {
        #expect(try run(["units"]).status == 0)
        try NextYearSeed.importBoardText(for: 2023, database: database, directory: Binary.temporaryDirectory())
        let before = try databaseBytes()
        let fromLastYear = try run(["start", "--unit", "resursenheten", "--year", "2023", "--period", "vp"])
        #expect(fromLastYear.status == 1)
        #expect(fromLastYear.stderr.contains("Enheten Resursenheten har ingen plan för 2022 att utgå från. Ange ett annat år att utgå från med --from."))
        let notVP = try run(["start", "--unit", "resursenheten", "--year", "2023", "--period", "t1", "--from", "2021"])
        #expect(notVP.status == 1)
        #expect(notVP.stderr.contains("--from gäller bara --period vp."))
        #expect(try databaseBytes() == before)

        let started = try run(["start", "--unit", "resursenheten", "--year", "2023", "--period", "vp", "--from", "2021"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout.contains("Startade verksamhetsplanen 2023 för Resursenheten från 2021:"))
        #expect(try run(["units"]).stdout.contains("2023: VP pågår, T1 ej påbörjad, T2 ej påbörjad, VB ej påbörjad"))
        let plan = try run(["export", "--unit", "resursenheten", "--year", "2023", "--period", "vp", "--format", "json"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("\"year\" : 2023"))
    }
}

