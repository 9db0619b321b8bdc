import Foundation
import PlanKitTestSupport
import Testing

/// The app started with a year but no unit: the refusal names what was asked, not an empty unit.
@Suite("The app asked for a year alone", .temporaryFolders)
struct AppWithoutUnitTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    @Test("--year with no plan says there is no plan that year and points to vp-tui units, not to --unit")
    func yearWithoutPlans() throws {
        try Binary.makeSamples(database)
        let result = try Binary.run(["--db", database, "--year", "2030"], environment: ["TERM": "xterm-256color"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Det finns ingen plan för 2030."), "\(result.stderr)")
        #expect(result.stderr.contains("Se \"vp-tui units\"."), "\(result.stderr)")
        #expect(!result.stderr.contains("Enheten  har"), "\(result.stderr)")
        #expect(!result.stderr.contains("--unit"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
