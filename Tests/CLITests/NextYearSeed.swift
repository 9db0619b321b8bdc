import Foundation
import Testing
import PlanKit

/// The board's plan text of 2021, imported as a later year's (2022's unless said): once as it is, or with the nämndmål above
/// one of Resursenheten's own goals given a wording of its own, so that the goal finds no
/// nämndmål and waits to be placed.
enum NextYearSeed {
    static let seeds = Binary.repositoryRoot.appendingPathComponent("Tests/PlanTextImportTests/Fixtures")
    static let newTitle = "Nämnden främjar idrott och kultur för alla barn"

    /// The seed's text with the nämndmål of that title reworded (every place it stands).
    static func text(rewording title: String?) throws -> String {
        let text = try String(contentsOf: seeds.appendingPathComponent("hagersten-alvsjo-vp-2021.txt"), encoding: .utf8)
        guard let title else { return text }
        var lines = text.components(separatedBy: "\n")
        var replaced = 0
        var index = 0
        while index < lines.count {
            if lines[index].trimmingCharacters(in: .whitespaces) == "Nämndmål:" {
                let start = index + 1
                var end = start
                while end < lines.count && !lines[end].trimmingCharacters(in: .whitespaces).isEmpty { end += 1 }
                let wording = lines[start..<end].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                if TitleMatch.normalized(wording) == TitleMatch.normalized(title) {
                    lines.replaceSubrange(start..<end, with: [newTitle])
                    replaced += 1
                    index = start
                }
            }
            index += 1
        }
        #expect(replaced > 0, "the seed has no nämndmål \"\(title)\"")
        return lines.joined(separator: "\n")
    }

    /// Writes the text for 2022 into `directory` and imports it into the database.
    static func importFor2022(database: String, directory: URL, rewording title: String?) throws {
        try importBoardText(for: 2022, database: database, directory: directory, rewording: title)
    }

    /// Writes the text for `year` into `directory` and imports it into the database.
    static func importBoardText(for year: Int, database: String, directory: URL, rewording title: String? = nil) throws {
        let file = directory.appendingPathComponent("namnd-\(year).txt")
        try text(rewording: title).write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["import-text", file.path, "--year", String(year), "--db", database])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
