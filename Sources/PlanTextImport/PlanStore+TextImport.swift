import Foundation
import PlanKit

/// The store's side of `vp-tui import-text`: reading a board's stored cascade to match a unit's
/// plan against, and importing what the text gave without losing what later documents added.
extension PlanStore {
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
