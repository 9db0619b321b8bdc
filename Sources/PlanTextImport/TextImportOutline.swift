import Foundation
import PlanKit

/// What `vp-tui import-text --dry-run` prints: the cascade as an indented outline, the warnings,
/// and the summary line last.
public enum TextImportOutline {
    public static func render(_ result: TextImportResult, preview: Int = 90) -> String {
        var out: [String] = []
        out.append(Strings.TextImport.documentHeading(kind: result.kind, year: result.year, board: result.board.name,
                                                      boardID: result.board.id))
        if result.kind == .unitPlan {
            out.append(result.unit.map { Strings.TextImport.unitHeading($0.name, id: $0.id) } ?? Strings.TextImport.unitUnknown)
            if let department = result.department {
                out.append(Strings.TextImport.departmentHeading(department.name, id: department.id))
            }
        }
        out.append("")
        for goal in result.goals { render(goal, depth: 0, preview: preview, into: &out) }
        if result.kind == .unitPlan {
            out.append("")
            out.append(Strings.TextImport.sectionsHeading(result.period))
            for section in result.sections {
                let indent = section.parentID == nil ? "  " : "    "
                out.append(indent + Strings.TextImport.sectionLine(section.title, line: section.line,
                                                                   preview: oneLine(section.text, preview), characters: section.text.count))
            }
        }
        if !result.warnings.isEmpty {
            out.append("")
            out.append(Strings.TextImport.warningsHeading)
            out += result.warnings.map { "  " + $0.description }
        }
        if !result.doubts.isEmpty {
            out.append("")
            out.append(Strings.TextImport.doubtsHeading)
            out += result.doubts.map { "  " + $0.description }
        }
        out.append("")
        out.append(Strings.TextImport.summary(result.counts, doubts: result.doubts.count))
        return out.joined(separator: "\n") + "\n"
    }

    private static func idTag(_ id: String?) -> String { "[\(id ?? Strings.TextImport.noID)]" }

    private static func oneLine(_ text: String, _ length: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return TextPlanParser.excerpt(flat, length: length)
    }

    private static func render(_ goal: FoundGoal, depth: Int, preview: Int, into out: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        let number = goal.number.map { goal.level == .councilDirection ? "\($0). " : "\($0) " } ?? ""
        out.append("\(indent)\(Strings.levelLabel(goal.level)): \(number)\(goal.title) \(idTag(goal.id))")
        for field in TextField.goalBody + [.comment] {
            guard let text = goal.text(field) else { continue }
            out.append("\(indent)  \(Strings.fieldLabel(field)): \(oneLine(text, preview)) (\(Strings.TextImport.characters(text.count)))")
        }
        for indicator in goal.indicators {
            out.append("\(indent)  \(Strings.TextImport.indicatorLabel): \(indicator.name) \(idTag(indicator.id))")
            let parts = [
                "\(Strings.TextImport.annualTarget) \(indicator.target ?? Strings.TextImport.noTarget)",
                "\(Strings.TextImport.councilTarget) \(indicator.councilTarget ?? Strings.TextImport.noTarget)",
                Strings.TextImport.periodicityName(indicator.periodicity),
                Strings.TextImport.directionName(indicator.direction),
            ]
            out.append("\(indent)    " + parts.joined(separator: " · "))
            if let comment = indicator.comment {
                out.append("\(indent)    \(Strings.fieldLabel(.comment)): \(oneLine(comment, preview))")
            }
        }
        for activity in goal.activities {
            let dates = "\(activity.start ?? Strings.TextImport.noDate) – \(activity.end ?? Strings.TextImport.noDate)"
            out.append("\(indent)  \(Strings.TextImport.activityLabel): \(activity.title) \(idTag(activity.id))")
            out.append("\(indent)    \(dates)")
        }
        for child in goal.children { render(child, depth: depth + 1, preview: preview, into: &out) }
    }
}
