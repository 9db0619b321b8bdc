import Foundation
import PlanKitTestSupport
import Testing

/// A terminal the app cannot draw in: it says so in Swedish, exits non-zero and writes nothing
/// to the terminal itself.
@Suite("A terminal vp-tui cannot use", .temporaryFolders)
struct UnusableTerminalTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    @Test("TERM=dumb, an unknown TERM and no TERM at all are each explained in Swedish", arguments: [
        ("dumb", "TERM=dumb"), ("finns-inte-9000", "TERM=finns-inte-9000"), (nil, "TERM är inte satt"),
    ] as [(String?, String)])
    func explained(term: String?, expected: String) throws {
        var environment = ["HOME": directory.path]
        if let term { environment["TERM"] = term }
        let result = try Binary.run(["--db", database], environment: environment)
        #expect(result.status != 0)
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Starta vp-tui i ett vanligt terminalfönster"), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("cannotOpenTerminal"))
        // Nothing was sent to the terminal (no escape sequence, no text), nothing was created.
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout.debugDescription)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }
}
