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

    /// The stored texts that importing `result` would replace with different ones.
    public func storedTextChanges(_ result: TextImportResult) throws -> [StoredTextChange] {
        try merged(result).changes
    }

    /// Imports what `TextImporter.parse` found, all or nothing, through the ordinary importer.
    ///
    /// - Organisations the database already has are left as they are (a unit keeps its department).
    /// - Into a year that exists, nothing stored is lost (see `StoredTextMerge`): an empty text
    ///   never replaces a stored one, and a stored text that would change is replaced only with
    ///   `replace`; without it the import is refused with the list of changes.
    /// - A unit's plan needs the board's cascade in the database; an existing plan keeps its other
    ///   periods (T1, T2, VB), follow-ups and sections, and which inherited items it does not follow up.
    @discardableResult
    public func importText(_ result: TextImportResult, name: String, replace: Bool = false) throws -> ImportSummary {
        let (file, changes) = try merged(result)
        if !changes.isEmpty, !replace { throw TextImportError(Strings.TextImport.changesNeedReplace(changes)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try importData(try encoder.encode(file), name: name)
    }

    /// The file to import, merged with what is stored, and the stored texts it changes.
    private func merged(_ result: TextImportResult) throws -> (file: InterchangeFile, changes: [StoredTextChange]) {
        var file = result.file
        let known = Set(try organisations().map(\.id))
        file.organisations = file.organisations?.filter { !known.contains($0.id) }
        let unsure = Set(result.goals.flatMap(\.allGoals).flatMap(\.indicators).filter { !$0.directionIsStated }.compactMap(\.id))
        switch result.kind {
        case .boardPlan:
            guard let stored = try storedCascade(board: result.board.id, year: result.year) else { return (file, []) }
            var merge = StoredTextMerge(stored: stored.goals, unsureDirections: unsure)
            for index in (file.cascades ?? []).indices {
                file.cascades![index].goals = merge.merge(file.cascades![index].goals)
            }
            return (file, merge.changes)
        case .unitPlan:
            guard !result.idsAreProvisional, try storedCascade(board: result.board.id, year: result.year) != nil else {
                throw TextImportError(Strings.TextImport.cascadeMissing(board: result.board.name, year: result.year))
            }
            guard let unit = result.unit, var plan = file.plans?.first else { throw TextImportError(Strings.TextImport.unitMissing) }
            var changes: [StoredTextChange] = []
            if try plans().contains(where: { $0.unit.id == unit.id && $0.year == result.year }) {
                let ref = PlanRef(unitID: unit.id, year: result.year)
                let existing = try loadPlan(ref)
                plan.periods = Array(Set(existing.periods + plan.periods)).sorted()
                let inherits = Set(plan.inherits ?? [])
                let notFollowedUp = existing.notFollowedUp.filter(inherits.contains).sorted()
                plan.notFollowedUp = notFollowedUp.isEmpty ? nil : notFollowedUp
                let storedGoals = try exportInterchange(ref).plans?.first?.goals ?? []
                var merge = StoredTextMerge(stored: storedGoals, unsureDirections: unsure)
                plan.goals = plan.goals.map { merge.merge($0) }
                changes = merge.changes
            }
            file.plans = [plan]
            return (file, changes)
        }
    }
}
