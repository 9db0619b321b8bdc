import Foundation
import Testing
import PlanKitTestSupport

/// `vp-tui status` of a board whose unit names are short: the total line's "Totalt, 1 enhet"
/// is not cut to the width of the names.
@Suite("The status table's total line beside short names", .temporaryFolders)
struct StatusTotalLabelTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    @Test("At 80 columns the total line says Totalt, 1 enhet whole, and no line is longer")
    func totalWhole() throws {
        try Binary.makeSamples(database)
        let result = try Binary.run(["status", "--namnd", "Hägersten-Älvsjö stadsdelsnämnd", "--year", "2021", "--period", "vp",
                                     "--db", database], environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Totalt, 1 enhet ") }, "\(result.stdout)")
        #expect(!result.stdout.contains("…"), "\(result.stdout)")
        for line in lines { #expect(line.count <= 80, "\(line.count): \(line)") }
    }
}
