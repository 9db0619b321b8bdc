import ArgumentParser
import Foundation
import PlanKit

/// `vp-tui start --unit UNIT --year YEAR --period t1|t2|vb|vp [--from YEAR] [--db PATH]`.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: YearWords.startCommand)

    @Option(help: ArgumentHelp(Strings.Help.unit, valueName: "ENHET")) var unit: String
    @Option(help: ArgumentHelp(Strings.Help.year, valueName: "ÅR")) var year: Int
    @Option(help: ArgumentHelp(YearWords.period, valueName: "PERIOD")) var period: ReportPeriod
    @Option(help: ArgumentHelp(YearWords.from, valueName: "ÅR")) var from: Int?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            if from != nil && period != .vp { throw ValidationError(YearWords.fromOnlyWithVP) }
            let store = try database.open()
            let organisation = try store.unit(named: unit)
            if period == .vp {
                let started = try store.startYear(unit: organisation.id, year: year, from: from)
                print(YearWords.startedYear(started, unit: organisation.name))
            } else {
                let started = try store.startPeriod(period, in: PlanRef(unitID: organisation.id, year: year))
                print(YearWords.startedPeriod(started, unit: organisation.name))
            }
        }
    }
}

/// `vp-tui submit --unit UNIT --year YEAR --period P [--db PATH]`.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: YearWords.submitCommand)

    @Option(help: ArgumentHelp(Strings.Help.unit, valueName: "ENHET")) var unit: String
    @Option(help: ArgumentHelp(Strings.Help.year, valueName: "ÅR")) var year: Int
    @Option(help: ArgumentHelp(Strings.Help.period, valueName: "PERIOD")) var period: ReportPeriod
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            let store = try database.open()
            let organisation = try store.unit(named: unit)
            let handIn = try store.submit(PlanRef(unitID: organisation.id, year: year), period: period)
            print(YearWords.submitted(handIn, unit: organisation.name))
        }
    }
}

/// `vp-tui reopen --unit UNIT --year YEAR --period P --reason TEXT [--db PATH]`.
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: YearWords.reopenCommand)

    @Option(help: ArgumentHelp(Strings.Help.unit, valueName: "ENHET")) var unit: String
    @Option(help: ArgumentHelp(Strings.Help.year, valueName: "ÅR")) var year: Int
    @Option(help: ArgumentHelp(Strings.Help.period, valueName: "PERIOD")) var period: ReportPeriod
    @Option(help: ArgumentHelp(YearWords.reason, valueName: "TEXT")) var reason: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            let store = try database.open()
            let organisation = try store.unit(named: unit)
            try store.reopen(PlanRef(unitID: organisation.id, year: year), period: period, reason: reason ?? "")
            print(YearWords.reopened(period, year: year, unit: organisation.name))
        }
    }
}
