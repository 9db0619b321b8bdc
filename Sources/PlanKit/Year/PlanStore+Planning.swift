import Foundation
import GRDB

/// How an own indicator's Årsmål is meant: a number ("85 %"), a direction ("öka") or a text
/// ("Fastställs T1"). The written target must read as the kind the person chose.
public enum TargetKind: String, CaseIterable, Sendable {
    case number, direction, text

    /// The target as it is stored, or the reason it is refused.
    public func validate(_ written: String) throws -> String {
        let text = written.trimmingCharacters(in: .whitespacesAndNewlines)
        let parsed = Target(written: text)
        switch (self, parsed) {
        case (.number, .number), (.direction, .direction):
            return text
        case (.text, .text), (.text, .number), (.text, .direction):
            return text
        default:
            throw YearError.invalidTarget(written)
        }
    }
}

/// Planning the VP: own indicators, taking up or declining the board's activities and indicators.
extension PlanStore {
    /// Adds an own indicator to one of the unit's own goals; undone like any change.
    @discardableResult
    public func addIndicator(name: String, under unitGoal: String, target: String, targetKind: TargetKind,
                             measureUnit: String?, periodicity: Periodicity, direction: Direction,
                             in plan: PlanRef) throws -> String {
        try write { db in
            try Self.addIndicator(name: name, under: unitGoal, target: target, targetKind: targetKind, measureUnit: measureUnit,
                                  periodicity: periodicity, direction: direction, in: plan, login: login, db)
        }
    }

    /// `addIndicator` as `login`, inside a transaction the caller holds, on either database.
    @discardableResult
    public static func addIndicator<C: SQLConnection>(name: String, under unitGoal: String, target: String, targetKind: TargetKind,
                                                      measureUnit: String?, periodicity: Periodicity, direction: Direction,
                                                      in plan: PlanRef, login: String, _ db: C) throws -> String {
        let stored = try targetKind.validate(target)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw YearError.invalidTarget(name) }
        let (board, position) = try placeUnderOwnGoal(unitGoal, kind: .indicator, plan: plan, db)
        let id = try newID(prefix: "\(unitGoal)-i", db)
        let unit = measureUnit.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let row = ItemSnapshot.Row(id: id, kind: .indicator, level: nil, author: .unit, board: board, year: plan.year,
                                   unit: plan.unitID, parent: unitGoal, position: position, number: nil,
                                   texts: [TextField.title.rawValue: name], start: nil, end: nil,
                                   indicator: IndicatorSpec(measureUnit: unit, target: stored, periodicity: periodicity,
                                                            direction: direction))
        try create(ItemSnapshot(rows: [row], followUps: []), plan: plan, login: login, db)
        return id
    }

    /// Changes an own indicator's target, unit, periodicity and direction; one change in the log.
    public func setIndicator(_ indicator: String, target: String, targetKind: TargetKind, measureUnit: String?,
                             periodicity: Periodicity, direction: Direction, in plan: PlanRef) throws {
        try write { db in
            try Self.setIndicator(indicator, target: target, targetKind: targetKind, measureUnit: measureUnit,
                                  periodicity: periodicity, direction: direction, in: plan, login: login, db)
        }
    }

    /// `setIndicator` as `login`, inside a transaction the caller holds, on either database.
    public static func setIndicator<C: SQLConnection>(_ indicator: String, target: String, targetKind: TargetKind, measureUnit: String?,
                                                      periodicity: Periodicity, direction: Direction, in plan: PlanRef,
                                                      login: String, _ db: C) throws {
        let stored = try targetKind.validate(target)
        guard var snapshot = try snapshot(of: indicator, plan: plan, db), snapshot.rows[0].kind == .indicator else {
            throw PlanError.unknownItem(indicator)
        }
        snapshot.rows[0].indicator = IndicatorSpec(measureUnit: measureUnit.flatMap { $0.isEmpty ? nil : $0 }, target: stored,
                                                   councilTarget: snapshot.rows[0].indicator?.councilTarget,
                                                   periodicity: periodicity, direction: direction)
        _ = try set(.itemRecord(item: indicator), to: .record(snapshot), in: plan, expectedRevision: nil, login: login, db)
    }

    /// Sets both dates of an own activity, refused as `EditRules.validateActivityDates` says.
    public func setActivityDates(start: String, end: String, activity: String, in plan: PlanRef) throws {
        try write { db in try Self.setActivityDates(start: start, end: end, activity: activity, in: plan, login: login, db) }
    }

    /// `setActivityDates` as `login`, inside a transaction the caller holds, on either database.
    public static func setActivityDates<C: SQLConnection>(start: String, end: String, activity: String, in plan: PlanRef,
                                                          login: String, _ db: C) throws {
        try EditRules.validateActivityDates(start: start, end: end, year: plan.year)
        _ = try set(.itemDate(item: activity, field: .start), to: .text(start), in: plan, expectedRevision: nil, login: login, db)
        _ = try set(.itemDate(item: activity, field: .end), to: .text(end), in: plan, expectedRevision: nil, login: login, db)
    }

    /// Takes up (true) or declines (false: "följs inte upp av enheten") one of the board's
    /// activities or indicators in the unit's follow-up.
    public func setFollowedUp(_ followed: Bool, item: String, in plan: PlanRef) throws {
        try set(.followedUp(item: item), to: .flag(followed), in: plan)
    }

    static func followedUp(_ item: String, in plan: PlanRef, _ db: some SQLConnection) throws -> Bool {
        try db.sqlValue(Bool.self, "SELECT followed_up FROM plan_inherits WHERE unit_id = ? AND year = ? AND item_id = ?",
                        [plan.unitID, plan.year, item]) ?? false
    }
}
