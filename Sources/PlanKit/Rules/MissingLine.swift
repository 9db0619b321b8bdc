/// A line of the report (an item or a section) that lacks something, with all that it lacks.
///
/// This is the unit completeness is counted in, everywhere: the app's header and overview, `n`,
/// `check`, `submit`, `export` and the report's draft line all say how many lines lack
/// something (`Strings.missingLines`). A goal without rating and analysis is one such line,
/// with two things listed.
public struct MissingLine: Hashable, Sendable {
    /// The item concerned, or nil for a section.
    public var itemID: String?
    public var sectionID: String?
    /// Where it is, from the top of the document (empty when asked for without paths).
    public var path: [String]
    /// What the line lacks, in the order the rules look: at least one.
    public var gaps: [CompletenessGap]

    /// "Målet saknar bedömning och analys": what one subject lacks is said once, as a list.
    public var message: String { Strings.lacking(gaps) }
}

extension Completeness {
    /// The lines of the period's report that lack something, in document order.
    public static func missingLines(in plan: PlanDocument, period: ReportPeriod, withPaths: Bool = true) -> [MissingLine] {
        lines(of: gaps(in: plan, period: period, withPaths: withPaths))
    }

    /// Gaps gathered by the line they belong to, each line where its first gap is.
    public static func lines(of gaps: [CompletenessGap]) -> [MissingLine] {
        var lines: [MissingLine] = []
        var index: [CompletenessGap.Line: Int] = [:]
        for gap in gaps {
            if let position = index[gap.line] {
                lines[position].gaps.append(gap)
            } else {
                index[gap.line] = lines.count
                lines.append(MissingLine(itemID: gap.itemID, sectionID: gap.sectionID, path: gap.path, gaps: [gap]))
            }
        }
        return lines
    }
}

extension CompletenessGap {
    /// The line of the report a gap is on: its item or section.
    struct Line: Hashable {
        var itemID: String?
        var sectionID: String?
    }

    var line: Line { Line(itemID: itemID, sectionID: sectionID) }
}
