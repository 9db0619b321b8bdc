import Foundation
import Testing

/// The help says each thing once and in one way: what is required looks required, the allowed
/// values are listed once (the parser's own list), and a default is always "standard".
@Suite("The help's wording")
struct HelpWordingTests {
    static let commands: [[String]] = [
        ["export"], ["import"], ["import-text"], ["check"], ["status"], ["units"], ["generate"], ["app"], ["start"], ["submit"],
        ["reopen"], ["carry-over"], ["grant"], ["revoke"], ["copy"],
    ]

    @Test("No help says \"förvalt\" or lists the periods beside the parser's list", arguments: commands)
    func oneWordForDefaults(command: [String]) throws {
        let help = try Binary.run(command + ["--help"]).stdout
        #expect(!help.contains("förvalt:") && !help.contains("(förvalt)"), "\(help)")
        #expect(!help.contains("vp, t1, t2 eller vb"), "\(help)")
        #expect(!help.contains("json, markdown eller text") && !help.contains("text eller json."), "\(help)")
    }

    @Test("reopen shows --reason as required, and without it says so in Swedish with status 64")
    func reasonRequired() throws {
        let help = try Binary.run(["reopen", "--help"]).stdout
        #expect(help.contains("--period <PERIOD> --reason <TEXT> [--db <DATABAS>]"), "\(help)")
        #expect(!help.contains("[--reason"), "\(help)")
        let missing = try Binary.run(["reopen", "--unit", "resursenheten", "--year", "2021", "--period", "vb"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Fel: Argumentet '--reason <TEXT>' saknas"), "\(missing.stderr)")
    }
}
