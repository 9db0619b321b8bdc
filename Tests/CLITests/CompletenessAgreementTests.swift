import Foundation
import PlanKitTestSupport
import Testing

/// One completeness answer: a new T1 of the sample lacks the same number of lines in the app's
/// header, its overview, `n` and `x`, and in `check`, `submit` and `export` (stderr and the
/// report's draft line), said in the same words everywhere.
@Suite("One count of what is missing, everywhere", .temporaryFolders)
struct CompletenessAgreementTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    func run(_ arguments: [String]) throws -> Binary.Result {
        try Binary.run(arguments + ["--unit", "resursenheten", "--year", "2021", "--period", "t1", "--db", database])
    }

    /// The number before "punkt(er) saknar något" in a text.
    func count(in text: String) -> Int? {
        guard let match = text.firstMatch(of: /(\d+) (punkt|punkter) saknar något/) else { return nil }
        return Int(match.1)
    }

    @Test("A new T1: the header, the overview, n, x, check, submit and export all give one number of lines")
    func allAgree() throws {
        try Binary.makeSamples(database)
        #expect(try run(["start"]).status == 0)

        let check = try run(["check"])
        #expect(check.status == 1)
        let checked = try #require(count(in: check.stdout), "\(check.stdout)")
        let listed = check.stdout.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(listed.count == checked)
        // A goal lacking both rating and analysis is one line that says both.
        #expect(listed.contains { $0.contains("Målet saknar bedömning och analys") })
        #expect(checked > 1)

        let submit = try run(["submit"])
        #expect(submit.status == 1)
        #expect(count(in: submit.stderr) == checked, "\(submit.stderr)")
        #expect(submit.stderr.split(separator: "\n").filter { $0.hasPrefix("- ") }.count == checked)

        let export = try run(["export", "--format", "markdown"])
        #expect(export.status == 0)
        #expect(count(in: export.stderr) == checked, "\(export.stderr)")
        #expect(export.stdout.contains("Utkast – \(checked) punkter saknar något"))

        let home = directory.appendingPathComponent("home")
        let command = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare '\(Binary.url.path)' --db '\(database)' "
            + "--unit resursenheten --year 2021 --period t1"
        let tmux = try TmuxSession(command: command, home: home, width: 100, height: 30)
        let header = try tmux.waitFor("Tertialrapport 1").split(separator: "\n").first.map(String.init) ?? ""
        #expect(count(in: header) == checked, "\(header)")

        try tmux.send("n")
        let jumped = try tmux.waitFor("saknar något)")
        #expect(jumped.contains("(\(checked) punkter saknar något)"))

        try tmux.send("o")
        let overview = try tmux.waitFor("Totalt")
        #expect(count(in: overview.split(separator: "\n").dropFirst().joined(separator: "\n")) == checked, "\(overview)")
        let total = try #require(overview.split(separator: "\n").first { $0.contains("Totalt") }.map(String.init))
        let numbers = try #require(total.firstMatch(of: /(\d+) av (\d+) klara/))
        #expect(Int(numbers.2)! - Int(numbers.1)! == checked, "\(total)")
        try tmux.send("Escape")

        try tmux.send("x")
        // A long message wraps over the rows above the status line: read as one text.
        let exported = try tmux.waitFor("Utkast –").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(exported.contains("Utkast – \(checked) punkter saknar något"), "\(exported)")
        try tmux.send("q")
    }
}
