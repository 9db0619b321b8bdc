import Foundation
import PlanKitTestSupport
import Testing

/// A refusal about a unit names it as the person knows it, by its name, whether the command
/// line gave its name or its id.
@Suite("Refusals name the unit by its name", .temporaryFolders)
struct UnitNamedInRefusalsTests {
    let database = Binary.temporaryDirectory().appendingPathComponent("plan.sqlite").path

    init() throws { try Binary.makeSamples(database) }

    func run(_ arguments: [String]) throws -> Binary.Result {
        try Binary.run(arguments + ["--db", database], environment: ["TERM": "xterm"])
    }

    @Test("A year without a plan is refused naming Resursenheten, not resursenheten", arguments: [
        ["--unit", "Resursenheten", "--year", "2031"],
        ["--unit", "resursenheten", "--year", "2031", "--period", "vb"],
        ["check", "--unit", "resursenheten", "--year", "2031", "--period", "vb"],
        ["export", "--unit", "resursenheten", "--year", "2031"],
        ["export", "--unit", "RESURSENHETEN", "--year", "2031", "--format", "markdown"],
        ["start", "--unit", "resursenheten", "--year", "2031", "--period", "t1"],
        ["submit", "--unit", "resursenheten", "--year", "2031", "--period", "vb"],
        ["reopen", "--unit", "resursenheten", "--year", "2031", "--period", "vb", "--reason", "Fel siffra"],
        ["carry-over", "--unit", "resursenheten", "--year", "2031"],
    ])
    func noPlanNamesTheUnit(arguments: [String]) throws {
        let refused = try run(arguments)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Enheten Resursenheten har ingen plan för 2031."), "\(refused.stderr)")
        #expect(!refused.stderr.contains("resursenheten"), "\(refused.stderr)")
    }

    @Test("A year to start from that has no plan is refused naming the unit")
    func nothingToStartFromNamesTheUnit() throws {
        try NextYearSeed.importBoardText(for: 2023, database: database, directory: Binary.temporaryDirectory())
        let refused = try run(["start", "--unit", "resursenheten", "--year", "2023", "--period", "vp", "--from", "2019"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Enheten Resursenheten har ingen plan för 2019 att utgå från."), "\(refused.stderr)")
    }
}
