import ArgumentParser
import PlanKit
import Testing
@testable import VPCommandLine

/// One unit's export read without swift-argument-parser (`UnitExport(plainArguments:)`) reads
/// what the parser reads, and leaves everything else to it.
@Suite("One unit's export command line, read fast")
struct UnitExportTests {
    /// What swift-argument-parser makes of the arguments, if they export one unit's plan.
    private func parsed(_ arguments: [String]) -> UnitExport? {
        guard let command = try? VPTUI.parseAsRoot(arguments) else { return nil }
        return (command as? ExportCommand)?.unitExport
    }

    @Test("The export of one plan is read fast, as the parser reads it", arguments: [
        ["export", "--unit", "Resursenheten", "--year", "2021"],
        ["export", "--db", "/tmp/plan.sqlite", "--unit", "resursenheten", "--year", "2025", "--format", "json", "--output", "ut.json"],
        ["export", "--year", "2025", "--unit", "Vuxenenheten Hägersten", "--format", "markdown", "-o", "rapport.md", "--period", "T2"],
        ["export", "--unit", "x", "--year", "2024", "--format", "text", "--period", "vb"],
    ])
    func plain(arguments: [String]) throws {
        let fast = try #require(UnitExport(plainArguments: arguments))
        #expect(fast == parsed(arguments))
    }

    @Test("Help, the board's export and mistakes are left to the parser", arguments: [
        ["export"], ["export", "--help"], ["export", "-h"], ["export", "--unit", "x"], ["export", "--year", "2025"],
        ["export", "--namnd", "n", "--year", "2025"], ["export", "--unit", "x", "--year", "2025", "--avdelning", "a"],
        ["export", "--unit=x", "--year", "2025"], ["export", "--unit", "x", "--year", "tjugo"], ["export", "--unit", "x", "--year", "-1"],
        ["export", "--unit", "x", "--year", "2025", "--format", "pdf"], ["export", "--unit", "x", "--year", "2025", "--period", "q3"],
        ["export", "--unit", "a", "--unit", "b", "--year", "2025"], ["export", "--unit", "x", "--year", "2025", "-o", "a", "--output", "b"],
        ["export", "--unit", "", "--year", "2025"], ["export", "--unit", "x", "--year", "2025", "extra"], ["units"],
        ["--unit", "x", "--year", "2025"], ["export", "--unit", "x", "--year", "2025", "-o", "-"],
    ])
    func leftToTheParser(arguments: [String]) {
        #expect(UnitExport(plainArguments: arguments) == nil)
    }

    @Test("For thousands of export command lines made of its options and their mistakes, fast means the same as the parser")
    func sameAsTheParser() {
        let names = ["--db", "--unit", "--year", "--period", "--format", "--output", "-o", "--namnd", "--avdelning", "--okänd"]
        let values = ["plan.sqlite", "Resursenheten", "2021", "+2025", "99999", "vb", "T1", "json", "markdown", "text", "abc", "-5",
                      "--", "-h", "", "--db=x", "Ö", "ut.md"]
        var random = SplitMix64(seed: 7)
        func pick(_ list: [String]) -> String { list[Int(random.next() % UInt64(list.count))] }
        var readFast = 0
        for _ in 0..<4000 {
            var pairs: [[String]] = []
            if random.next() % 5 != 0 { pairs.append(["--unit", pick(values)]) }
            if random.next() % 5 != 0 { pairs.append(["--year", random.next() % 3 == 0 ? pick(values) : "2025"]) }
            for _ in 0..<Int(random.next() % 4) { pairs.append([pick(names), pick(values)]) }
            if random.next() % 6 == 0 { pairs.append([pick(names + values)]) }
            pairs.shuffle(using: &random)
            let arguments = ["export"] + pairs.flatMap { $0 }
            guard let fast = UnitExport(plainArguments: arguments) else { continue }
            readFast += 1
            #expect(fast == parsed(arguments), "\(arguments)")
        }
        // Enough of them were read fast for the comparison to mean something.
        #expect(readFast > 300)
    }
}
