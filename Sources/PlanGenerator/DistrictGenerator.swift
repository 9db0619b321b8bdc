import Foundation
import PlanKit

/// Makes a realistic district for benchmarks and demonstrations: the city, the board
/// "hagersten-alvsjo" with the real 2021 cascade of the samples repeated for every year (new ids
/// per year), departments, units, and for every unit and year a plan with all four periods, its
/// own goals, activities and indicators, follow-ups with Swedish analyses, and document sections.
///
/// Deterministic: the same options give the same records, whatever the machine. Every unit and
/// year draws from its own random stream, so plans can be made in any order and in chunks.
public struct DistrictGenerator: Sendable {
    public struct Options: Sendable, Equatable {
        public var units: Int
        public var years: Int
        public var seed: UInt64
        /// The first year; the template cascade's year unless given.
        public var firstYear: Int?

        public init(units: Int = 300, years: Int = 5, seed: UInt64 = 1, firstYear: Int? = nil) {
            self.units = units
            self.years = years
            self.seed = seed
            self.firstYear = firstYear
        }
    }

    /// One generated unit.
    public struct Unit: Sendable, Equatable {
        public var index: Int
        public var id: String
        public var name: String
        public var departmentID: String
        /// Starts the ids of the unit's own items: "e042" gives "e042-2023-em-03".
        public var prefix: String
        var field: GeneratedField
    }

    public let options: Options
    public let units: [Unit]
    public let cityID = "stockholm"
    public let boardID: String
    let template: CascadeRecord
    /// The template's board goals in document order, each with the council area above it.
    let boardGoals: [(goal: GoalRecord, area: GoalRecord)]

    public var years: [Int] {
        let first = options.firstYear ?? template.year
        return Array(first..<(first + max(1, options.years)))
    }

    /// - Parameter template: a board's cascade; by default the real one of the bundled samples.
    public init(options: Options, template: CascadeRecord? = nil) throws {
        self.options = options
        let template = try template ?? Self.bundledTemplate()
        self.template = template
        boardID = template.board
        var boardGoals: [(GoalRecord, GoalRecord)] = []
        func walk(_ goal: GoalRecord, area: GoalRecord?) {
            if goal.level == .boardGoal, let area { boardGoals.append((goal, area)) }
            for child in goal.children ?? [] { walk(child, area: goal.level == .councilArea ? goal : area) }
        }
        template.goals.forEach { walk($0, area: nil) }
        guard !boardGoals.isEmpty else { throw StoreError.samplesMissing }
        self.boardGoals = boardGoals

        var units: [Unit] = []
        var usedNames: Set<String> = []
        var usedIDs: Set<String> = [template.board, "stockholm"]
        for field in GeneratedField.allCases { usedIDs.insert(Self.departmentID(field, board: template.board)) }
        for index in 0..<max(0, options.units) {
            var rng = SplitMix64(seed: options.seed, stream: 1, UInt64(index))
            let field = rng.weighted(Self.fieldShares)
            var name = GeneratedText.unitName(field, &rng)
            if usedNames.contains(name) {
                var number = 2
                while usedNames.contains("\(name) \(number)") { number += 1 }
                name = "\(name) \(number)"
            }
            usedNames.insert(name)
            var id = GeneratedText.slug(name)
            if usedIDs.contains(id) { id += "-\(index + 1)" }
            usedIDs.insert(id)
            units.append(Unit(index: index, id: id, name: name, departmentID: Self.departmentID(field, board: template.board),
                              prefix: String(format: "e%03d", index + 1), field: field))
        }
        self.units = units
    }

    /// The board cascade of the bundled samples (Hägersten-Älvsjö 2021).
    public static func bundledTemplate() throws -> CascadeRecord {
        for path in try BundledSamples.files() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            if let cascade = try InterchangeDecoder.decode(data, file: path).cascades?.first { return cascade }
        }
        throw StoreError.samplesMissing
    }

    static let fieldShares: [(GeneratedField, Double)] = [
        (.preschool, 40), (.elderlyCare, 20), (.socialServices, 17), (.culture, 10), (.cityEnvironment, 6), (.administration, 7),
    ]

    static func departmentID(_ field: GeneratedField, board: String) -> String {
        "\(board)-\(GeneratedText.departmentSlug(field))"
    }

    // MARK: Organisations and cascades

    public func organisations() -> [OrganisationRecord] {
        var records = [
            OrganisationRecord(id: cityID, kind: .city, name: "Stockholms stad", parent: nil),
            OrganisationRecord(id: boardID, kind: .board, name: "Hägersten-Älvsjö stadsdelsnämnd", parent: cityID),
        ]
        for field in GeneratedField.allCases {
            records.append(OrganisationRecord(id: Self.departmentID(field, board: boardID), kind: .department,
                                              name: GeneratedText.departmentName(field), parent: boardID))
        }
        for unit in units {
            records.append(OrganisationRecord(id: unit.id, kind: .unit, name: unit.name, parent: unit.departmentID))
        }
        return records
    }

    /// The template cascade with the ids and dates of another year.
    public func cascade(year: Int) -> CascadeRecord {
        CascadeRecord(board: boardID, year: year, goals: template.goals.map { moved($0, to: year) })
    }

    func yearID(_ id: String, _ year: Int) -> String {
        year == template.year ? id : id.replacingOccurrences(of: "-\(template.year)-", with: "-\(year)-")
    }

    private func movedDate(_ date: String?, _ year: Int) -> String? {
        guard let date, date.count == 10, let old = Int(date.prefix(4)) else { return date }
        let shifted = old + year - template.year
        var rest = String(date.dropFirst(4))
        if rest == "-02-29" { rest = "-02-28" }
        return String(format: "%04d", shifted) + rest
    }

    private func moved(_ goal: GoalRecord, to year: Int) -> GoalRecord {
        var goal = goal
        goal.id = yearID(goal.id, year)
        goal.parent = goal.parent.map { yearID($0, year) }
        goal.indicators = goal.indicators?.map { indicator in
            var indicator = indicator
            indicator.id = yearID(indicator.id, year)
            return indicator
        }
        goal.activities = goal.activities?.map { activity in
            var activity = activity
            activity.id = yearID(activity.id, year)
            activity.start = movedDate(activity.start, year)
            activity.end = movedDate(activity.end, year)
            return activity
        }
        goal.children = goal.children?.map { moved($0, to: year) }
        return goal
    }

    // MARK: Plans

    /// Which board goals (by their position 1–17 in the cascade) each kind of unit works towards.
    static func boardGoalNumbers(_ field: GeneratedField) -> [Int] {
        switch field {
        case .preschool: return [3, 4]
        case .elderlyCare: return [6, 5]
        case .socialServices: return [1, 5, 2]
        case .culture: return [10, 2]
        case .cityEnvironment: return [9, 11, 2, 8]
        case .administration: return [7, 8, 15, 16]
        }
    }

    static let commonBoardGoalNumbers = [12, 13, 14, 17]

    /// The chance that a follow-up is written: earlier years are complete, the last is under way.
    func fillRate(year: Int, period: ReportPeriod) -> Double {
        guard year == years.last else { return 0.98 }
        switch period {
        case .vp: return 1
        case .t1: return 0.97
        case .t2: return 0.9
        case .vb: return 0.35
        }
    }

    public func plan(unit: Unit, year: Int) -> PlanRecord {
        var rng = SplitMix64(seed: options.seed, stream: 2, UInt64(unit.index), UInt64(year))
        let field = unit.field

        // The board goals the unit works towards, and what it takes up of them.
        let fieldNumbers = Self.boardGoalNumbers(field)
        let commonNumbers = rng.sample(Self.commonBoardGoalNumbers, count: rng.int(2...4))
        var numbers: [Int] = []
        for number in fieldNumbers + commonNumbers where !numbers.contains(number) { numbers.append(number) }
        let chosen = numbers.sorted().map { boardGoals[($0 - 1) % boardGoals.count] }
        var inherits: [String] = []
        var notFollowedUp: [String] = []
        var inheritedActivities: [ActivityRecord] = []
        var inheritedIndicators: [IndicatorRecord] = []
        for (goal, area) in chosen {
            let moved = moved(goal, to: year)
            if !inherits.contains(moved.id) { inherits.append(moved.id) }
            for activity in moved.activities ?? [] where rng.chance(0.6) {
                inherits.append(activity.id)
                if rng.chance(0.05) { notFollowedUp.append(activity.id) } else { inheritedActivities.append(activity) }
            }
            for indicator in moved.indicators ?? [] where rng.chance(0.7) {
                inherits.append(indicator.id)
                inheritedIndicators.append(indicator)
            }
            // KF's indicators, shown in the plan (VP) for reference.
            let areaIndicators = (area.indicators ?? []).map { yearID($0.id, year) }.filter { !inherits.contains($0) }
            if !areaIndicators.isEmpty && rng.chance(0.4) {
                inherits += rng.sample(areaIndicators, count: rng.int(1...2))
            }
        }

        // The unit's own goals with their activities and indicators.
        let goalCount = rng.int(10...20)
        let ownCount = rng.int(50...100)
        var share = Array(repeating: 0, count: goalCount)
        for _ in 0..<ownCount { share[rng.int(0...(goalCount - 1))] += 1 }
        let fieldGoalIDs = chosen.filter { fieldNumbers.contains(boardGoalNumber($0.goal)) }.map { yearID($0.goal.id, year) }
        let otherGoalIDs = chosen.map { yearID($0.goal.id, year) }.filter { !fieldGoalIDs.contains($0) }
        var goals: [GoalRecord] = []
        for index in 0..<goalCount {
            let id = "\(unit.prefix)-\(year)-em-\(String(format: "%02d", index + 1))"
            let parent = otherGoalIDs.isEmpty || (!fieldGoalIDs.isEmpty && rng.chance(0.75)) ? rng.pick(fieldGoalIDs.isEmpty ? otherGoalIDs : fieldGoalIDs)
                : rng.pick(otherGoalIDs)
            var activities: [ActivityRecord] = []
            var indicators: [IndicatorRecord] = []
            for _ in 0..<share[index] {
                if rng.chance(0.6) {
                    let startMonth = rng.weighted([(1, 6.0), (2, 1), (3, 1), (4, 1), (5, 1), (6, 0.5), (8, 1), (9, 1)])
                    let end = rng.chance(0.7) ? "\(year)-12-31" : (startMonth < 6 ? "\(year)-06-30" : "\(year)-12-31")
                    activities.append(ActivityRecord(id: "\(id)-a\(String(format: "%02d", activities.count + 1))",
                                                     title: GeneratedText.activityTitle(field, &rng),
                                                     start: String(format: "%04d-%02d-01", year, startMonth), end: end))
                } else {
                    indicators.append(ownIndicator(id: "\(id)-i\(String(format: "%02d", indicators.count + 1))", field, &rng))
                }
            }
            goals.append(GoalRecord(id: id, level: .unitGoal, parent: parent, number: nil,
                                    title: GeneratedText.unitGoalTitle(field, &rng), description: nil,
                                    expectedResult: GeneratedText.lines(field, count: 2...4, &rng),
                                    method: GeneratedText.paragraphs(field, count: 2...3, &rng),
                                    resources: GeneratedText.resources(field, &rng),
                                    followUp: GeneratedText.paragraphs(field, count: 1...2, sentences: 2...4, &rng),
                                    development: GeneratedText.paragraph(field, sentences: 2...4, &rng),
                                    comment: nil, indicators: indicators.isEmpty ? nil : indicators,
                                    activities: activities.isEmpty ? nil : activities, children: nil, revisions: nil))
        }

        // Follow-ups of everything the unit follows up, period by period.
        var followUps: [FollowUpRecord] = []
        for period in [ReportPeriod.t1, .t2, .vb] {
            let rate = fillRate(year: year, period: period)
            let long = period == .vb
            for (goalID, _) in chosen.map({ (yearID($0.goal.id, year), $0.area) }) where rng.chance(rate * 0.4) {
                followUps.append(FollowUpRecord(item: goalID, period: period, rating: nil, status: nil, outcome: nil,
                                                analysis: GeneratedText.paragraph(field, sentences: 2...4, &rng)))
            }
            for activity in inheritedActivities where isDue(activity.start, period, year) && rng.chance(rate) {
                let status = activityStatus(period, &rng)
                followUps.append(FollowUpRecord(item: activity.id, period: period, rating: nil, status: status, outcome: nil,
                                                analysis: status == .deviation || rng.chance(0.5)
                                                    ? GeneratedText.activityAnalysis(field, status: status, &rng) : nil))
            }
            for indicator in inheritedIndicators where indicator.periodicity.duePeriods.contains(period) && rng.chance(rate) {
                followUps.append(FollowUpRecord(item: indicator.id, period: period, rating: nil, status: nil,
                                                outcome: outcome(for: indicator, &rng),
                                                analysis: rng.chance(0.4) ? GeneratedText.indicatorAnalysis(field, &rng) : nil))
            }
            for goal in goals {
                if rng.chance(rate) {
                    let rating = rng.weighted([(Rating.fully, 55.0), (.partly, 38), (.not, 7)])
                    let analysis = long ? GeneratedText.goalAnalysis(field, rating: rating, &rng)
                        : GeneratedText.paragraphs(field, count: 1...2, &rng)
                    followUps.append(FollowUpRecord(item: goal.id, period: period, rating: RatingRecord(rating), status: nil,
                                                    outcome: nil, analysis: analysis))
                }
                for activity in goal.activities ?? [] where isDue(activity.start, period, year) && rng.chance(rate) {
                    let status = activityStatus(period, &rng)
                    followUps.append(FollowUpRecord(item: activity.id, period: period, rating: nil, status: status, outcome: nil,
                                                    analysis: status == .deviation || rng.chance(0.7)
                                                        ? GeneratedText.activityAnalysis(field, status: status, &rng) : nil))
                }
                for indicator in goal.indicators ?? [] where indicator.periodicity.duePeriods.contains(period) && rng.chance(rate) {
                    followUps.append(FollowUpRecord(item: indicator.id, period: period, rating: nil, status: nil,
                                                    outcome: outcome(for: indicator, &rng),
                                                    analysis: rng.chance(0.6) ? GeneratedText.indicatorAnalysis(field, &rng) : nil))
                }
            }
        }

        var sections: [SectionRecord] = []
        for period in ReportPeriod.allCases {
            let rate = fillRate(year: year, period: period)
            for entry in SectionTemplate.entries(for: period) {
                sections.append(SectionRecord(period: period, id: entry.id, parent: entry.parentID, title: entry.title,
                                              placement: entry.parentID == nil ? entry.placement : nil,
                                              text: sectionText(entry, period: period, rate: rate, field, &rng)))
            }
        }

        return PlanRecord(unit: unit.id, year: year, board: boardID, periods: ReportPeriod.allCases, inherits: inherits,
                          notFollowedUp: notFollowedUp.isEmpty ? nil : notFollowedUp, goals: goals,
                          followUps: followUps, sections: sections)
    }

    private func boardGoalNumber(_ goal: GoalRecord) -> Int {
        (boardGoals.firstIndex { $0.goal.id == goal.id } ?? -1) + 1
    }

    private func isDue(_ start: String?, _ period: ReportPeriod, _ year: Int) -> Bool {
        guard let start, start.count >= 10 else { return true }
        let (month, day) = period.endsOn
        return String(start.prefix(10)) <= String(format: "%04d-%02d-%02d", year, month, day)
    }

    private func activityStatus(_ period: ReportPeriod, _ rng: inout SplitMix64) -> ActivityStatus {
        switch period {
        case .vp, .t1: return rng.weighted([(.done, 15.0), (.ongoing, 65), (.notStarted, 15), (.deviation, 5)])
        case .t2: return rng.weighted([(.done, 35.0), (.ongoing, 55), (.notStarted, 5), (.deviation, 5)])
        case .vb: return rng.weighted([(.done, 80.0), (.ongoing, 8), (.deviation, 12)])
        }
    }

    private func ownIndicator(id: String, _ field: GeneratedField, _ rng: inout SplitMix64) -> IndicatorRecord {
        let template = GeneratedText.indicator(field, &rng)
        let target: String
        if rng.chance(0.08) {
            target = template.direction == .higherIsBetter ? "öka" : "minska"
        } else {
            let value = round(template.low, template.high, decimals: template.decimals, &rng)
            let number = SwedishNumber.format(value, maxDecimals: template.decimals)
            target = template.measureUnit.map { ["%", "st"].contains($0) ? "\(number) \($0)" : number } ?? number
        }
        let periodicity = rng.weighted([(Periodicity.tertial, 40.0), (.halfYear, 15), (.term, 15), (.year, 30)])
        return IndicatorRecord(id: id, name: template.name, measureUnit: template.measureUnit, target: target,
                               councilTarget: nil, periodicity: periodicity, direction: template.direction,
                               comment: rng.chance(0.1) ? GeneratedText.sentence(field, &rng) : nil)
    }

    /// An outcome near the target, to one decimal, as a person would type it.
    private func outcome(for indicator: IndicatorRecord, _ rng: inout SplitMix64) -> Decimal {
        let target = Target(written: indicator.target)
        let typed: Double
        if case .number(let goal, _) = target, goal > 0 {
            let result = NSDecimalNumber(decimal: goal).doubleValue * (0.8 + 0.4 * rng.unit())
            let rounded = (result * 10).rounded() / 10
            typed = indicator.measureUnit == "%" ? min(100, rounded) : rounded
        } else {
            typed = Double(rng.int(10...950)) / 10
        }
        return ExactDecimal.fromDouble(typed) ?? 0
    }

    private func round(_ low: Double, _ high: Double, decimals: Int, _ rng: inout SplitMix64) -> Double {
        let value = low + (high - low) * rng.unit()
        let scale = decimals == 0 ? 1.0 : 10.0
        return (value * scale).rounded() / scale
    }

    private func sectionText(_ entry: SectionTemplate.Entry, period: ReportPeriod, rate: Double, _ field: GeneratedField,
                             _ rng: inout SplitMix64) -> String? {
        switch entry.id {
        case "inledning", "verksamhetsbeskrivning":
            return GeneratedText.paragraphs(field, count: 2...4, &rng)
        case "verksamhetside-och-vardegrund", "medarbetarnas-delaktighet", "systematiskt-kvalitetsarbete":
            return rng.chance(rate) ? GeneratedText.paragraphs(field, count: 1...2, &rng) : nil
        case "redovisning-av-ekonomi", "analys-av-resultatrakning", "investeringar", "medel-for-lokalandamal":
            return rng.chance(rate * 0.8) ? GeneratedText.economy(&rng) : nil
        case "forslag-till-beslut":
            return rng.chance(rate) ? GeneratedText.decisionProposal(period) : nil
        case "sammanfattande-analys":
            return rng.chance(rate) ? GeneratedText.paragraphs(field, count: 3...6, sentences: 3...6, &rng) : nil
        case "uppfoljning-av-ekonomi":
            return nil
        default:
            return rng.chance(rate * 0.5) ? GeneratedText.paragraph(field, sentences: 2...4, &rng) : nil
        }
    }
}
