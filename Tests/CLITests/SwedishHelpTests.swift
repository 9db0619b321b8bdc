import Foundation
import Testing

/// swift-argument-parser's own words (help headings, its messages about a command line it
/// cannot read) reach the person in Swedish, with the exit statuses it gives.
@Suite("Help and command-line mistakes in Swedish")
struct SwedishHelpTests {
    /// English words of swift-argument-parser that must not be left in what the person reads.
    static let english = ["OVERVIEW", "USAGE", "OPTIONS", "SUBCOMMANDS", "ARGUMENTS", "Show help information", "(default",
                          "default:", "values:", "See '", "Error:", "Usage:", "Help:", "Missing", "Unknown option",
                          "Unexpected", "is invalid", "Please provide", " or '", "<subcommand>", "PATH"]

    static func englishLeft(in text: String) -> [String] {
        english.filter { text.contains($0) }
    }

    @Test("Every command's help is Swedish, on standard output, with status 0", arguments: [
        ["--help"], ["help"], ["export", "--help"], ["help", "export"], ["import", "--help"], ["import-text", "--help"],
        ["check", "--help"], ["units", "--help"], ["generate", "--help"], ["app", "--help"], ["-h"],
        ["grant", "--help"], ["revoke", "--help"], ["copy", "--help"],
    ])
    func helpIsSwedish(arguments: [String]) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("ÖVERSIKT: "))
        #expect(result.stdout.contains("ANROP: vp-tui"))
        #expect(result.stdout.contains("FLAGGOR:"))
        #expect(result.stdout.contains("Visa hjälpen."))
        #expect(Self.englishLeft(in: result.stdout) == [], "\(arguments)")
    }

    @Test("A mistake on the command line is named in Swedish on standard error, with status 64", arguments: [
        (["export", "--year", "2021"], "Fel: Ange antingen en enhet med --unit eller en nämnd eller avdelning med --namnd/--avdelning."),
        (["export", "--unit", "resursenheten", "--year", "tjugo"], "Fel: Värdet 'tjugo' går inte att använda för '--year <ÅR>'"),
        (["export", "--unit", "resursenheten", "--year", "2021", "--period", "vt"],
         "Välj ett av 'vp', 't1', 't2' eller 'vb'."),
        (["units", "--dbb", "x"], "Fel: Okänd flagga '--dbb'"),
        (["units", "extra"], "Fel: Oväntat argument 'extra'"),
        (["export", "--unit"], "Fel: Värdet saknas för '--unit <ENHET>'"),
    ])
    func mistakesAreSwedish(arguments: [String], message: String) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("Anrop: vp-tui"))
        #expect(Self.englishLeft(in: result.stderr) == [], "\(arguments): \(result.stderr)")
    }
}
