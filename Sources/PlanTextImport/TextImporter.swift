import Foundation
import PlanKit

/// Turns the text of a verksamhetsplan (a PDF-to-text dump) into an interchange file.
///
/// A board's plan gives the board's cascade for the year. A unit's plan (one with "Enhetsmål:")
/// gives the unit's plan: its enhetsmål under the board goals they serve and the cascade items it
/// shows, matched by title against the board's stored cascade (`TextImportOptions.knownCascade`).
public enum TextImporter {
    public static func parse(_ text: String, options: TextImportOptions = TextImportOptions()) throws -> TextImportResult {
        let source = SourceText(text)
        let parser = TextPlanParser(source: source)
        parser.run()
        guard !parser.roots.isEmpty else { throw TextImportError(Strings.TextImport.noGoals) }
        var warnings = parser.warnings
        let facts = DocumentFacts(text: text)
        let isUnitPlan = parser.roots.contains { $0.contains(level: .unitGoal) }

        guard let boardName = options.boardName.flatMap(nonEmpty) ?? facts.boardName() else {
            throw TextImportError(Strings.TextImport.boardUnknown)
        }
        let endYears = parser.roots.flatMap { $0.activityEndYears }
        guard let year = options.year ?? facts.year(activityEndYears: endYears) else {
            throw TextImportError(Strings.TextImport.yearUnknown)
        }
        let boardCore = OrganisationNames.core(boardName)
        let board = OrganisationRecord(id: OrganisationNames.slug(boardCore), kind: .board, name: boardName, parent: options.cityID)
        let city = OrganisationRecord(id: options.cityID, kind: .city, name: options.cityName, parent: nil)
        let boardPrefix = OrganisationNames.prefix(boardCore)

        var unit: OrganisationRecord?
        var department: OrganisationRecord?
        var unitDoubts: [TextImportWarning] = []
        if isUnitPlan {
            if let name = options.unitName.flatMap(nonEmpty) ?? facts.unitName(excluding: boardCore) {
                let finding = facts.department(known: options.knownDepartments)
                department = finding.name.map {
                    OrganisationRecord(id: "\(board.id)-\(OrganisationNames.slug($0))", kind: .department, name: $0, parent: board.id)
                }
                if let doubt = finding.doubt { unitDoubts.append(TextImportWarning(line: finding.line, message: doubt)) }
                unit = OrganisationRecord(id: OrganisationNames.slug(name), kind: .unit, name: name, parent: department?.id ?? board.id)
            } else {
                warnings.append(TextImportWarning(line: parser.firstMarkerLine ?? 1, message: Strings.TextImport.unitNameMissing))
            }
        }
        let unitGoalPrefix = options.unitGoalPrefix
            ?? "\(OrganisationNames.prefix(unit?.name ?? "enhet"))-\(year)-em-"

        var assigner = IDAssigner(boardPrefix: boardPrefix, year: year, unitGoalPrefix: unitGoalPrefix,
                                  known: isUnitPlan ? options.knownCascade.map(KnownCascade.init) : nil)
        let goals = parser.roots.map { assigner.goal($0, parentID: nil) }
        warnings += assigner.warnings
        let provisional = isUnitPlan && options.knownCascade == nil
        if provisional {
            warnings.append(TextImportWarning(line: parser.firstMarkerLine ?? 1,
                                              message: Strings.TextImport.provisionalIDs(board: boardName, year: year)))
        }
        warnings.sort { ($0.line, $0.message) < ($1.line, $1.message) }
        let (period, tertialGuessed) = UnitDocumentSections.periodFound(in: text)
        var doubts = parser.doubts + unitDoubts
        if isUnitPlan, tertialGuessed { doubts.append(TextImportWarning(line: 1, message: Strings.TextImport.tertialGuessed)) }
        doubts.sort { ($0.line, $0.message) < ($1.line, $1.message) }

        let sections = isUnitPlan ? UnitDocumentSections.find(in: source, period: period, firstMarkerLine: parser.firstMarkerLine) : []
        var file = InterchangeFile(organisations: [city, board] + [department, unit].compactMap { $0 })
        if !isUnitPlan || provisional {
            file.cascades = [CascadeRecord(board: board.id, year: year, goals: goals.compactMap(cascadeRecord))]
        }
        if isUnitPlan, let unit {
            file.plans = [planRecord(goals, unit: unit.id, board: board.id, year: year)]
            file.plans?[0].periods = period == .vp ? [.vp] : [.vp, period]
            file.plans?[0].sections = UnitDocumentSections.records(sections, period: period)
        }

        var counts = TextImportCounts()
        for goal in goals.flatMap(\.allGoals) {
            switch goal.level {
            case .councilDirection: counts.councilDirections += 1
            case .councilArea: counts.councilAreas += 1
            case .boardGoal: counts.boardGoals += 1
            case .unitGoal: counts.unitGoals += 1
            }
            counts.indicators += goal.indicators.count
            counts.activities += goal.activities.count
        }
        counts.warnings = warnings.count
        return TextImportResult(kind: isUnitPlan ? .unitPlan : .boardPlan, board: board, unit: unit, year: year, goals: goals,
                                file: file, warnings: warnings, doubts: doubts, counts: counts, idsAreProvisional: provisional,
                                department: department, period: period, sections: sections)
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: Records

    /// A cascade goal and everything under it, without the unit's goals (they live in the plan).
    private static func cascadeRecord(_ goal: FoundGoal) -> GoalRecord? {
        guard goal.level != .unitGoal, let id = goal.id else { return nil }
        let children = goal.children.compactMap(cascadeRecord)
        let indicators = goal.indicators.compactMap(indicatorRecord)
        let activities = goal.activities.compactMap(activityRecord)
        return GoalRecord(id: id, level: goal.level, number: goal.number, title: goal.title,
                          description: goal.text(.description), expectedResult: goal.text(.expectedResult),
                          method: goal.text(.method), resources: goal.text(.resources), followUp: goal.text(.followUp),
                          development: goal.text(.development), comment: goal.text(.comment),
                          indicators: indicators.isEmpty ? nil : indicators, activities: activities.isEmpty ? nil : activities,
                          children: children.isEmpty ? nil : children)
    }

    private static func indicatorRecord(_ indicator: FoundIndicator) -> IndicatorRecord? {
        guard let id = indicator.id else { return nil }
        return IndicatorRecord(id: id, name: indicator.name, measureUnit: indicator.measureUnit, target: indicator.target,
                               councilTarget: indicator.councilTarget, periodicity: indicator.periodicity,
                               direction: indicator.direction, comment: indicator.comment)
    }

    private static func activityRecord(_ activity: FoundActivity) -> ActivityRecord? {
        guard let id = activity.id else { return nil }
        return ActivityRecord(id: id, title: activity.title, start: activity.start, end: activity.end)
    }

    /// The unit's plan: the cascade items the document shows, and the unit's own goals.
    private static func planRecord(_ goals: [FoundGoal], unit: String, board: String, year: Int) -> PlanRecord {
        var inherits: [String] = []
        var own: [GoalRecord] = []
        func visit(_ goal: FoundGoal, boardGoalID: String?) {
            if goal.level == .unitGoal {
                guard let id = goal.id, let boardGoalID else { return }
                var record = cascadeRecord(FoundGoal(id: id, line: goal.line, level: .boardGoal, number: nil, title: goal.title,
                                                     texts: goal.texts, indicators: goal.indicators,
                                                     activities: goal.activities, children: []))
                record?.level = .unitGoal
                record?.parent = boardGoalID
                if let record { own.append(record) }
                return
            }
            if goal.level == .boardGoal, let id = goal.id { inherits.append(id) }
            inherits += goal.indicators.compactMap(\.id) + goal.activities.compactMap(\.id)
            for child in goal.children { visit(child, boardGoalID: goal.level == .boardGoal ? goal.id : nil) }
        }
        goals.forEach { visit($0, boardGoalID: nil) }
        return PlanRecord(unit: unit, year: year, board: board, periods: [.vp], inherits: inherits, goals: own.isEmpty ? nil : own)
    }
}

// MARK: - Names and ids

/// How organisation names become ids.
///
/// - The board's name without "stadsdelsnämnd" (or "nämnd"/"nämnden") is its core:
///   "Hägersten-Älvsjö stadsdelsnämnd" → "Hägersten-Älvsjö".
/// - The organisation id is the core folded to ASCII, words joined by "-": "hagersten-alvsjo".
/// - The id prefix is the initials of the core's parts (split at spaces and hyphens; a part that is
///   a number is kept whole): "Hägersten-Älvsjö" → "ha", "Enskede-Årsta-Vantör" → "eav"; a
///   one-part name gives its first two letters: "Resursenheten" → "re", "Skärholmen" → "sk".
enum OrganisationNames {
    static func core(_ name: String) -> String {
        var core = name.trimmingCharacters(in: .whitespaces)
        for suffix in [" stadsdelsnämnden", " stadsdelsnämnd", " nämnden", " nämnd", "nämnden", "nämnd"]
        where core.lowercased().hasSuffix(suffix) && core.count > suffix.count {
            core = String(core.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        return core
    }

    static func fold(_ text: String) -> String {
        text.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "sv_SE"))
    }

    static func slug(_ name: String) -> String {
        let folded = fold(name).map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        return String(folded).split(separator: "-").joined(separator: "-")
    }

    static func prefix(_ name: String) -> String {
        let parts = name.split { $0 == " " || $0 == "-" }.map(String.init).filter { !$0.isEmpty }
        if parts.count >= 2 {
            return parts.map { part in
                part.allSatisfy(\.isNumber) ? part : String(slug(String(part.prefix(1))).prefix(1))
            }.joined()
        }
        let letters = slug(name).filter { $0.isLetter }
        return String(letters.prefix(2)).isEmpty ? "x" : String(letters.prefix(2))
    }
}

// MARK: - Ids and matching

/// The board's stored cascade, indexed for matching a unit's plan against it.
struct KnownCascade {
    let goals: [GoalRecord]

    init(_ cascade: CascadeRecord) {
        goals = cascade.goals.flatMap(Self.flatten)
    }

    private static func flatten(_ goal: GoalRecord) -> [GoalRecord] {
        [goal] + (goal.children ?? []).flatMap(flatten)
    }

    /// Lower-case words only, so that line wrapping, punctuation and quotes do not matter.
    static func normalised(_ text: String) -> String {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    /// 1 minus the edit distance of the normalised texts over the longer one's length.
    static func similarity(_ lhs: String, _ rhs: String) -> Double {
        let left = Array(normalised(lhs))
        let right = Array(normalised(rhs))
        guard !left.isEmpty || !right.isEmpty else { return 1 }
        var previous = Array(0...right.count)
        for (i, character) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, other) in right.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (character == other ? 0 : 1))
            }
            previous = current
        }
        return 1 - Double(previous[right.count]) / Double(max(left.count, right.count))
    }

    /// The best match by title: exact after normalising, else the most similar one that differs in
    /// at most a tenth of its characters (a typo corrected in one of the documents).
    static func match<T>(_ title: String, in candidates: [T], title key: (T) -> String) -> (T, exact: Bool)? {
        let wanted = normalised(title)
        if let exact = candidates.first(where: { normalised(key($0)) == wanted }) { return (exact, true) }
        let scored = candidates.map { ($0, similarity(title, key($0))) }.filter { $0.1 >= 0.9 }
        return scored.max { $0.1 < $1.1 }.map { ($0.0, false) }
    }
}

/// Gives every found item its id: numbered in document order for a board's plan, matched against
/// the stored cascade for the cascade part of a unit's plan.
struct IDAssigner {
    let boardPrefix: String
    let year: Int
    let unitGoalPrefix: String
    let known: KnownCascade?
    var warnings: [TextImportWarning] = []
    private var used: Set<String> = []
    private var boardGoalCount = 0
    private var unitGoalCount = 0
    private var unnumberedCount = 0

    init(boardPrefix: String, year: Int, unitGoalPrefix: String, known: KnownCascade?) {
        self.boardPrefix = boardPrefix
        self.year = year
        self.unitGoalPrefix = unitGoalPrefix
        self.known = known
    }

    private mutating func unique(_ id: String, line: Int, number: String?) -> String {
        var candidate = id
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(id)-\(suffix)"
            suffix += 1
        }
        if candidate != id { warnings.append(TextImportWarning(line: line, message: Strings.TextImport.duplicateNumber(number ?? id))) }
        used.insert(candidate)
        return candidate
    }

    mutating func goal(_ node: GoalNode, parentID: String?, knownParent: GoalRecord? = nil) -> FoundGoal {
        let number = node.number
        var id: String?
        var knownGoal: GoalRecord?
        switch node.level {
        case .councilDirection, .councilArea:
            // A goal the text gives no number keeps none: a number from its position could be
            // one the document gives another goal. The parser lists it among the doubts.
            if let known {
                if let number {
                    knownGoal = known.goals.first { $0.level == node.level && $0.number == number }
                } else {
                    knownGoal = KnownCascade.match(node.title, in: known.goals.filter { $0.level == node.level }, title: \.title)?.0
                }
                id = knownGoal?.id
                if id == nil {
                    warnings.append(TextImportWarning(line: node.line,
                                                      message: Strings.TextImport.councilGoalNotInCascade(number ?? node.title)))
                }
            } else if let number {
                id = unique("\(boardPrefix)-\(year)-kf-\(number)", line: node.line, number: number)
            } else {
                unnumberedCount += 1
                id = unique("\(boardPrefix)-\(year)-kf-utan-nr-\(unnumberedCount)", line: node.line, number: nil)
            }
        case .boardGoal:
            if let known {
                let siblings = (knownParent?.children ?? []).filter { $0.level == .boardGoal }
                let all = known.goals.filter { $0.level == .boardGoal }
                if let (match, exact) = KnownCascade.match(node.title, in: siblings, title: \.title)
                    ?? KnownCascade.match(node.title, in: all, title: \.title) {
                    knownGoal = match
                    id = match.id
                    if !exact { warnings.append(TextImportWarning(line: node.line, message: Strings.TextImport.approximateMatch(node.title, match.title))) }
                } else {
                    warnings.append(TextImportWarning(line: node.line, message: Strings.TextImport.boardGoalNotInCascade(node.title)))
                }
            } else {
                boardGoalCount += 1
                id = unique(String(format: "%@-%d-nm-%02d", boardPrefix, year, boardGoalCount), line: node.line, number: nil)
            }
        case .unitGoal:
            if parentID == nil && known != nil {
                warnings.append(TextImportWarning(line: node.line, message: Strings.TextImport.unitGoalWithoutBoardGoal(node.title)))
            } else {
                unitGoalCount += 1
                id = unique(unitGoalPrefix + String(format: "%02d", unitGoalCount), line: node.line, number: nil)
            }
        }
        let ownsItems = node.level == .unitGoal || known == nil
        var indicators: [FoundIndicator] = []
        for (index, item) in node.indicators.enumerated() {
            var itemID: String?
            if ownsItems {
                itemID = id.map { String(format: "%@-i%02d", $0, index + 1) }
            } else if let knownGoal {
                itemID = matchItem(item.name, line: item.line, in: (knownGoal.indicators ?? []).map { ($0.id, $0.name) })
            } else {
                warnings.append(TextImportWarning(line: item.line, message: Strings.TextImport.itemNotInCascade(item.name)))
            }
            indicators.append(FoundIndicator(id: itemID, line: item.line, name: item.name, target: item.target,
                                             councilTarget: item.councilTarget,
                                             measureUnit: IndicatorRow.measureUnit(of: item.target) ?? IndicatorRow.measureUnit(of: item.councilTarget),
                                             periodicity: item.periodicity, direction: item.direction, comment: item.comment,
                                             directionIsStated: item.directionIsStated))
        }
        var activities: [FoundActivity] = []
        for (index, item) in node.activities.enumerated() {
            var itemID: String?
            if ownsItems {
                itemID = id.map { String(format: "%@-a%02d", $0, index + 1) }
            } else if let knownGoal {
                itemID = matchItem(item.title, line: item.line, in: (knownGoal.activities ?? []).map { ($0.id, $0.title) })
            } else {
                warnings.append(TextImportWarning(line: item.line, message: Strings.TextImport.itemNotInCascade(item.title)))
            }
            activities.append(FoundActivity(id: itemID, line: item.line, title: item.title, start: item.start, end: item.end))
        }
        var texts: [TextField: String] = [:]
        for (field, paragraphs) in node.fields where !paragraphs.isEmpty {
            texts[field] = paragraphs.map(\.text).joined(separator: "\n\n")
        }
        let children = node.children.map { child in
            goal(child, parentID: id, knownParent: knownGoal)
        }
        return FoundGoal(id: id, line: node.line, level: node.level, number: number, title: node.title, texts: texts,
                         indicators: indicators, activities: activities, children: children)
    }

    private mutating func matchItem(_ title: String, line: Int, in candidates: [(id: String, title: String)]) -> String? {
        guard let (match, exact) = KnownCascade.match(title, in: candidates, title: \.title) else {
            warnings.append(TextImportWarning(line: line, message: Strings.TextImport.itemNotInCascade(title)))
            return nil
        }
        if !exact { warnings.append(TextImportWarning(line: line, message: Strings.TextImport.approximateMatch(title, match.title))) }
        return match.id
    }
}
