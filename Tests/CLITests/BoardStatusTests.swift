import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport

/// `vp-tui status` and the roll-up export, checked against counts made from each unit's own
/// JSON export and from `vp-tui check`, on the samples and on a small generated district.
@Suite("The board's view on the command line", .serialized, .temporaryFolders)
struct BoardStatusTests {
    let directory = Binary.temporaryDirectory()
    var samples: String { directory.appendingPathComponent("plan.sqlite").path }

    private func json(_ arguments: [String]) throws -> (status: Int32, object: [String: Any]) {
        let result = try Binary.run(arguments)
        #expect(result.stderr.isEmpty || result.stderr.hasPrefix("Skapade"), "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (result.status, try #require(object, "\(result.stdout.prefix(500))"))
    }

    /// Every status line and the total against the units' own exports and `check`.
    private func checkStatus(database: String, board: String, year: Int, period: String) throws -> [String: UnitExportCounts] {
        let (status, object) = try json(["status", "--namnd", board, "--year", "\(year)", "--period", period, "--format", "json", "--db", database])
        let lines = try #require(object["lines"] as? [[String: Any]])
        #expect(!lines.isEmpty)
        var counts: [String: UnitExportCounts] = [:]
        var allDone = true
        var totalGaps = 0, totalDeviations = 0
        var totalRatings: [String: Int] = [:]
        for line in lines {
            let unit = line["unitID"] as! String
            let own = try UnitExportCounts.export(unit: unit, year: year, period: period, database: database)
            counts[unit] = own
            let ratings = line["ratings"] as! [String: Int]
            for key in ["fully", "partly", "not", "unrated"] {
                #expect(ratings[key] == own.ratings[key] ?? 0, "\(unit) \(key)")
                totalRatings[key, default: 0] += own.ratings[key] ?? 0
            }
            #expect(line["deviations"] as? Int == own.deviations, "\(unit) avvikelser")
            let gaps = try UnitExportCounts.checkGaps(unit: unit, year: year, period: period, database: database)
            #expect(line["gaps"] as? Int == gaps, "\(unit) saknas")
            let state = line["state"] as? String
            #expect((state == "complete" || state == "submitted") == (gaps == 0), "\(unit) \(state ?? "-")")
            allDone = allDone && gaps == 0
            totalGaps += gaps
            totalDeviations += own.deviations
        }
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["units"] as? Int == lines.count)
        #expect(total["gaps"] as? Int == totalGaps)
        #expect(total["deviations"] as? Int == totalDeviations)
        #expect(total["ratings"] as? [String: Int] == totalRatings)
        #expect(status == (allDone ? 0 : 1))
        return counts
    }

    /// The roll-up's counts under each nämndmål against the same exports.
    private func checkRollup(database: String, board: String, year: Int, period: String, counts: [String: UnitExportCounts]) throws {
        let (status, rollup) = try json(["export", "--namnd", board, "--year", "\(year)", "--period", period, "--format", "json", "--db", database])
        #expect(status == 0)
        let reporting = counts.filter { $0.value.periods.contains(period) }
        #expect(Set((rollup["units"] as! [[String: Any]]).map { $0["id"] as! String }) == Set(reporting.keys))
        let goals = try #require(rollup["goals"] as? [[String: Any]])
        var boardGoals = 0
        for goal in goals {
            let id = goal["id"] as! String
            if goal["level"] as? String == "boardGoal" {
                boardGoals += 1
                let ratings = goal["ratings"] as! [String: Int]
                for key in ["fully", "partly", "not", "unrated"] {
                    let expected = reporting.values.map { $0.ratingsByBoardGoal[id]?[key] ?? 0 }.reduce(0, +)
                    #expect(ratings[key] == expected, "\(id) \(key)")
                }
                let byRating = goal["unitsByRating"] as! [String: [String]]
                #expect(byRating.values.map(\.count).reduce(0, +) == ratings.values.reduce(0, +))
            }
            for activity in goal["activities"] as? [[String: Any]] ?? [] {
                let activityID = activity["id"] as! String
                let statuses = reporting.values.compactMap { $0.boardActivityStatus[activityID] }
                guard !statuses.isEmpty || goal["level"] as? String == "boardGoal" else { continue }
                let counted = activity["statuses"] as! [String: Int]
                #expect(activity["units"] as? Int == statuses.count, "\(activityID)")
                for (key, name) in [("notStarted", "notStarted"), ("ongoing", "ongoing"), ("done", "done"),
                                    ("deviation", "deviation"), ("noStatus", "none")] {
                    #expect(counted[key] == statuses.filter { $0 == name }.count, "\(activityID) \(key)")
                }
                #expect((activity["deviations"] as! [Any]).count == counted["deviation"])
            }
            for indicator in goal["indicators"] as? [[String: Any]] ?? [] {
                let indicatorID = indicator["id"] as! String
                let outcomes = reporting.values.compactMap { $0.boardIndicatorOutcome[indicatorID] }.compactMap { $0 }
                let summary = indicator["summary"] as! [String: Any]
                #expect(summary["units"] as? Int == outcomes.count, "\(indicatorID)")
                switch indicator["consolidation"] as? String {
                case "sum": expectClose(summary["value"] as? Double, outcomes.isEmpty ? nil : outcomes.reduce(0, +))
                case "mean":
                    // The mean keeps two decimals more than the most precise outcome, rounded.
                    let decimals = (outcomes.map(decimalPlaces).max() ?? 0) + 2
                    expectClose(summary["value"] as? Double, outcomes.isEmpty ? nil : outcomes.reduce(0, +) / Double(outcomes.count),
                                within: 0.5 * pow(10, -Double(decimals)))
                default: expectClose(summary["min"] as? Double, outcomes.min()); expectClose(summary["max"] as? Double, outcomes.max())
                }
            }
        }
        #expect(boardGoals > 0)
    }

    /// Decimals in the shortest text of a number read from JSON: 85.5 has one, 85 none.
    private func decimalPlaces(_ value: Double) -> Int {
        let text = "\(value)"
        guard let point = text.firstIndex(of: "."), !text.contains("e") else { return 0 }
        let fraction = text[text.index(after: point)...]
        return fraction == "0" ? 0 : fraction.count
    }

    private func expectClose(_ actual: Double?, _ expected: Double?, within rounding: Double = 0) {
        switch (actual, expected) {
        case (nil, nil): break
        case let (actual?, expected?):
            #expect(abs(actual - expected) <= rounding + 1e-9 * max(1, abs(expected)), "\(actual) ≠ \(expected)")
        default: Issue.record("\(String(describing: actual)) ≠ \(String(describing: expected))")
        }
    }

    @Test("Samples: status lines and roll-up counts agree with the unit's own export and check")
    func sampleBoard() throws {
        try Binary.makeSamples(samples)
        for period in ["vp", "vb"] {
            let counts = try checkStatus(database: samples, board: "hagersten-alvsjo", year: 2021, period: period)
            try checkRollup(database: samples, board: "Hägersten-Älvsjö stadsdelsnämnd", year: 2021, period: period, counts: counts)
        }
        let text = try Binary.run(["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "vb", "--db", samples],
                                  environment: ["COLUMNS": "200"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Resursenheten  Förskoleavdelningen  komplett"), "\(text.stdout)")
        #expect(text.stdout.contains("Totalt"))
    }

    @Test("A generated district: every unit's line and the roll-up agree with the units' own exports")
    func generatedDistrict() throws {
        let database = directory.appendingPathComponent("distrikt.sqlite").path
        let made = try Binary.run(["generate", "--units", "7", "--years", "1", "--seed", "5", "--db", database])
        #expect(made.status == 0, "\(made.stderr)")
        for period in ["t2", "vb"] {
            let counts = try checkStatus(database: database, board: "hagersten-alvsjo", year: 2021, period: period)
            #expect(counts.count == 7)
            try checkRollup(database: database, board: "hagersten-alvsjo", year: 2021, period: period, counts: counts)
        }
        // A department shows only its own units, and says so in the text table.
        let department = try Binary.run(["status", "--avdelning", "hagersten-alvsjo-forskola", "--year", "2021", "--period", "t2",
                                         "--db", database])
        let whole = try json(["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "t2", "--format", "json", "--db", database])
        let preschools = (whole.object["lines"] as! [[String: Any]]).filter { $0["departmentID"] as? String == "hagersten-alvsjo-forskola" }
        for line in preschools { #expect(department.stdout.contains(line["unit"] as! String)) }
        #expect(department.stdout.contains(preschools.count == 1 ? "1 enhet" : "\(preschools.count) enheter"))
    }

    @Test("A unit whose rows are damaged is listed with its error and the others still show")
    func damagedUnit() throws {
        let database = directory.appendingPathComponent("skadad.sqlite").path
        #expect(try Binary.run(["generate", "--units", "3", "--years", "1", "--seed", "2", "--db", database]).status == 0)
        let before = try json(["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "t1", "--format", "json", "--db", database])
        let lines = before.object["lines"] as! [[String: Any]]
        let victim = lines[1]["unitID"] as! String
        try PlanStore.executeForTesting(path: database, sql: """
            UPDATE follow_up SET rating = 'kanske' WHERE rowid = (SELECT rowid FROM follow_up
            WHERE unit_id = '\(victim)' AND year = 2021 AND rating IS NOT NULL LIMIT 1)
            """)
        let result = try Binary.run(["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "t1", "--db", database],
                                    environment: ["COLUMNS": "200"])
        #expect(result.status == 1)
        let victimName = lines[1]["unit"] as! String
        let victimLine = result.stdout.split(separator: "\n").first { $0.hasPrefix(victimName) }
        #expect(victimLine?.contains("kan inte läsas") == true, "\(result.stdout)")
        #expect(victimLine?.contains("\"kanske\"") == true)
        for line in [lines[0], lines[2]] { #expect(result.stdout.contains(line["unit"] as! String)) }
        let after = try json(["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "t1", "--format", "json", "--db", database])
        let afterLines = after.object["lines"] as! [[String: Any]]
        #expect(afterLines[0]["gaps"] as? Int == lines[0]["gaps"] as? Int)
        #expect(afterLines[1]["error"] is String)
        let rollup = try json(["export", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "t1", "--format", "json", "--db", database])
        #expect((rollup.object["damaged"] as! [[String: Any]]).count == 1)
        #expect((rollup.object["units"] as! [Any]).count == 2)
    }

    @Test("Bad input: unknown board or department, a year or period no unit has, a board with no units")
    func badInput() throws {
        try Binary.makeSamples(samples)
        let base = ["--year", "2021", "--period", "vb", "--db", samples]
        let board = try Binary.run(["status", "--namnd", "Bromma"] + base)
        #expect(board.status == 2)
        #expect(board.stderr.contains("Nämnden \"Bromma\" finns inte i databasen. Nämnder i databasen: Hägersten-Älvsjö stadsdelsnämnd."))
        let department = try Binary.run(["status", "--avdelning", "Skolavdelningen"] + base)
        #expect(department.status == 2)
        #expect(department.stderr.contains("Avdelningen \"Skolavdelningen\" finns inte"))
        let year = try Binary.run(["status", "--namnd", "hagersten-alvsjo", "--year", "1999", "--period", "vb", "--db", samples])
        #expect(year.status == 2)
        #expect(year.stderr.contains("Ingen enhet under Hägersten-Älvsjö stadsdelsnämnd har en plan för 1999. Planer finns för 2021."))
        let period = try Binary.run(["export", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "t1", "--format", "text", "--db", samples])
        #expect(period.status == 2)
        #expect(period.stderr.contains("har tertialrapport 1 (T1) för 2021"))
        #expect(period.stdout.isEmpty)
        let neither = try Binary.run(["status", "--year", "2021", "--period", "vb", "--db", samples])
        #expect(neither.status == 2)
        #expect(neither.stderr.contains("Ange en nämnd eller en avdelning. Välj med --namnd NÄMND eller --avdelning AVDELNING."))

        let empty = #"{"format":"vp-tui-plan","version":1,"organisations":[{"id":"bromma","kind":"board","name":"Bromma stadsdelsnämnd","parent":"stockholm"}]}"#
        let file = directory.appendingPathComponent("bromma.json")
        try Data(empty.utf8).write(to: file)
        #expect(try Binary.run(["import", file.path, "--db", samples]).status == 0)
        let noUnits = try Binary.run(["status", "--namnd", "bromma"] + base)
        #expect(noUnits.status == 2)
        #expect(noUnits.stderr.contains("Bromma stadsdelsnämnd har inga enheter."))
        let wrongBoard = try Binary.run(["status", "--namnd", "bromma", "--avdelning", "hagersten-alvsjo-forskola"] + base)
        #expect(wrongBoard.status == 2)
        #expect(wrongBoard.stderr.contains("Avdelningen Förskoleavdelningen hör inte till Bromma stadsdelsnämnd."))
    }

    @Test("The roll-up as Markdown and text: the board's goals in cascade order, written whole to a file")
    func rollupReport() throws {
        try Binary.makeSamples(samples)
        let markdown = try Binary.run(["export", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "vb", "--format", "markdown", "--db", samples])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Sammanställning verksamhetsberättelse 2021 – Hägersten-Älvsjö stadsdelsnämnd"))
        #expect(markdown.stdout.contains("Underlag: 1 av 1 enheter har verksamhetsberättelse 2021."))
        #expect(markdown.stdout.contains("| Uppfylls helt | "))
        #expect(markdown.stdout.contains("Resursenheten – Enhetsmål: "))
        // The cascade's order: the first nämndmål of the unit's own report comes first here too.
        let unitReport = try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "--period", "vb", "--format", "markdown", "--db", samples])
        let firstBoardGoal = try #require(unitReport.stdout.split(separator: "\n").first { $0.hasPrefix("##### Nämndmål: ") })
        let boardGoalsInRollup = markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("##### Nämndmål: ") }
        #expect(boardGoalsInRollup.count > 1)
        let position = try #require(boardGoalsInRollup.firstIndex(of: firstBoardGoal))
        let unitsFirstGoalIndex = boardGoalsInRollup.firstIndex { goal in unitReport.stdout.contains(goal) }
        #expect(unitsFirstGoalIndex == position)

        let output = directory.appendingPathComponent("sammanstallning.txt").path
        let text = try Binary.run(["export", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "vb", "--format", "text", "-o", output, "--db", samples])
        #expect(text.status == 0)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("Sammanställning verksamhetsberättelse 2021"))
        #expect(written.contains("Enheternas sammanfattande analyser"))
    }

    @Test("How an indicator consolidates is stored: changing it changes the summary")
    func storedConsolidation() throws {
        let database = directory.appendingPathComponent("summa.sqlite").path
        #expect(try Binary.run(["generate", "--units", "4", "--years", "1", "--seed", "9", "--db", database]).status == 0)
        let arguments = ["export", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "vb", "--format", "json", "--db", database]
        func indicators() throws -> [[String: Any]] {
            try json(arguments).object["goals"].flatMap { $0 as? [[String: Any]] }!.flatMap { $0["indicators"] as? [[String: Any]] ?? [] }
        }
        let percent = try #require(try indicators().first { $0["measureUnit"] as? String == "%" })
        #expect(percent["consolidation"] as? String == "mean")
        let id = percent["id"] as! String
        try PlanStore.executeForTesting(path: database, sql: "UPDATE item SET consolidation = 'range' WHERE id = '\(id)'")
        let changed = try #require(try indicators().first { $0["id"] as? String == id })
        #expect(changed["consolidation"] as? String == "range")
        let outcomes = (changed["outcomes"] as! [[String: Any]]).compactMap { $0["outcome"] as? Double }
        let summary = changed["summary"] as! [String: Any]
        expectClose(summary["min"] as? Double, outcomes.min())
        expectClose(summary["max"] as? Double, outcomes.max())
    }
}
