import Foundation
import Testing

/// A mistyped command is said to be no command, with the commands listed, rather than taken as
/// an unexpected argument of the app.
@Suite("A command that does not exist")
struct UnknownCommandTests {
    @Test("vp-tui exprot names the word, lists the commands and exits 64; a command's own mistakes stay as they were",
          arguments: ["exprot", "frobnicate"])
    func unknown(word: String) throws {
        let result = try Binary.run([word, "--unit", "resursenheten", "--year", "2021"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\"\(word)\" är inget kommando"), "\(result.stderr)")
        #expect(result.stderr.contains("export, check, status"), "\(result.stderr)")
        #expect(!result.stderr.contains("Oväntat argument"), "\(result.stderr)")
    }

    @Test("An unexpected argument after a command is still said as such")
    func afterCommand() throws {
        let result = try Binary.run(["units", "extra"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Oväntat argument 'extra'"), "\(result.stderr)")
    }
}
