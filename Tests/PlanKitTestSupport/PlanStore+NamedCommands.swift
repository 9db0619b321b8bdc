import Foundation
import PlanKit

/// One command per kind of field, for tests that set up a plan: each is `set` with its
/// `FieldRef`, the one command the app and the command line use, on either store.
extension FieldSaving {
    @discardableResult
    public func setRating(_ rating: Rating?, goal: String, period: ReportPeriod, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        try set(.rating(item: goal, period: period), to: rating.map(FieldValue.rating), in: plan, expectedRevision: expectedRevision)
    }

    @discardableResult
    public func setStatus(_ status: ActivityStatus?, activity: String, period: ReportPeriod, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        try set(.status(item: activity, period: period), to: status.map(FieldValue.status), in: plan, expectedRevision: expectedRevision)
    }

    @discardableResult
    public func setOutcome(_ outcome: Decimal?, indicator: String, period: ReportPeriod, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        try set(.outcome(item: indicator, period: period), to: outcome.map(FieldValue.number), in: plan, expectedRevision: expectedRevision)
    }

    @discardableResult
    public func setAnalysis(_ text: String, item: String, period: ReportPeriod, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        try set(.analysis(item: item, period: period), to: .text(text), in: plan, expectedRevision: expectedRevision)
    }

    @discardableResult
    public func setText(_ text: String, field: TextField, item: String, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        try set(.itemText(item: item, field: field), to: .text(text), in: plan, expectedRevision: expectedRevision)
    }

    /// Sets a date after checking it as the app does (`EditRules.validateDate`).
    @discardableResult
    public func setDate(_ date: String?, field: DateField, activity: String, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        if let date, !date.isEmpty { try EditRules.validateDate(date) }
        return try set(.itemDate(item: activity, field: field), to: date.map(FieldValue.text), in: plan, expectedRevision: expectedRevision)
    }

    @discardableResult
    public func setSectionText(_ text: String, section: String, period: ReportPeriod, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        try set(.sectionText(section: section, period: period), to: .text(text), in: plan, expectedRevision: expectedRevision)
    }
}

extension PlanStore {
    /// Sets an outcome typed by a person, read by `OutcomeInput` against the indicator, as the app reads it.
    @discardableResult
    public func setOutcome(typed text: String, indicator: String, period: ReportPeriod, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        let spec = try loadPlan(plan).items[indicator]?.indicator
        let value = try OutcomeInput.parse(text, for: spec)
        return try setOutcome(value, indicator: indicator, period: period, in: plan, expectedRevision: expectedRevision)
    }
}
