import Foundation
import Testing
@testable import PlanTextImport
import PlanKit

/// Every seed and fixture, and every layout variant of it, must give the same cascade: counts,
/// titles, numbers, texts, indicator values and dates, list items with their dashes (where the
/// bullets were removed, the indentation they leave makes the items).
@Suite("import-text on layouts it has not seen: each variant of each text gives the same cascade")
struct TextImportLayoutTests {
    static let documents = [TextSeeds.boardName, TextSeeds.unitName, TextSeeds.reportName, "norrby-vp-2020.txt",
                            "vasterby-vp-2012.txt"]

    /// Goals, indicators and activities as comparable lines, whitespace runs as one space.
    static func cascade(_ result: TextImportResult) -> [String] {
        func text(_ value: String?) -> String { TextSeeds.normalised(value) }
        var lines: [String] = []
        for goal in result.goals.flatMap(\.allGoals) {
            lines.append("\(goal.level.rawValue) \(goal.id ?? "-") \(goal.number ?? "-") \(text(goal.title))")
            for field in TextField.goalBody + [.comment] {
                if let value = goal.text(field) { lines.append("  \(field.rawValue): \(text(value))") }
            }
            for indicator in goal.indicators {
                lines.append("  i \(indicator.id ?? "-") \(text(indicator.name)) | \(indicator.target ?? "-") | "
                             + "\(indicator.councilTarget ?? "-") | \(indicator.periodicity.rawValue) | \(indicator.direction.rawValue)"
                             + " | \(text(indicator.comment))")
            }
            for activity in goal.activities {
                lines.append("  a \(activity.id ?? "-") \(text(activity.title)) | \(activity.start ?? "-") | \(activity.end ?? "-")")
            }
        }
        return lines
    }

    @Test("Variants give the original's cascade", arguments: documents)
    func variants(_ name: String) throws {
        let text = try TextSeeds.text(name)
        let original = try TextImporter.parse(text)
        var changed = 0
        defer { #expect(changed >= 5, "only \(changed) variants of \(name) differ from it") }
        for mutator in LayoutMutator.allCases {
            let variant = mutator.apply(text, original: original)
            if variant != text { changed += 1 }
            let result = try TextImporter.parse(variant)
            let expected = Self.cascade(original)
            let found = Self.cascade(result)
            var counts = result.counts
            counts.warnings = original.counts.warnings
            #expect(counts == original.counts, "\(mutator) on \(name): \(result.counts) ≠ \(original.counts)")
            let missing = expected.filter { !found.contains($0) }.prefix(2).map { String($0.prefix(160)) }
            let extra = found.filter { !expected.contains($0) }.prefix(2).map { String($0.prefix(160)) }
            #expect(found == expected, "MUTANT \(mutator) on \(name): missing \(missing) extra \(extra)")
        }
    }

    /// The VB's two ratings "● Uppfylls helt" (lines 128 and 169, under the first two enhetsmål)
    /// are list items; without their bullets they are indented lines, and list items again.
    @Test("Bullets removed: the indentation they leave makes the list items, with their dashes")
    func lostBullets() throws {
        let text = try TextSeeds.text(TextSeeds.reportName)
        let original = try TextImporter.parse(text)
        let variant = try TextImporter.parse(LayoutMutator.bulletsRemoved.apply(text, original: original))
        for result in [original, variant] {
            let items = Self.cascade(result).filter { $0.contains("- Uppfylls helt") }
            #expect(items.count == 2)
        }
        let plain = "Enheten ska:\n  Upprätta en plan\n  Följa upp den\nSlutet.\n" + String(repeating: "Mer text.\n", count: 60)
        #expect(SourceText(plain).lines.filter(\.isBullet).map(\.text) == ["Upprätta en plan", "Följa upp den"])
        // Indented throughout (pdftotext -layout): indentation says nothing.
        let layout = String(repeating: "    Rad i layout.\n", count: 30) + "Text.\n"
        #expect(SourceText(layout).lines.filter(\.isBullet).isEmpty)
    }

    /// Counted by hand in the fixtures (invented text in the 2020 and 2012 layouts).
    @Test("The 2020 layout: tab cells, one paragraph per line, a number missing, the chapters after the last goal")
    func layout2020() throws {
        let result = try TextImporter.parse(try TextSeeds.text("norrby-vp-2020.txt"))
        #expect(result.board.name == "Norrby stadsdelsnämnd" && result.year == 2020)
        #expect([result.counts.councilDirections, result.counts.councilAreas, result.counts.boardGoals] as [Int] == [1, 2, 2])
        #expect(result.counts.indicators == 4 && result.counts.activities == 4)
        let goals = result.goals.flatMap(\.allGoals)
        // A title after blank lines (a page break) is the title.
        #expect(goals[1].number == "1.1" && goals[1].title == "I Norrby får alla barn en god start i livet")
        // A goal the text gives no number gets none, and is a doubt: never the number of its place.
        let unnumbered = goals[3]
        #expect(unnumbered.number == nil && unnumbered.title == "I Norrby är det tryggt att bo och vistas")
        #expect(unnumbered.id == "no-2020-kf-utan-nr-1")
        #expect(result.doubts.contains { $0.line == 40 && $0.message.contains("inget nummer") })
        // "2 %" twice in tab cells: two values; the direction is not guessed from "energi".
        let energy = goals[1].indicators[1]
        #expect(energy.target == "2 %" && energy.councilTarget == "2 %" && !energy.directionIsStated)
        // An empty cell is an empty value.
        #expect(goals[1].indicators[2].target == "15" && goals[1].indicators[2].councilTarget == nil)
        // A title that goes on after a page header and a repeated table header is one title.
        #expect(goals[2].activities.map(\.title) == ["Förvaltningen ska utbilda alla pedagoger i språkutvecklande arbetssätt",
                                                     "Förvaltningen ska följa upp läsningen i förskolan"])
        // The last goal's text ends before the economy chapter, Agenda 2030 and the signatures.
        let last = goals[4]
        #expect(last.text(.expectedResult) == "Fler invånare känner sig trygga i parkerna.\nFärre klagomål på nedskräpning.")
        #expect(last.activities.count == 1)
        #expect(result.warnings == [])
    }

    @Test("The 2012 layout: markers in capitals with the number, KF:s and Nämndens table headers, no Beskrivning label")
    func layout2012() throws {
        let result = try TextImporter.parse(try TextSeeds.text("vasterby-vp-2012.txt"))
        #expect(result.board.name == "Västerby stadsdelsnämnd" && result.year == 2012)
        #expect([result.counts.councilDirections, result.counts.councilAreas, result.counts.boardGoals] as [Int] == [2, 2, 2])
        #expect(result.counts.indicators == 4 && result.counts.activities == 2)
        let goals = result.goals.flatMap(\.allGoals)
        #expect(goals.map(\.number) == ["1", "1.2", nil, "3", "3.1", nil])
        #expect(goals[1].title == "Stockholms äldre ska känna sig trygga och ha inflytande över sin vardag")
        #expect(goals[1].text(.description)?.hasPrefix("Äldreomsorgen i Västerby") == true)
        #expect(goals[1].indicators.map(\.target) == ["85 %", "90%"])
        #expect(goals[2].text(.comment) == "Målet följs upp i brukarundersökningen.")
        #expect(goals[2].indicators.first?.councilTarget == "Tas fram av nämnden")
        #expect(goals[2].indicators.first?.periodicity == .halfYear)
        #expect(goals[2].activities.first?.title == "Förvaltningen ska starta en ny träffpunkt i Västerby centrum")
        #expect(goals[5].text(.expectedResult) == "Nämndens resultat är i balans vid årets slut.")
        #expect(result.warnings == [])
    }
}
