import BenchSupport
import Foundation
import PlanTextImport

/// `import-text` on a plan of about 300 pages: the board's seed plan (83 pages) repeated, each
/// copy after the first with its KF numbers moved on (1 → 4, 1.1 → 4.1 …), so that it reads as
/// one long plan of many goals. Times the whole reading (lines, classifier, tables, ids).
func benchImportText(_ arguments: Arguments) throws {
    let path = arguments.string("text") ?? "Tests/PlanTextImportTests/Fixtures/hagersten-alvsjo-vp-2021.txt"
    guard let seed = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    let copies = arguments.int("copies", 4)
    var parts: [String] = []
    for copy in 0..<copies {
        let shift = 3 * copy
        let lines = seed.components(separatedBy: "\n").map { line -> String in
            guard shift > 0, let range = line.range(of: #"^ ?[1-3](?=[.][ 0-9])"#, options: .regularExpression),
                  let number = Int(line[range].trimmingCharacters(in: .whitespaces)) else { return line }
            return line.replacingCharacters(in: range, with: String(number + shift))
        }
        parts.append(lines.joined(separator: "\n"))
    }
    let text = parts.joined(separator: "\n\u{0C}")
    let lines = text.components(separatedBy: "\n").count
    var times: [Double] = []
    var counts = TextImportCounts()
    for _ in 0..<arguments.int("count", 3) {
        let (result, milliseconds) = try timed { try TextImporter.parse(text) }
        counts = result.counts
        times.append(milliseconds)
    }
    emit("import-text.copies", Double(copies), unit: "× 83 pages")
    emit("import-text.lines", Double(lines), unit: "lines")
    emit("import-text.characters", Double(text.count), unit: "characters")
    emit("import-text.goals", Double(counts.councilDirections + counts.councilAreas + counts.boardGoals), unit: "n")
    emit("import-text.indicators", Double(counts.indicators), unit: "n")
    emit("import-text.activities", Double(counts.activities), unit: "n")
    emit("import-text.parse.median", quantile(times, 0.5), unit: "ms")
    emit("import-text.parse.max", times.max() ?? .nan, unit: "ms")
}
