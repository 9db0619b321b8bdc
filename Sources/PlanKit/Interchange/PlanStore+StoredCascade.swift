import Foundation

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
}
