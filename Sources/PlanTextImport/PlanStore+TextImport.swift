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
        options.knownDepartments = try organisations().filter { $0.kind == .department && $0.parentID == result.board.id }.map(\.name)
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

    /// The stored items of the board's cascade for the year that the new text no longer has (the
    /// topmost of each removed branch, in the stored order), with the units that depend on them.
    /// Empty for a unit's plan or a year not stored.
    public func vanishedItems(_ result: TextImportResult) throws -> [VanishedItem] {
        guard result.kind == .boardPlan, let stored = try storedCascade(board: result.board.id, year: result.year) else { return [] }
        var kept = Set<String>()
        func collect(_ goal: GoalRecord) {
            kept.insert(goal.id)
            kept.formUnion((goal.indicators ?? []).map(\.id))
            kept.formUnion((goal.activities ?? []).map(\.id))
            (goal.children ?? []).forEach(collect)
        }
        (result.file.cascades ?? []).flatMap(\.goals).forEach(collect)
        var vanished: [VanishedItem] = []
        func visit(_ goal: GoalRecord) {
            guard kept.contains(goal.id) else {
                vanished.append(VanishedItem(id: goal.id, kind: .goal, title: goal.title, units: []))
                return
            }
            for indicator in goal.indicators ?? [] where !kept.contains(indicator.id) {
                vanished.append(VanishedItem(id: indicator.id, kind: .indicator, title: indicator.name, units: []))
            }
            for activity in goal.activities ?? [] where !kept.contains(activity.id) {
                vanished.append(VanishedItem(id: activity.id, kind: .activity, title: activity.title, units: []))
            }
            (goal.children ?? []).forEach(visit)
        }
        stored.goals.forEach(visit)
        let units = try unitsHolding(vanished.map(\.id))
        return vanished.map { item in
            var item = item
            item.units = units[item.id] ?? []
            return item
        }
    }

    /// Imports what `TextImporter.parse` found, all or nothing, through the ordinary importer.
    ///
    /// - Organisations the database already has are left as they are (a unit keeps its department).
    /// - Into a year that exists, nothing stored is lost (see `StoredTextMerge`): an empty text
    ///   never replaces a stored one, and a stored text that would change is replaced only with
    ///   `replace`; without it the import is refused with the list of changes.
    /// - Items of the board's stored cascade that the text no longer has (`vanishedItems`) are kept,
    ///   unless `replace`: then they are removed with everything under them, the units' follow-ups
    ///   on them and own items under them included, in the same transaction as the import.
    /// - A unit's plan needs the board's cascade in the database; an existing plan keeps its other
    ///   periods (T1, T2, VB), follow-ups and sections, and which inherited items it does not follow up.
    @discardableResult
    public func importText(_ result: TextImportResult, name: String, replace: Bool = false) throws -> ImportSummary {
        let (file, changes) = try merged(result)
        if !changes.isEmpty, !replace { throw TextImportError(Strings.TextImport.changesNeedReplace(changes)) }
        if replace {
            let vanished = try vanishedItems(result)
            if !vanished.isEmpty { return try importRecords(file, name: name, removing: vanished.map(\.id)) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try importData(try encoder.encode(file), name: name)
    }

    /// The file to import, merged with what is stored, and the stored texts it changes.
    private func merged(_ result: TextImportResult) throws -> (file: InterchangeFile, changes: [StoredTextChange]) {
        var file = result.file
        let stored = try organisations()
        // A department the board already has under the same name is the unit's department.
        if let department = result.department,
           let existing = stored.first(where: { $0.kind == .department && $0.parentID == result.board.id
                                                && $0.name.lowercased() == department.name.lowercased() }) {
            file.organisations = file.organisations?.compactMap { record in
                guard record.id != department.id else { return nil }
                var record = record
                if record.parent == department.id { record.parent = existing.id }
                return record
            }
        }
        let known = Set(stored.map(\.id))
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
                let storedSections = try exportInterchange(ref).plans?.first?.sections ?? []
                (plan.sections, changes) = Self.mergedSections(plan.sections ?? [], stored: storedSections, changes: changes)
            }
            file.plans = [plan]
            return (file, changes)
        }
    }

    /// The sections to write for the document's period: the stored ones in their order, each with
    /// the text found for it; an empty text never replaces a stored one, a different one is a change.
    /// Sections found that are not stored come after them.
    private static func mergedSections(_ found: [SectionRecord], stored: [SectionRecord],
                                       changes: [StoredTextChange]) -> ([SectionRecord]?, [StoredTextChange]) {
        guard let period = found.first?.period else { return (nil, changes) }
        let storedHere = stored.filter { $0.period == period }
        guard !storedHere.isEmpty else { return (found, changes) }
        var changes = changes
        let foundByID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let storedTitles = Set(storedHere.map { $0.title.lowercased() })
        var merged = storedHere.map { record -> SectionRecord in
            var record = record
            guard let found = foundByID[record.id]?.text else { return record }
            // A sub-heading the plan stores as a section of its own ends the text found above it.
            let lines = found.components(separatedBy: "\n")
            let own = lines.prefix { !storedTitles.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }
            let new = own.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !new.isEmpty else { return record }
            guard let old = record.text, !old.isEmpty else { record.text = new; return record }
            if old.split(whereSeparator: \.isWhitespace) != new.split(whereSeparator: \.isWhitespace) {
                changes.append(StoredTextChange(id: record.id, field: "text", old: old, new: new))
                record.text = new
            }
            return record
        }
        let storedIDs = Set(storedHere.map(\.id))
        merged += found.filter { !storedIDs.contains($0.id) }
        return (merged, changes)
    }
}
