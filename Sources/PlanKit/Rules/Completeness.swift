/// Something a report still lacks before it can be handed in.
public struct CompletenessGap: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case goalWithoutRating
        case goalWithoutAnalysis
        case activityWithoutStatus
        case deviationWithoutAnalysis
        case indicatorWithoutOutcome
        case emptySection
        case goalWithoutField(TextField)
        case activityWithoutDates
        case indicatorWithoutTarget
    }

    public var kind: Kind
    /// The item concerned, or nil for a section.
    public var itemID: String?
    public var sectionID: String?
    /// Where it is, from the top of the document: "KF:s inriktningsmål: 1. …", "Nämndmål: …", ...
    public var path: [String]

    public var message: String { Strings.gap(kind) }
}

/// What a unit's report for a period still lacks. The rules:
///
/// Follow-up periods (T1, T2, VB):
/// - each of the unit's own goals (enhetsmål) needs a rating and an analysis;
/// - each activity of the plan that has started by the end of the period needs a status,
///   and an activity marked Avvikelse needs an analysis;
/// - each indicator of the board or the unit that is measured in the period (by its
///   periodicity) needs an outcome; KF's own indicators are measured centrally;
/// - the period's required sections (Sammanfattande analys) must not be empty.
///
/// The plan (VP):
/// - each own goal needs Förväntat resultat and Arbetssätt;
/// - each own activity needs its start and end dates, each own indicator an Årsmål;
/// - the required section Inledning must not be empty.
public enum Completeness {
    /// `withPaths: false` leaves each gap's `path` empty: the app marks gaps in its outline and
    /// does not need them, and building the labels of every ancestor was most of the work.
    public static func gaps(in plan: PlanDocument, period: ReportPeriod, withPaths: Bool = true) -> [CompletenessGap] {
        var gaps = sectionGaps(in: plan, period: period)
        for item in plan.walk(in: period) {
            gaps += self.gaps(of: item, in: plan, period: period, withPaths: withPaths)
        }
        return gaps
    }

    /// The gaps of the period's sections, which come first in `gaps(in:period:)`.
    public static func sectionGaps(in plan: PlanDocument, period: ReportPeriod) -> [CompletenessGap] {
        var gaps: [CompletenessGap] = []
        for section in orderedSections(plan.sections(in: period))
        where SectionTemplate.isRequired(section.id, in: period) && isBlank(section.text) {
            gaps.append(CompletenessGap(kind: .emptySection, sectionID: section.id, path: [section.title]))
        }
        for entry in SectionTemplate.entries(for: period)
        where entry.required && plan.section(entry.id, in: period) == nil {
            gaps.append(CompletenessGap(kind: .emptySection, sectionID: entry.id, path: [entry.title]))
        }
        return gaps
    }

    /// The gaps of one item shown in the period: what a change of that item alone can change.
    public static func gaps(of item: PlanItem, in plan: PlanDocument, period: ReportPeriod,
                            withPaths: Bool = true) -> [CompletenessGap] {
        itemGaps(item, plan: plan, period: period).map { kind in
            CompletenessGap(kind: kind, itemID: item.id, path: withPaths ? path(to: item.id, in: plan, period: period) : [])
        }
    }

    /// Whether the report of the period asks anything of the item: the items whose gaps are
    /// looked for. A count of "how many are done" is of these, so it agrees with the gaps.
    public static func asksSomething(of item: PlanItem, in plan: PlanDocument, period: ReportPeriod) -> Bool {
        guard period.isFollowUp else { return item.author == .unit }
        switch item.kind {
        case .goal: return item.level == .unitGoal
        case .activity: return item.isDue(in: period, year: plan.ref.year)
        case .indicator: return plan.isOutcomeDue(item, in: period)
        }
    }

    /// The sections the period's report needs, present or not: the sections whose gaps are looked for.
    public static func requiredSectionIDs(in plan: PlanDocument, period: ReportPeriod) -> [String] {
        let present = orderedSections(plan.sections(in: period)).map(\.id).filter { SectionTemplate.isRequired($0, in: period) }
        let missing = SectionTemplate.entries(for: period)
            .filter { $0.required && plan.section($0.id, in: period) == nil }.map(\.id)
        return present + missing
    }

    private static func itemGaps(_ item: PlanItem, plan: PlanDocument, period: ReportPeriod) -> [CompletenessGap.Kind] {
        guard asksSomething(of: item, in: plan, period: period) else { return [] }
        let followUp = plan.followUp(item.id, period)
        if !period.isFollowUp {
            switch item.kind {
            case .goal:
                return [TextField.expectedResult, .method].filter { isBlank(item.text($0)) }.map { .goalWithoutField($0) }
            case .activity:
                return (item.start ?? "").isEmpty || (item.end ?? "").isEmpty ? [.activityWithoutDates] : []
            case .indicator:
                return item.indicator?.parsedTarget == Target.none ? [.indicatorWithoutTarget] : []
            }
        }
        switch item.kind {
        case .goal:
            var kinds: [CompletenessGap.Kind] = []
            if followUp.rating == nil { kinds.append(.goalWithoutRating) }
            if isBlank(followUp.analysis) { kinds.append(.goalWithoutAnalysis) }
            return kinds
        case .activity:
            if followUp.status == nil { return [.activityWithoutStatus] }
            if followUp.status == .deviation && isBlank(followUp.analysis) { return [.deviationWithoutAnalysis] }
            return []
        case .indicator:
            return followUp.outcome == nil ? [.indicatorWithoutOutcome] : []
        }
    }

    /// "KF:s inriktningsmål: 1. En modern …" › "Nämndmål: …" › "Aktivitet: …".
    public static func path(to itemID: String, in plan: PlanDocument, period: ReportPeriod) -> [String] {
        plan.ancestry(of: itemID).map { label(of: $0, period: period) }
    }

    public static func label(of item: PlanItem, period: ReportPeriod) -> String {
        let title = item.title(in: period)
        switch item.kind {
        case .goal:
            let level = item.level.map(Strings.levelLabel) ?? ""
            if let number = item.number { return "\(level): \(number). \(title)" }
            return "\(level): \(title)"
        case .activity:
            return "\(Strings.activity): \(title)"
        case .indicator:
            return "\(Strings.indicator): \(title)"
        }
    }

    /// Sections with each subsection right after its parent, in stored order otherwise.
    public static func orderedSections(_ sections: [Section]) -> [Section] {
        var result: [Section] = []
        func add(_ parent: String?) {
            for section in sections where section.parentID == parent {
                result.append(section)
                add(section.id)
            }
        }
        add(nil)
        let known = Set(result.map(\.id))
        result += sections.filter { !known.contains($0.id) }
        return result
    }

    static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
