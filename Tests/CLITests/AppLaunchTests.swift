import ArgumentParser
import PlanKit
import Testing
@testable import VPCommandLine

/// The app's command line read without swift-argument-parser (`AppLaunch(plainArguments:)`)
/// reads what the parser reads, and leaves everything else to it.
@Suite("The app's command line, read fast")
struct AppLaunchTests {
    /// What swift-argument-parser makes of the arguments, if they start the app.
    private func parsed(_ arguments: [String]) -> AppLaunch? {
        guard let command = try? VPTUI.parseAsRoot(arguments) else { return nil }
        return (command as? AppCommand)?.launch
    }

    @Test("The command lines a person types every day are read fast, as the parser reads them", arguments: [
        [],
        ["--unit", "Resursenheten", "--year", "2021", "--period", "vb"],
        ["--db", "/tmp/plan.sqlite", "--unit", "resursenheten", "--year", "2021", "--period", "VB", "--compact"],
        ["--compact", "--period", "t2", "--db", "plan med mellanslag.sqlite"],
        ["--year", "2025"],
        ["--unit", "Vuxenenheten Hägersten"],
    ])
    func everyday(arguments: [String]) throws {
        let fast = try #require(AppLaunch(plainArguments: arguments))
        #expect(fast == parsed(arguments))
    }

    @Test("Help, commands and mistakes are left to the parser", arguments: [
        ["--help"], ["-h"], ["app"], ["units"], ["export", "--unit", "x"], ["--db=/tmp/x"], ["--unit"],
        ["--year", "tjugo"], ["--year", "-1"], ["--period", "q3"], ["--unit", "a", "--unit", "b"], ["--compact", "--compact"],
        ["--unit", ""], ["--db", "--unit", "x"], ["--okänd"], ["--unit", "x", "extra"], ["--compact=true"],
    ])
    func leftToTheParser(arguments: [String]) {
        #expect(AppLaunch(plainArguments: arguments) == nil)
    }

    @Test("VP_TUI_COMPACT starts the compact view unless it is empty or 0; --compact always does")
    func compactFromTheEnvironment() throws {
        let plain = try #require(AppLaunch(plainArguments: []))
        let flagged = try #require(AppLaunch(plainArguments: ["--compact"]))
        #expect(!plain.startsCompact(environment: [:]))
        #expect(plain.startsCompact(environment: ["VP_TUI_COMPACT": "1"]))
        #expect(plain.startsCompact(environment: ["VP_TUI_COMPACT": "ja"]))
        #expect(!plain.startsCompact(environment: ["VP_TUI_COMPACT": "0"]))
        #expect(!plain.startsCompact(environment: ["VP_TUI_COMPACT": " "]))
        #expect(flagged.startsCompact(environment: [:]))
        #expect(flagged.startsCompact(environment: ["VP_TUI_COMPACT": "0"]))
    }

    @Test("For thousands of command lines made of the app's options and their mistakes, fast means the same as the parser")
    func sameAsTheParser() {
        let pieces = ["--db", "--unit", "--year", "--period", "--compact", "plan.sqlite", "Resursenheten", "2021", "+7",
                      "vb", "T1", "vp", "abc", "-5", "--", "-h", "app", "", "--db=x", "Ö"]
        var random = SplitMix64(seed: 6)
        var readFast = 0
        for _ in 0..<3000 {
            let count = Int(random.next() % 8)
            let arguments = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            guard let fast = AppLaunch(plainArguments: arguments) else { continue }
            readFast += 1
            #expect(fast == parsed(arguments), "\(arguments)")
        }
        // Enough of them were read fast for the comparison to mean something.
        #expect(readFast > 100)
    }
}
