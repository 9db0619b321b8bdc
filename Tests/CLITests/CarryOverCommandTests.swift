import Foundation
import Testing
import PlanKit
import PlanKitTestSupport

/// `vp-tui carry-over`: the list of what starting the year carried over, placing and letting go.
@Suite("The carry-over list on the command line", .temporaryFolders)
struct CarryOverCommandTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    func run(_ arguments: [String]) throws -> Binary.Result {
        try Binary.run(["carry-over", "--unit", "resursenheten", "--year", "2022"] + arguments + ["--db", database])
    }

    /// 2022 started from the samples' 2021 with the nämndmål above the first own goal reworded:
    /// that goal waits; returns its id and old nämndmål's title.
    func startWithOneWaiting() throws -> (goal: String, oldParent: String) {
        try Binary.makeSamples(database)
        let store = try PlanStore(path: database, login: "testare")
        let plan = try store.loadPlan(PlanRef(unitID: "resursenheten", year: 2021))
        let goal = try #require(plan.items["re-2021-em-01"])
        let parent = try #require(goal.parentID.flatMap { plan.items[$0] })
        try NextYearSeed.importFor2022(database: database, directory: directory, rewording: parent.title)
        let started = try Binary.run(["start", "--unit", "resursenheten", "--year", "2022", "--period", "vp", "--db", database])
        #expect(started.status == 0, "\(started.stderr)")
        return (goal.id, parent.title)
    }

    @Test("Without options it lists each item with its state and id, and the nämndmål to place under while one waits")
    func list() throws {
        let (goal, oldParent) = try startWithOneWaiting()
        let listed = try run([])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("1 behöver ett beslut."))
        #expect(listed.stdout.contains("- Placera: Enhetsmål \"Gruppen är en tillgång"))
        #expect(listed.stdout.contains("[\(goal)]; förra året under \"\(oldParent)\""))
        #expect(listed.stdout.contains("- Följde med: Enhetsmål"))
        #expect(listed.stdout.contains("Årets nämndmål att placera under"))
        #expect(listed.stdout.contains("] \(NextYearSeed.newTitle)"))
    }

    @Test("--place ITEM --under GOAL places the waiting goal with what stood under it, in the edit log; twice is refused")
    func place() throws {
        let (goal, _) = try startWithOneWaiting()
        let next = PlanRef(unitID: "resursenheten", year: 2022)
        let before = try PlanStore(path: database, login: "testare").loadPlan(next)
        #expect(!before.items.values.contains { $0.title.hasPrefix("Gruppen är en tillgång") })
        let placed = try run(["--place", goal, "--under", NextYearSeed.newTitle])
        #expect(placed.status == 0, "\(placed.stderr)")
        #expect(placed.stdout.contains("Placerade enhetsmål \"Gruppen är en tillgång"))
        let store = try PlanStore(path: database, login: "testare")
        let plan = try store.loadPlan(next)
        let newGoal = try #require(plan.items.values.first { $0.title.hasPrefix("Gruppen är en tillgång") })
        #expect(plan.items[newGoal.parentID ?? ""]?.title == NextYearSeed.newTitle)
        #expect(try store.carryOver(next).allSatisfy { !$0.needsDecision })
        #expect(try store.history(next).contains { $0.note == "placerad \(goal)" && $0.login == "testare" })
        #expect(try run([]).stdout.contains("0 behöver ett beslut."))

        let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        let twice = try run(["--place", goal, "--under", NextYearSeed.newTitle])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("väntar inte på något beslut; inget har ändrats."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == bytes)
    }

    @Test("--drop lets the waiting goal go; unknown items, goals and mixed options are refused with exit 1 and nothing changed")
    func dropAndBadInput() throws {
        let (goal, _) = try startWithOneWaiting()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        let unknown = try run(["--drop", "finns-inte"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("Det finns ingen överförd post \"finns-inte\"; inget har ändrats."))
        let noGoal = try run(["--place", goal, "--under", "Ett mål som inte finns"])
        #expect(noGoal.status == 1)
        #expect(noGoal.stderr.contains("Det finns inget nämndmål \"Ett mål som inte finns\" i årets plan"))
        let both = try run(["--place", goal, "--drop", goal])
        #expect(both.status != 0)
        #expect(both.stderr.contains("Ange antingen --place eller --drop, inte båda."))
        let noUnder = try run(["--place", goal])
        #expect(noUnder.status != 0)
        #expect(noUnder.stderr.contains("--place POST --under NÄMNDMÅL"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == bytes)

        let dropped = try run(["--drop", goal])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        #expect(dropped.stdout.contains("Släppte enhetsmål \"Gruppen är en tillgång"))
        let listed = try run([]).stdout
        #expect(listed.contains("- Släppt: Enhetsmål \"Gruppen är en tillgång"))
        #expect(listed.contains("0 behöver ett beslut."))
        #expect(!listed.contains("Årets nämndmål att placera under"))
        #expect(try PlanStore(path: database, login: "testare").history(PlanRef(unitID: "resursenheten", year: 2022))
            .contains { $0.note == "släppt \(goal)" })
        let again = try run(["--drop", goal])
        #expect(again.status == 1 && again.stderr.contains("Bara en post som väntar på att placeras kan släppas"))
    }

    @Test("A plan not started from an earlier year says there is nothing carried over")
    func nothingCarried() throws {
        try Binary.makeSamples(database)
        let result = try Binary.run(["carry-over", "--unit", "resursenheten", "--year", "2021", "--db", database])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Inget fördes över till verksamhetsplanen 2021 för Resursenheten"))
    }
}
