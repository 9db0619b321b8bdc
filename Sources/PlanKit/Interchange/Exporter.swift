import Foundation
import GRDB

extension PlanStore {
    /// Everything needed to rebuild one unit's plan elsewhere: its organisations from the city
    /// down, the whole cascade of its board for the year, and the plan with all follow-ups.
    public func exportInterchange(_ ref: PlanRef) throws -> InterchangeFile {
        try read { db in
            // The whole cascade goes into the file; the plan is read from the same one.
            var cascadeItems: [String: PlanItem] = [:]
            let plan = try Self.loadPlan(ref, db) { board in
                cascadeItems = try cascadeCache.items(board: board, year: ref.year, db)
                return cascadeItems
            }
            var organisations: [OrganisationRecord] = []
            var current: String? = ref.unitID
            while let id = current,
                  let organisation = try OrganisationRow.fetchOne(cached: db, sql: "SELECT * FROM organisation WHERE id = ?",
                                                                  arguments: [id])?.organisation {
                organisations.insert(OrganisationRecord(id: organisation.id, kind: organisation.kind, name: organisation.name,
                                                        parent: organisation.parentID), at: 0)
                current = organisation.parentID
            }
            let consolidation = try ConsolidationColumn.read(board: plan.board.id, year: ref.year, db)
                .merging(try ConsolidationColumn.read(unit: ref.unitID, year: ref.year, db)) { cascade, _ in cascade }
            let cascadeTree = ItemTree(items: Array(cascadeItems.values), consolidation: consolidation)
            let cascade = CascadeRecord(board: plan.board.id, year: ref.year,
                                        goals: cascadeTree.roots.map { cascadeTree.goalRecord($0, parent: nil) })

            let inherited = try String.fetchAll(cached: db, sql: "SELECT item_id FROM plan_inherits WHERE unit_id = ? AND year = ?",
                                                arguments: [ref.unitID, ref.year])
            let inheritedOrder = cascadeTree.depthFirstIDs()
            let inheritedSet = Set(inherited)
            // Own goals in the order of the board goals they sit under, then by position; the id
            // breaks ties, so that the same database always exports the same bytes.
            let inheritedIndex = Dictionary(inheritedOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let ownGoals = plan.items.values.filter { $0.author == .unit && $0.kind == .goal }
                .sorted { ($0.parentID.flatMap { inheritedIndex[$0] } ?? 0, $0.position, $0.id)
                    < ($1.parentID.flatMap { inheritedIndex[$0] } ?? 0, $1.position, $1.id) }
            let planTree = ItemTree(items: Array(plan.items.values), consolidation: consolidation)
            var followUps: [FollowUpRecord] = []
            let order = plan.walk().map(\.id)
            for period in plan.periods {
                for id in order {
                    guard let followUp = plan.followUps[period]?[id] else { continue }
                    if followUp.rating == nil && followUp.status == nil && followUp.outcome == nil && followUp.analysis.isEmpty { continue }
                    followUps.append(FollowUpRecord(item: id, period: period,
                                                    rating: followUp.rating.map { RatingRecord($0) },
                                                    status: followUp.status, outcome: followUp.outcome,
                                                    analysis: followUp.analysis.isEmpty ? nil : followUp.analysis))
                }
            }
            var sections: [SectionRecord] = []
            for period in plan.periods {
                for section in Completeness.orderedSections(plan.sections(in: period)) {
                    sections.append(SectionRecord(period: period, id: section.id, parent: section.parentID, title: section.title,
                                                  placement: section.parentID == nil ? section.placement : nil,
                                                  text: section.text.isEmpty ? nil : section.text))
                }
            }
            let planRecord = PlanRecord(unit: ref.unitID, year: ref.year, board: plan.board.id, periods: plan.periods,
                                        inherits: inheritedOrder.filter(inheritedSet.contains),
                                        notFollowedUp: plan.notFollowedUp.isEmpty ? nil : inheritedOrder.filter(plan.notFollowedUp.contains),
                                        goals: ownGoals.map { planTree.goalRecord($0, parent: $0.parentID) },
                                        followUps: followUps, sections: sections)
            return InterchangeFile(organisations: organisations, cascades: [cascade], plans: [planRecord])
        }
    }

    /// The interchange file as UTF-8 JSON text, indented for people to read.
    public func exportJSON(_ ref: PlanRef) throws -> Data {
        try ReadableJSON.encode(try exportInterchange(ref))
    }

    static func cascadeItems(board: String, year: Int, _ db: Database) throws -> [PlanItem] {
        Array(try cascadeItemsByID(board: board, year: year, db).values)
    }

    /// Every item of a board's cascade for a year, with its text revisions.
    static func cascadeItemsByID(board: String, year: Int, _ db: Database) throws -> [String: PlanItem] {
        var items: [String: PlanItem] = [:]
        // "+board_id" keeps SQLite on the (unit_id, year) index: the cascade is the few rows
        // without a unit, not every unit's items of the board.
        try ColumnPositions.forEachRow(db, sql: "SELECT * FROM item WHERE unit_id IS NULL AND year = ? AND +board_id = ?",
                                       arguments: [year, board]) { row in
            let item = item(row)
            items[item.id] = item
        }
        for row in try Row.fetchAll(cached: db, sql: """
            SELECT r.* FROM text_revision r CROSS JOIN item i ON i.id = r.item_id
            WHERE i.unit_id IS NULL AND i.year = ? AND +i.board_id = ?
            """, arguments: [year, board]) {
            guard let period = ReportPeriod(rawValue: row["period"]), let field = TextField(rawValue: row["field"]) else { continue }
            items[row["item_id"]]?.revisions[period, default: [:]][field] = row["text"]
        }
        return items
    }
}

/// Items arranged as a tree, for turning them back into nested records.
private struct ItemTree {
    var byID: [String: PlanItem]
    var children: [String: [PlanItem]]
    var roots: [PlanItem]
    /// Each indicator's stored consolidation, written out so that a file says what the board adds up.
    var consolidation: [String: Consolidation]

    init(items: [PlanItem], consolidation: [String: Consolidation]) {
        self.consolidation = consolidation
        byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [String: [PlanItem]] = [:]
        var roots: [PlanItem] = []
        for item in items {
            if let parent = item.parentID, byID[parent] != nil {
                children[parent, default: []].append(item)
            } else if item.kind == .goal {
                roots.append(item)
            }
        }
        let order: (PlanItem, PlanItem) -> Bool = { ($0.position, $0.id) < ($1.position, $1.id) }
        self.children = children.mapValues { $0.sorted(by: order) }
        self.roots = roots.sorted(by: order)
    }

    func depthFirstIDs() -> [String] {
        var result: [String] = []
        func visit(_ item: PlanItem) {
            result.append(item.id)
            let kids = children[item.id] ?? []
            for kind in [ItemKind.indicator, .activity, .goal] {
                kids.filter { $0.kind == kind }.forEach(visit)
            }
        }
        roots.forEach(visit)
        return result
    }

    func goalRecord(_ goal: PlanItem, parent: String?) -> GoalRecord {
        func optional(_ field: TextField) -> String? {
            let text = goal.text(field)
            return text.isEmpty ? nil : text
        }
        let kids = children[goal.id] ?? []
        let indicators = kids.filter { $0.kind == .indicator }.map { item in
            IndicatorRecord(id: item.id, name: item.title, measureUnit: item.indicator?.measureUnit, target: item.indicator?.target,
                            councilTarget: item.indicator?.councilTarget, periodicity: item.indicator?.periodicity ?? .year,
                            direction: item.indicator?.direction ?? .higherIsBetter,
                            consolidation: consolidation[item.id] ?? Consolidation.defaultFor(measureUnit: item.indicator?.measureUnit),
                            comment: item.text(.comment).isEmpty ? nil : item.text(.comment))
        }
        let activities = kids.filter { $0.kind == .activity }.map {
            ActivityRecord(id: $0.id, title: $0.title, start: $0.start, end: $0.end)
        }
        // Unit goals are not children in a cascade; they are written with their plan.
        let childGoals = kids.filter { $0.kind == .goal && $0.author != .unit }.map { goalRecord($0, parent: nil) }
        let revisions = goal.revisions.keys.sorted().map { period in
            let fields = goal.revisions[period] ?? [:]
            return TextRevisionRecord(period: period, title: fields[.title], description: fields[.description],
                                      expectedResult: fields[.expectedResult])
        }
        return GoalRecord(id: goal.id, level: goal.level ?? .unitGoal, parent: parent, number: goal.number, title: goal.title,
                          description: optional(.description), expectedResult: optional(.expectedResult),
                          method: optional(.method), resources: optional(.resources), followUp: optional(.followUp),
                          development: optional(.development), comment: optional(.comment),
                          indicators: indicators.isEmpty ? nil : indicators,
                          activities: activities.isEmpty ? nil : activities,
                          children: childGoals.isEmpty ? nil : childGoals,
                          revisions: revisions.isEmpty ? nil : revisions)
    }
}
