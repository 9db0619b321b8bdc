import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport

/// `vp-tui status` as text fits the width of the terminal, or 80 columns when its output is not
/// one: names are cut or the department left out rather than lines wrapped.
@Suite("The status table fits the width", .serialized, .temporaryFolders)
struct StatusWidthTests {
    let directory = Binary.temporaryDirectory()

    /// A generated district whose second unit's rows are damaged, and its status as JSON.
    private func district() throws -> (database: String, lines: [[String: Any]], total: [String: Any]) {
        let database = directory.appendingPathComponent("distrikt.sqlite").path
        let made = try Binary.run(["generate", "--units", "12", "--years", "1", "--seed", "7", "--db", database])
        #expect(made.status == 0, "\(made.stderr)")
        let first = try Binary.run(["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "t1", "--format", "json",
                                    "--db", database])
        let victim = try #require((try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])?["lines"]
            as? [[String: Any]])[1]["unitID"] as! String
        try PlanStore.executeForTesting(path: database, sql: """
            UPDATE follow_up SET rating = 'kanske' WHERE rowid = (SELECT rowid FROM follow_up
            WHERE unit_id = '\(victim)' AND year = 2021 AND rating IS NOT NULL LIMIT 1)
            """)
        let result = try Binary.run(["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "t1", "--format", "json",
                                     "--db", database])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (database, object["lines"] as! [[String: Any]], object["total"] as! [String: Any])
    }

    @Test("At 80 columns, given or not a terminal: no line longer, every unit there, the total line whole",
          arguments: [[:], ["COLUMNS": "80"]])
    func eighty(environment: [String: String]) throws {
        let (database, units, total) = try district()
        let result = try Binary.run(["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "t1", "--db", database],
                                    environment: environment)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for line in lines { #expect(line.count <= 80, "\(line.count): \(line)") }
        #expect(!lines[1].contains("Avdelning"), "the department goes first")
        for unit in units {
            let name = unit["unit"] as! String
            #expect(lines.contains { $0.hasPrefix(name + " ") }, "\(name)\n\(result.stdout)")
        }
        // The damaged unit's message is wrapped below its line, not cut.
        let error = try #require(units.compactMap { $0["error"] as? String }.first)
        let victim = try #require(lines.firstIndex { $0.hasPrefix(units[1]["unit"] as! String) })
        let start = try #require(lines[victim].range(of: "kan inte läsas"))
        let message = ([String(lines[victim][start.lowerBound...])]
            + lines[(victim + 1)...].prefix { $0.hasPrefix(" ") }.map { $0.trimmingCharacters(in: .whitespaces) })
            .joined(separator: " ")
        #expect(message.split(separator: " ") == "kan inte läsas: \(error)".split(separator: " "), "\(result.stdout)")
        // The total line: the units, those ready, the gaps, the ratings and the deviations.
        let totalLine = try #require(lines.first { $0.hasPrefix("Totalt") }).split(separator: " ").map(String.init)
        let ratings = total["ratings"] as! [String: Int]
        let ready = units.filter { ["complete", "submitted"].contains($0["state"] as? String) }.count
        #expect(totalLine == ["Totalt,", "\(units.count)", "enheter", "\(ready)", "av", "\(units.count)", "klara",
                              "\(total["gaps"] as! Int)",
                              "\(ratings["fully"]!)/\(ratings["partly"]!)/\(ratings["not"]!)/\(ratings["unrated"]!)",
                              "\(total["deviations"] as! Int)"], "\(result.stdout)")
        #expect(lines.last?.hasPrefix("Läge: ") == true)
    }

    @Test("A wide terminal has the department and the four ratings, no wider than the table needs")
    func wide() throws {
        let (database, units, _) = try district()
        let result = try Binary.run(["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "t1", "--db", database],
                                    environment: ["COLUMNS": "300"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[1].split(separator: " ").prefix(2) == ["Enhet", "Avdelning"])
        #expect(lines[1].contains("Ej bedömd"))
        // The table as wide as its columns; only the damaged unit's message runs on.
        #expect(lines[1].count < 160 && lines.map(\.count).max()! <= 300, "\(result.stdout)")
        #expect(lines.filter { $0.count > lines[1].count }.allSatisfy { $0.contains("kan inte läsas") })
        for unit in units where unit["error"] == nil {
            #expect(lines.contains { $0.hasPrefix(unit["unit"] as! String) && $0.contains(unit["department"] as! String) })
        }
    }
}
