import Foundation
import Testing
@testable import PlanTextImport
import PlanKit

/// The seed texts (copied into Fixtures/) and the importer's results on them, read once.
enum TextSeeds {
    static func text(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static let boardName = "hagersten-alvsjo-vp-2021.txt"
    static let unitName = "resursenheten-vp-2021.txt"
    static let reportName = "resursenheten-vb-2021.txt"

    /// The board's plan, read from the text alone.
    static let board: Result<TextImportResult, Error> = Result { try TextImporter.parse(try text(boardName)) }

    /// The unit's plan matched against the board's cascade as the board's text gives it.
    static let unit: Result<TextImportResult, Error> = Result {
        let cascade = try #require(try board.get().file.cascades?.first)
        return try TextImporter.parse(try text(unitName), options: TextImportOptions(knownCascade: cascade))
    }

    /// The hand-checked samples.
    static func sample(_ name: String) throws -> InterchangeFile {
        let directory = try #require(BundledSamples.directory())
        return try JSONDecoder().decode(InterchangeFile.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// Whitespace runs as one space: the samples' texts were joined into paragraphs by hand.
    static func normalised(_ text: String?) -> String {
        (text ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Field-by-field comparison of two cascades: every difference as "id.field".
enum CascadeComparison {
    struct Entry {
        var parent: String?
        var position: Int
        var fields: [String: String]
    }

    static func entries(_ goals: [GoalRecord]) -> [String: Entry] {
        var result: [String: Entry] = [:]
        // Sorted keys: without them the order of an object's keys can differ between two
        // encodings of equal values (it follows the encoder's dictionary, not the type).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func encode<T: Encodable>(_ value: T?) -> String {
            guard let value, let data = try? encoder.encode(value) else { return "" }
            return String(decoding: data, as: UTF8.self)
        }
        func visit(_ goal: GoalRecord, parent: String?, position: Int) {
            result[goal.id] = Entry(parent: parent, position: position, fields: [
                "level": goal.level.rawValue, "number": goal.number ?? "", "title": TextSeeds.normalised(goal.title),
                "description": TextSeeds.normalised(goal.description),
                "expectedResult": TextSeeds.normalised(goal.expectedResult),
                "method": TextSeeds.normalised(goal.method), "resources": TextSeeds.normalised(goal.resources),
                "followUp": TextSeeds.normalised(goal.followUp), "development": TextSeeds.normalised(goal.development),
                "comment": TextSeeds.normalised(goal.comment), "revisions": encode(goal.revisions),
            ])
            for (index, indicator) in (goal.indicators ?? []).enumerated() {
                result[indicator.id] = Entry(parent: goal.id, position: index, fields: [
                    "name": TextSeeds.normalised(indicator.name), "target": indicator.target ?? "",
                    "councilTarget": indicator.councilTarget ?? "", "measureUnit": indicator.measureUnit ?? "",
                    "periodicity": indicator.periodicity.rawValue, "direction": indicator.direction.rawValue,
                    "comment": TextSeeds.normalised(indicator.comment),
                ])
            }
            for (index, activity) in (goal.activities ?? []).enumerated() {
                result[activity.id] = Entry(parent: goal.id, position: index, fields: [
                    "title": TextSeeds.normalised(activity.title), "start": activity.start ?? "", "end": activity.end ?? "",
                ])
            }
            for (index, child) in (goal.children ?? []).enumerated() { visit(child, parent: goal.id, position: index) }
        }
        for (index, goal) in goals.enumerated() { visit(goal, parent: nil, position: index) }
        return result
    }

    /// "id.field" for every field that differs, "id" for an item only one side has.
    static func differences(_ found: [GoalRecord], _ expected: [GoalRecord]) -> [String] {
        let mine = entries(found)
        let theirs = entries(expected)
        var result: [String] = []
        for id in Set(mine.keys).union(theirs.keys).sorted() {
            guard let left = mine[id], let right = theirs[id] else {
                result.append(id)
                continue
            }
            if left.parent != right.parent || left.position != right.position { result.append("\(id).place") }
            for key in Set(left.fields.keys).union(right.fields.keys).sorted() where left.fields[key] != right.fields[key] {
                result.append("\(id).\(key)")
            }
        }
        return result
    }
}

/// A fresh in-memory store holding the bundled samples.
enum SampleStore {
    static let plan = PlanRef(unitID: "resursenheten", year: 2021)

    static func make(login: String = "anna") throws -> PlanStore {
        let store = try PlanStore(inMemoryWithLogin: login)
        try BundledSamples.load(into: store)
        return store
    }
}
