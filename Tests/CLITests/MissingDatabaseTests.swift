import Foundation
import PlanKitTestSupport
import Testing

/// A command given a database file that does not exist says so and makes nothing: a misspelt
/// path would otherwise be read as a new database of sample plans.
@Suite("A named database that does not exist", .temporaryFolders)
struct MissingDatabaseTests {
    let directory = Binary.temporaryDirectory()
    var missing: String { directory.appendingPathComponent("plna.sqlite").path }

    static let commands: [[String]] = [
        ["units"],
        ["export", "--unit", "resursenheten", "--year", "2021"],
        ["export", "--unit", "resursenheten", "--year", "2021", "--format", "markdown"],
        ["export", "--namnd", "Barn- och utbildningsnämnden", "--year", "2021"],
        ["check", "--unit", "resursenheten", "--year", "2021", "--period", "VP"],
        ["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "VP"],
        ["start", "--unit", "resursenheten", "--year", "2021", "--period", "T1"],
    ]

    private func expectRefused(_ result: Binary.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("Databasen \(missing) finns inte"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, sourceLocation: sourceLocation)
    }

    @Test("--db naming a missing file is refused with exit 2, naming the path", arguments: commands)
    func namedWithOption(command: [String]) throws {
        try expectRefused(try Binary.run(command + ["--db", missing], environment: ["XDG_DATA_HOME": directory.path]))
    }

    @Test("VP_TUI_DB naming a missing file is refused the same way", arguments: commands)
    func namedInEnvironment(command: [String]) throws {
        try expectRefused(try Binary.run(command, environment: ["VP_TUI_DB": missing, "XDG_DATA_HOME": directory.path]))
    }

    @Test("The default database is still made with the samples on a first run")
    func defaultIsMade() throws {
        let result = try Binary.run(["units"], environment: ["XDG_DATA_HOME": directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("med exempelplanerna"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("vp-tui/plan.sqlite").path))
    }
}
