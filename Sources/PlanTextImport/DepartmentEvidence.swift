import Foundation
import PlanKit

/// The department a unit's document places the unit in, and how sure that is.
struct DepartmentFinding: Equatable {
    /// Nil when the text does not say, or its mentions do not single one out.
    var name: String?
    /// The line the doubt is about: the first mention, else the first line.
    var line: Int = 1
    /// What is unsure about it, for the doubts; nil when the text states it.
    var doubt: String?
}

/// Finds the unit's department from what the text gives, never by guessing silently:
///
/// 1. "enhet inom <Namn>avdelningen" states it ("Resursenheten är en … enhet inom Förskoleavdelningen").
/// 2. Else the departments the text mentions (words ending in "avdelningen", and the board's
///    departments the database has, by name) are counted by line: one mentioned on at least two
///    lines and on at least twice as many lines as any other is taken, as a doubt that names the lines.
/// 3. Else there is no department, as a doubt: the mentions (if any), and that the unit is placed
///    directly under the board.
extension DocumentFacts {
    private static let stated = Pattern(#"(?i:enhet(?:en)?) inom ([A-ZÅÄÖ]\p{L}*avdelningen)\b"#)
    private static let mentioned = Pattern(#"(?i)\b(\p{L}+avdelningen)\b"#)

    /// The department the text states ("enhet inom Förskoleavdelningen"), if any.
    func departmentName() -> String? { Self.stated.groups(text)?.first ?? nil }

    func department(known: [String]) -> DepartmentFinding {
        if let name = departmentName() { return DepartmentFinding(name: name, doubt: nil) }
        // Lines per department, keyed by the folded name; the first way of writing it that is
        // capitalised (or the database's) is the one shown.
        var lines: [String: [Int]] = [:]
        var written: [String: String] = [:]
        let knownByKey = Dictionary(known.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(line)
            var found: [String: String] = [:]
            let range = NSRange(line.startIndex..., in: line)
            for match in Self.mentioned.expression.matches(in: line, range: range) {
                guard let word = Range(match.range(at: 1), in: line).map({ String(line[$0]) }) else { continue }
                found[word.lowercased()] = word
            }
            let lower = line.lowercased()
            for (key, name) in knownByKey where lower.contains(key) { found[key] = name }
            for (key, word) in found {
                lines[key, default: []].append(offset + 1)
                if let name = knownByKey[key] { written[key] = name }
                else if written[key] == nil || written[key]?.first?.isUppercase == false { written[key] = word }
            }
        }
        let ranked = lines.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        func display(_ key: String) -> String {
            let word = written[key] ?? key
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        guard let top = ranked.first else {
            return DepartmentFinding(name: nil, doubt: Strings.TextImport.departmentNotMentioned)
        }
        let second = ranked.dropFirst().first?.value.count ?? 0
        if top.value.count >= 2, top.value.count >= 2 * second {
            return DepartmentFinding(name: display(top.key), line: top.value[0],
                                     doubt: Strings.TextImport.departmentInferred(display(top.key), lines: top.value))
        }
        return DepartmentFinding(name: nil, doubt: Strings.TextImport.departmentUnclear(
            ranked.prefix(4).map { (display($0.key), $0.value.count) }))
    }
}
