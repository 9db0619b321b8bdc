import Foundation
import GRDB

/// What an import stored.
public struct ImportSummary: Equatable, Sendable {
    public var organisations = 0
    public var goals = 0
    public var activities = 0
    public var indicators = 0
    public var plans = 0
    public var followUps = 0
    public var sections = 0

    public init() {}
}

extension PlanStore {
    /// Imports files in one transaction: either every file is stored, or nothing is.
    @discardableResult
    public func importFiles(_ paths: [String]) throws -> ImportSummary {
        try importDecoded(try InterchangeFile.reading(paths))
    }

    /// Imports one file's bytes; `name` is what errors call the file.
    @discardableResult
    public func importData(_ data: Data, name: String) throws -> ImportSummary {
        try importDecoded([(name, try InterchangeDecoder.decode(data, file: name))])
    }

    /// Imports records already in memory, in one transaction, with every check of `importData`.
    @discardableResult
    public func importRecords(_ file: InterchangeFile, name: String) throws -> ImportSummary {
        try importDecoded([(name, file)])
    }

    /// Imports files already read (`InterchangeFile.reading`), in one transaction.
    @discardableResult
    public func importDecoded(_ files: [(String, InterchangeFile)]) throws -> ImportSummary {
        try write { db in
            var summary = ImportSummary()
            for (name, file) in files {
                var importer = Importer(db: db, file: name, login: login)
                try importer.run(file)
                summary.add(importer.summary)
            }
            return summary
        }
    }
}

extension ImportSummary {
    mutating func add(_ other: ImportSummary) {
        organisations += other.organisations
        goals += other.goals
        activities += other.activities
        indicators += other.indicators
        plans += other.plans
        followUps += other.followUps
        sections += other.sections
    }
}

/// Checks and writes one decoded file inside the caller's transaction. Any thrown error
/// rolls the whole transaction back.
struct Importer {
    let db: Database
    let file: String
    let login: String
    var summary = ImportSummary()
    private var seenIDs: Set<String> = []

    init(db: Database, file: String, login: String) {
        self.db = db
        self.file = file
        self.login = login
    }

    private func fail(_ path: String, _ message: String) -> ImportError {
        ImportError(file: file, path: path, message: message)
    }

    mutating func run(_ content: InterchangeFile) throws {
        try importOrganisations(content.organisations ?? [])
        for (index, cascade) in (content.cascades ?? []).enumerated() {
            try importCascade(cascade, path: "cascades[\(index)]")
        }
        for (index, plan) in (content.plans ?? []).enumerated() {
            try importPlan(plan, path: "plans[\(index)]")
        }
    }

    // MARK: Organisations

    private mutating func importOrganisations(_ records: [OrganisationRecord]) throws {
        let kindsInFile = Dictionary(records.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        for (index, record) in records.enumerated() {
            let path = "organisations[\(index)]"
            try claim(record.id, path: "\(path).id")
            if let parent = record.parent {
                guard let parentKind = try kindsInFile[parent] ?? organisationKind(parent) else {
                    throw fail("\(path).parent", ImportMessages.unknownOrganisation(parent))
                }
                guard Self.allowedParents(of: record.kind).contains(parentKind) else {
                    throw fail("\(path).parent", ImportMessages.wrongParentKind(record.id))
                }
            } else if record.kind != .city {
                throw fail(path, ImportMessages.missingField("parent"))
            }
            try db.execute(sql: """
                INSERT INTO organisation (id, kind, name, parent_id, position) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, parent_id = excluded.parent_id
                """, arguments: [record.id, record.kind.rawValue, record.name, record.parent, index])
            summary.organisations += 1
        }
    }

    private static func allowedParents(of kind: OrganisationKind) -> Set<OrganisationKind> {
        switch kind {
        case .city: return []
        case .board: return [.city]
        case .department: return [.board]
        case .unit: return [.department, .board]
        }
    }

    private func organisationKind(_ id: String) throws -> OrganisationKind? {
        try String.fetchOne(db, sql: "SELECT kind FROM organisation WHERE id = ?", arguments: [id]).flatMap(OrganisationKind.init(rawValue:))
    }

    private func requireOrganisation(_ id: String, kind: OrganisationKind, path: String) throws {
        guard let found = try organisationKind(id) else { throw fail(path, ImportMessages.unknownOrganisation(id)) }
        guard found == kind else { throw fail(path, ImportMessages.wrongKind(id, expected: kind)) }
    }

    // MARK: Cascades

    private mutating func importCascade(_ cascade: CascadeRecord, path: String) throws {
        try requireOrganisation(cascade.board, kind: .board, path: "\(path).board")
        guard (1900...2200).contains(cascade.year) else { throw fail("\(path).year", ImportMessages.invalidYear(cascade.year)) }
        try db.execute(sql: "INSERT OR IGNORE INTO cascade (board_id, year) VALUES (?, ?)", arguments: [cascade.board, cascade.year])
        let owner = Owner(board: cascade.board, year: cascade.year, unit: nil)
        for (index, goal) in cascade.goals.enumerated() {
            try importGoal(goal, parent: nil, expectedLevel: .councilDirection, owner: owner, position: index,
                           path: "\(path).goals[\(index)]")
        }
        try PlanStore.log(.import, nil, old: nil, new: nil, plan: nil, login: login,
                          note: "\(file): \(cascade.board) \(cascade.year)", db)
    }

    private struct Owner {
        var board: String
        var year: Int
        var unit: String?
    }

    private mutating func importGoal(_ goal: GoalRecord, parent: String?, expectedLevel: GoalLevel?, owner: Owner,
                                     position: Int, path: String) throws {
        guard goal.level == expectedLevel, owner.unit == nil ? goal.level != .unitGoal : goal.level == .unitGoal else {
            throw fail("\(path).level", ImportMessages.wrongLevel(goal.level, expected: expectedLevel))
        }
        try claim(goal.id, path: "\(path).id", owner: owner)
        let author = goal.level.author
        try upsertItem(id: goal.id, kind: .goal, level: goal.level, author: author, owner: owner, parent: parent,
                       position: position, number: goal.number,
                       texts: [.title: goal.title, .description: goal.description, .expectedResult: goal.expectedResult,
                               .method: goal.method, .resources: goal.resources, .followUp: goal.followUp,
                               .development: goal.development, .comment: goal.comment])
        try db.cachedStatement(sql: "DELETE FROM text_revision WHERE item_id = ?").execute(arguments: [goal.id])
        for revision in goal.revisions ?? [] {
            let fields: [(TextField, String?)] = [(.title, revision.title), (.description, revision.description),
                                                  (.expectedResult, revision.expectedResult)]
            for (field, text) in fields {
                guard let text else { continue }
                try db.execute(sql: "INSERT OR REPLACE INTO text_revision (item_id, period, field, text) VALUES (?, ?, ?, ?)",
                               arguments: [goal.id, revision.period.rawValue, field.rawValue, text])
            }
        }
        summary.goals += 1
        for (index, indicator) in (goal.indicators ?? []).enumerated() {
            try importIndicator(indicator, parent: goal.id, author: author, owner: owner, position: index,
                                path: "\(path).indicators[\(index)]")
        }
        for (index, activity) in (goal.activities ?? []).enumerated() {
            try importActivity(activity, parent: goal.id, author: author, owner: owner, position: index,
                               path: "\(path).activities[\(index)]")
        }
        for (index, child) in (goal.children ?? []).enumerated() {
            try importGoal(child, parent: goal.id, expectedLevel: goal.level.childLevel, owner: owner, position: index,
                           path: "\(path).children[\(index)]")
        }
    }

    private mutating func importIndicator(_ record: IndicatorRecord, parent: String, author: Author, owner: Owner,
                                          position: Int, path: String) throws {
        try claim(record.id, path: "\(path).id", owner: owner)
        try upsertItem(id: record.id, kind: .indicator, level: nil, author: author, owner: owner, parent: parent,
                       position: position, texts: [.title: record.name, .comment: record.comment],
                       indicator: IndicatorSpec(measureUnit: record.measureUnit, target: record.target,
                                                councilTarget: record.councilTarget, periodicity: record.periodicity,
                                                direction: record.direction))
        try ConsolidationColumn.write(id: record.id, record.consolidation, measureUnit: record.measureUnit, db)
        summary.indicators += 1
    }

    private mutating func importActivity(_ record: ActivityRecord, parent: String, author: Author, owner: Owner,
                                         position: Int, path: String) throws {
        try claim(record.id, path: "\(path).id", owner: owner)
        for (key, date) in [("start", record.start), ("end", record.end)] {
            guard let date else { continue }
            do { try EditRules.validateDate(date) } catch {
                throw fail("\(path).\(key)", Strings.planError(.invalidDate(date)))
            }
        }
        try upsertItem(id: record.id, kind: .activity, level: nil, author: author, owner: owner, parent: parent,
                       position: position, texts: [.title: record.title], start: record.start, end: record.end)
        summary.activities += 1
    }

    /// Records an id as used by this file, refusing duplicates and ids that belong elsewhere.
    private mutating func claim(_ id: String, path: String, owner: Owner? = nil) throws {
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw fail(path, ImportMessages.invalidID(id))
        }
        guard seenIDs.insert(id).inserted else { throw fail(path, ImportMessages.duplicateID(id)) }
        guard let owner,
              let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT board_id, year, unit_id FROM item WHERE id = ?"), arguments: [id]) else { return }
        let sameOwner = row["board_id"] == owner.board && row["year"] == owner.year && (row["unit_id"] as String?) == owner.unit
        if !sameOwner { throw fail(path, ImportMessages.idTaken(id)) }
    }

    private func upsertItem(id: String, kind: ItemKind, level: GoalLevel?, author: Author, owner: Owner, parent: String?,
                            position: Int, number: String? = nil, texts: [TextField: String?],
                            start: String? = nil, end: String? = nil, indicator: IndicatorSpec? = nil) throws {
        var stored: [String: String] = [:]
        for (field, text) in texts { if let text { stored[field.rawValue] = text } }
        try PlanStore.writeItem(ItemSnapshot.Row(id: id, kind: kind, level: level, author: author, board: owner.board,
                                                 year: owner.year, unit: owner.unit, parent: parent, position: position,
                                                 number: number, texts: stored, start: start, end: end, indicator: indicator), db)
    }

    // MARK: Plans

    private mutating func importPlan(_ plan: PlanRecord, path: String) throws {
        try requireOrganisation(plan.unit, kind: .unit, path: "\(path).unit")
        try requireOrganisation(plan.board, kind: .board, path: "\(path).board")
        let hasCascade = try Bool.fetchOne(db, sql: "SELECT 1 FROM cascade WHERE board_id = ? AND year = ?",
                                           arguments: [plan.board, plan.year]) ?? false
        guard hasCascade else { throw fail("\(path).board", ImportMessages.unknownCascade(plan.board, plan.year)) }
        let periods = Array(Set(plan.periods)).sorted()
        guard !periods.isEmpty else { throw fail("\(path).periods", ImportMessages.noPeriods()) }
        try db.execute(sql: """
            INSERT INTO plan (unit_id, year, board_id, periods) VALUES (?, ?, ?, ?)
            ON CONFLICT (unit_id, year) DO UPDATE SET board_id = excluded.board_id, periods = excluded.periods
            """, arguments: [plan.unit, plan.year, plan.board, periods.map(\.rawValue).joined(separator: ",")])
        let ref = PlanRef(unitID: plan.unit, year: plan.year)

        // A file without "inherits" (say, follow-ups only) keeps the plan's selection.
        if let inherits = plan.inherits {
            try db.execute(sql: "DELETE FROM plan_inherits WHERE unit_id = ? AND year = ?", arguments: [plan.unit, plan.year])
            for (index, id) in inherits.enumerated() {
                try inherit(id, into: ref, board: plan.board, path: "\(path).inherits[\(index)]")
            }
        }
        let inherits = Set(try String.fetchAll(db, sql: "SELECT item_id FROM plan_inherits WHERE unit_id = ? AND year = ?",
                                               arguments: [plan.unit, plan.year]))
        for (index, id) in (plan.notFollowedUp ?? []).enumerated() {
            guard inherits.contains(id) else {
                throw fail("\(path).notFollowedUp[\(index)]", ImportMessages.notInherited(id))
            }
            try db.execute(sql: "UPDATE plan_inherits SET followed_up = 0 WHERE unit_id = ? AND year = ? AND item_id = ?",
                           arguments: [plan.unit, plan.year, id])
        }
        let owner = Owner(board: plan.board, year: plan.year, unit: plan.unit)
        for (index, goal) in (plan.goals ?? []).enumerated() {
            let goalPath = "\(path).goals[\(index)]"
            guard let parent = goal.parent else { throw fail(goalPath, ImportMessages.missingField("parent")) }
            let parentLevel = try String.fetchOne(db, sql: "SELECT level FROM item WHERE id = ? AND board_id = ? AND year = ? AND unit_id IS NULL",
                                                  arguments: [parent, plan.board, plan.year])
            guard parentLevel == GoalLevel.boardGoal.rawValue else { throw fail("\(goalPath).parent", ImportMessages.notBoardGoal(parent)) }
            // The board goal a unit goal serves is part of the plan.
            try db.execute(sql: "INSERT OR IGNORE INTO plan_inherits (unit_id, year, item_id) VALUES (?, ?, ?)",
                           arguments: [plan.unit, plan.year, parent])
            try importGoal(goal, parent: parent, expectedLevel: .unitGoal, owner: owner, position: index, path: goalPath)
        }
        for (index, followUp) in (plan.followUps ?? []).enumerated() {
            try importFollowUp(followUp, into: ref, periods: periods, path: "\(path).followUps[\(index)]")
        }
        try importSections(plan.sections ?? [], into: ref, periods: periods, path: path)
        try PlanStore.log(.import, nil, old: nil, new: nil, plan: ref, login: login, note: file, db)
        summary.plans += 1
    }

    private func inherit(_ id: String, into ref: PlanRef, board: String, path: String) throws {
        let inCascade = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM item WHERE id = ? AND board_id = ? AND year = ? AND unit_id IS NULL"),
                                          arguments: [id, board, ref.year]) ?? false
        guard inCascade else {
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM item WHERE id = ?", arguments: [id]) ?? false
            throw fail(path, exists ? ImportMessages.notInCascade(id) : ImportMessages.unknownItem(id))
        }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO plan_inherits (unit_id, year, item_id) VALUES (?, ?, ?)")
            .execute(arguments: [ref.unitID, ref.year, id])
    }

    private mutating func importFollowUp(_ record: FollowUpRecord, into ref: PlanRef, periods: [ReportPeriod], path: String) throws {
        guard periods.contains(record.period) else { throw fail("\(path).period", ImportMessages.periodNotInPlan(record.period)) }
        guard try PlanStore.isInPlan(record.item, ref, forFollowUp: true, db),
              let item = try Row.fetchOne(db, sql: "SELECT * FROM item WHERE id = ?", arguments: [record.item]).map(PlanStore.item) else {
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM item WHERE id = ?", arguments: [record.item]) ?? false
            throw fail("\(path).item", exists ? ImportMessages.itemNotInPlan(record.item) : ImportMessages.unknownItem(record.item))
        }
        var checks: [(String, FieldRef)] = []
        if let rating = record.rating, rating != .none { checks.append(("rating", .rating(item: item.id, period: record.period))) }
        if record.status != nil { checks.append(("status", .status(item: item.id, period: record.period))) }
        if record.outcome != nil { checks.append(("outcome", .outcome(item: item.id, period: record.period))) }
        if !(record.analysis ?? "").isEmpty { checks.append(("analysis", .analysis(item: item.id, period: record.period))) }
        for (key, field) in checks {
            do {
                try EditRules.check(field, item: item, inPlan: true, periods: periods)
            } catch let error as PlanError {
                throw fail("\(path).\(key)", Strings.planError(error))
            }
        }
        if let outcome = record.outcome, !outcome.isFinite { throw fail("\(path).outcome", ImportMessages.invalidOutcome()) }
        try PlanStore.writeFollowUp(ItemSnapshot.FollowUpRow(item: item.id, period: record.period, rating: record.rating?.rating,
                                                             status: record.status, outcome: record.outcome, analysis: record.analysis),
                                    in: ref, db)
        summary.followUps += 1
    }

    private mutating func importSections(_ records: [SectionRecord], into ref: PlanRef, periods: [ReportPeriod], path: String) throws {
        var seen: [ReportPeriod: [String: SectionPlacement]] = [:]
        for (index, record) in records.enumerated() {
            let sectionPath = "\(path).sections[\(index)]"
            guard periods.contains(record.period) else { throw fail("\(sectionPath).period", ImportMessages.periodNotInPlan(record.period)) }
            guard !record.id.isEmpty, record.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw fail("\(sectionPath).id", ImportMessages.invalidID(record.id))
            }
            guard seen[record.period]?[record.id] == nil else { throw fail("\(sectionPath).id", ImportMessages.duplicateID(record.id)) }
            var parentPlacement: SectionPlacement?
            if let parent = record.parent {
                guard let placement = seen[record.period]?[parent] else {
                    throw fail("\(sectionPath).parent", ImportMessages.unknownSectionParent(parent))
                }
                parentPlacement = placement
            }
            let placement = record.resolvedPlacement(parentPlacement: parentPlacement)
            seen[record.period, default: [:]][record.id] = placement
            try PlanStore.writeSection(record.section(placement: placement), period: record.period, position: index, in: ref, db)
            summary.sections += 1
        }
        // A document that has no sections yet gets the standard ones, ready to be written.
        for period in periods {
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM section WHERE unit_id = ? AND year = ? AND period = ?",
                                         arguments: [ref.unitID, ref.year, period.rawValue]) ?? 0
            guard count == 0 else { continue }
            for (index, section) in SectionTemplate.emptySections(for: period).enumerated() {
                try PlanStore.writeSection(section, period: period, position: index, in: ref, db)
            }
        }
    }
}
