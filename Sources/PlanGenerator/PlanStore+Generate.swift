import Foundation
import PlanKit

/// Where `generateDistrict` has got to, for a progress line.
public enum GeneratorProgress: Sendable, Equatable {
    case organisations
    case plans(done: Int, total: Int)
    case edits(done: Int, total: Int)
}

/// How `generateDistrict` writes the plans: straight into the tables (fast), or through the
/// importer of `vp-tui import` with all its checks (slow; for comparing the two).
public enum GeneratorWriteMode: Sendable {
    case direct, importer
}

/// What `generateDistrict` stored.
public struct GeneratorSummary: Sendable, Equatable {
    public var units = 0
    public var years = 0
    public var plans = 0
    public var items = 0
    public var followUps = 0
    public var sections = 0
    public var edits = 0
    public var undos = 0
}

extension PlanStore {
    /// Fills an empty database with a generated district: organisations and one cascade per year
    /// first (through the importer of `vp-tui import`), then the plans, a chunk of units per
    /// transaction (see `GeneratorWriteMode`); last, a realistic edit log made of real commands
    /// (`set`, `undo`) on every unit, so that history and undo work as after real use.
    @discardableResult
    public func generateDistrict(_ generator: DistrictGenerator, editsPerUnit: Int = 10, chunk: Int = 10,
                                 mode: GeneratorWriteMode = .direct,
                                 progress: (GeneratorProgress) -> Void = { _ in }) throws -> GeneratorSummary {
        var summary = GeneratorSummary()
        summary.units = generator.units.count
        summary.years = generator.years.count
        progress(.organisations)
        try importRecords(InterchangeFile(organisations: generator.organisations(),
                                            cascades: generator.years.map { generator.cascade(year: $0) }),
                            name: "generate")

        let units = generator.units
        var start = 0
        while start < units.count {
            let part = units[start..<min(units.count, start + max(1, chunk))]
            var plans: [PlanRecord] = []
            for unit in part {
                for year in generator.years { plans.append(generator.plan(unit: unit, year: year)) }
            }
            let stored = switch mode {
            case .importer: try importRecords(InterchangeFile(plans: plans), name: "generate")
            case .direct: try writeTrustedPlans(plans, note: "generate")
            }
            summary.plans += stored.plans
            summary.items += stored.goals + stored.activities + stored.indicators
            summary.followUps += stored.followUps
            summary.sections += stored.sections
            start += part.count
            progress(.plans(done: start, total: units.count))
        }

        for (index, unit) in units.enumerated() {
            let (edits, undos) = try makeEditLog(for: unit, generator: generator, count: editsPerUnit)
            summary.edits += edits
            summary.undos += undos
            if (index + 1) % max(1, chunk) == 0 || index + 1 == units.count {
                progress(.edits(done: index + 1, total: units.count))
            }
        }
        return summary
    }

    /// The changes a unit's manager makes over a few sessions: analyses rewritten, ratings and
    /// statuses set, outcomes typed, plan texts and section texts revised, now and then undone.
    private func makeEditLog(for unit: DistrictGenerator.Unit, generator: DistrictGenerator,
                             count: Int) throws -> (edits: Int, undos: Int) {
        var rng = SplitMix64(seed: generator.options.seed, stream: 3, UInt64(unit.index))
        var edits = 0
        var undos = 0
        let years = generator.years
        for _ in 0..<count {
            // Mostly the current year, sometimes last year's report.
            let year = years.count > 1 && rng.chance(0.3) ? years[years.count - 2] : years[years.count - 1]
            let ref = PlanRef(unitID: unit.id, year: year)
            let plan = try loadPlan(ref)
            let period = rng.weighted([(ReportPeriod.vp, 15.0), (.t1, 20), (.t2, 25), (.vb, 40)])
            let walked = plan.walk(in: period).filter { $0.author != .council }
            let own = walked.filter { $0.author == .unit }
            let field = unit.field
            var command: (FieldRef, FieldValue?)?
            if period == .vp {
                if rng.chance(0.7), let goal = own.filter({ $0.kind == .goal }).randomElement(using: &rng) {
                    let text: TextField = rng.pick([.method, .expectedResult, .followUp, .development])
                    let old = goal.text(text)
                    command = (.itemText(item: goal.id, field: text),
                               .text(old.isEmpty ? GeneratedText.paragraph(field, sentences: 2...3, &rng)
                                     : old + "\n\n" + GeneratedText.paragraph(field, sentences: 1...3, &rng)))
                } else {
                    let old = plan.section("inledning", in: .vp)?.text ?? ""
                    command = (.sectionText(section: "inledning", period: .vp),
                               .text((old.isEmpty ? "" : old + "\n\n") + GeneratedText.paragraph(field, sentences: 2...4, &rng)))
                }
            } else {
                switch rng.int(0...9) {
                case 0...3:
                    if let item = walked.randomElement(using: &rng) {
                        let old = plan.followUp(item.id, period).analysis
                        let added = GeneratedText.sentence(field, &rng)
                        command = (.analysis(item: item.id, period: period), .text(old.isEmpty ? added : old + " " + added))
                    }
                case 4...5:
                    if let goal = own.filter({ $0.kind == .goal }).randomElement(using: &rng) {
                        command = (.rating(item: goal.id, period: period), .rating(rng.pick(Rating.allCases)))
                    }
                case 6...7:
                    if let activity = walked.filter({ $0.kind == .activity }).randomElement(using: &rng) {
                        command = (.status(item: activity.id, period: period), .status(rng.pick([.done, .ongoing, .done, .deviation])))
                    }
                case 8:
                    if let indicator = walked.filter({ plan.isOutcomeDue($0, in: period) }).randomElement(using: &rng) {
                        command = (.outcome(item: indicator.id, period: period), .number(Decimal(rng.int(0...1000)) / 10))
                    }
                default:
                    let old = plan.section("sammanfattande-analys", in: period)?.text ?? ""
                    command = (.sectionText(section: "sammanfattande-analys", period: period),
                               .text((old.isEmpty ? "" : old + "\n\n") + GeneratedText.paragraph(field, sentences: 2...4, &rng)))
                }
            }
            guard let (target, value) = command,
                  try self.value(of: target, in: ref).value != FieldValue.normalized(value) else { continue }
            try set(target, to: value, in: ref)
            edits += 1
            if rng.chance(0.08) {
                try undo(in: ref)
                undos += 1
            }
        }
        return (edits, undos)
    }
}

private extension Array {
    /// A deterministic pick (the standard library's `randomElement(using:)` may change between versions).
    func randomElement(using rng: inout SplitMix64) -> Element? {
        isEmpty ? nil : self[rng.int(0...(count - 1))]
    }
}
