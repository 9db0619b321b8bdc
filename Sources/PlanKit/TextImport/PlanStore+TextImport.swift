import Foundation
import GRDB

/// The store's side of `vp-tui import-text`: reading a board's stored cascade to match a unit's
/// plan against, and importing what the text gave without losing what later documents added.
extension PlanStore {
    /// A board's cascade for a year as stored (ids, titles, targets, revisions), or nil if none.
    public func storedCascade(board: String, year: Int) throws -> CascadeRecord? {
        let items = try read { db in try Self.cascadeItems(board: board, year: year, db) }
        guard !items.isEmpty else { return nil }
        let ids = Set(items.map(\.id))
        let children = Dictionary(grouping: items.filter { $0.parentID.map(ids.contains) ?? false }, by: { $0.parentID ?? "" })
        func ordered(_ list: [PlanItem]) -> [PlanItem] { list.sorted { ($0.position, $0.id) < ($1.position, $1.id) } }
        func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
        func record(_ goal: PlanItem) -> GoalRecord {
            let kids = ordered(children[goal.id] ?? [])
            let indicators = kids.filter { $0.kind == .indicator }.map { item in
                IndicatorRecord(id: item.id, name: item.title, measureUnit: item.indicator?.measureUnit,
                                target: item.indicator?.target, councilTarget: item.indicator?.councilTarget,
                                periodicity: item.indicator?.periodicity ?? .year,
                                direction: item.indicator?.direction ?? .higherIsBetter, comment: nonEmpty(item.text(.comment)))
            }
            let activities = kids.filter { $0.kind == .activity }.map {
                ActivityRecord(id: $0.id, title: $0.title, start: $0.start, end: $0.end)
            }
            let goals = kids.filter { $0.kind == .goal }.map(record)
            let revisions = goal.revisions.keys.sorted().map { period in
                let fields = goal.revisions[period] ?? [:]
                return TextRevisionRecord(period: period, title: fields[.title], description: fields[.description],
                                          expectedResult: fields[.expectedResult])
            }
            return GoalRecord(id: goal.id, level: goal.level ?? .boardGoal, number: goal.number, title: goal.title,
                              description: nonEmpty(goal.text(.description)), expectedResult: nonEmpty(goal.text(.expectedResult)),
                              comment: nonEmpty(goal.text(.comment)),
                              indicators: indicators.isEmpty ? nil : indicators, activities: activities.isEmpty ? nil : activities,
                              children: goals.isEmpty ? nil : goals, revisions: revisions.isEmpty ? nil : revisions)
        }
        let roots = ordered(items.filter { $0.kind == .goal && !($0.parentID.map(ids.contains) ?? false) })
        return CascadeRecord(board: board, year: year, goals: roots.map(record))
    }

    /// What `import-text` reads from the store before parsing: the board's cascade (for a unit's
    /// plan) and the prefix of the unit's existing goal ids.
    public func textImportOptions(for result: TextImportResult, base: TextImportOptions) throws -> TextImportOptions {
        var options = base
        options.boardName = options.boardName ?? result.board.name
        options.year = options.year ?? result.year
        guard result.kind == .unitPlan else { return options }
        options.knownCascade = try storedCascade(board: result.board.id, year: result.year)
        if let unit = result.unit, try plans().contains(where: { $0.unit.id == unit.id && $0.year == result.year }) {
            let plan = try loadPlan(PlanRef(unitID: unit.id, year: result.year))
            let existing = plan.items.values.filter { $0.author == .unit && $0.kind == .goal }.map(\.id).sorted()
            if let id = existing.first(where: { $0.range(of: #"-em-[0-9]+$"#, options: .regularExpression) != nil }),
               let range = id.range(of: #"-em-[0-9]+$"#, options: .regularExpression) {
                options.unitGoalPrefix = String(id[..<range.lowerBound]) + "-em-"
            }
        }
        return options
    }

    /// Imports what `TextImporter.parse` found, all or nothing, through the ordinary importer.
    ///
    /// - Organisations the database already has are left as they are (a unit keeps its department).
    /// - A board's plan replaces the cascade's texts, targets and dates; text revisions that later
    ///   documents added to a goal (`revisions`) are kept.
    /// - A unit's plan needs the board's cascade in the database; an existing plan keeps its other
    ///   periods (T1, T2, VB), follow-ups and sections, and which inherited items it does not follow up.
    @discardableResult
    public func importText(_ result: TextImportResult, name: String) throws -> ImportSummary {
        var file = result.file
        let known = Set(try organisations().map(\.id))
        file.organisations = file.organisations?.filter { !known.contains($0.id) }
        switch result.kind {
        case .boardPlan:
            if let stored = try storedCascade(board: result.board.id, year: result.year) {
                var revisions: [String: [TextRevisionRecord]] = [:]
                func collect(_ goal: GoalRecord) {
                    if let kept = goal.revisions, !kept.isEmpty { revisions[goal.id] = kept }
                    goal.children?.forEach(collect)
                }
                stored.goals.forEach(collect)
                func keep(_ goal: inout GoalRecord) {
                    if goal.revisions == nil { goal.revisions = revisions[goal.id] }
                    if var children = goal.children {
                        for index in children.indices { keep(&children[index]) }
                        goal.children = children
                    }
                }
                for index in (file.cascades ?? []).indices {
                    for goal in file.cascades![index].goals.indices { keep(&file.cascades![index].goals[goal]) }
                }
            }
        case .unitPlan:
            guard !result.idsAreProvisional, try storedCascade(board: result.board.id, year: result.year) != nil else {
                throw TextImportError(Strings.TextImport.cascadeMissing(board: result.board.name, year: result.year))
            }
            guard let unit = result.unit, var plan = file.plans?.first else { throw TextImportError(Strings.TextImport.unitMissing) }
            if try plans().contains(where: { $0.unit.id == unit.id && $0.year == result.year }) {
                let existing = try loadPlan(PlanRef(unitID: unit.id, year: result.year))
                plan.periods = Array(Set(existing.periods + plan.periods)).sorted()
                let inherits = Set(plan.inherits ?? [])
                let notFollowedUp = existing.notFollowedUp.filter(inherits.contains).sorted()
                plan.notFollowedUp = notFollowedUp.isEmpty ? nil : notFollowedUp
            }
            file.plans = [plan]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try importData(try encoder.encode(file), name: name)
    }
}
