import ArgumentParser
import Foundation
import PlanKit

/// `vp-tui start --unit UNIT --year YEAR --period t1|t2|vb|vp [--from YEAR] [--db PATH]`, on a file or PostgreSQL.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: Strings.Year.startCommand)

    @Option(help: ArgumentHelp(Strings.Help.unit, valueName: "ENHET")) var unit: String
    @Option(help: ArgumentHelp(Strings.Help.year, valueName: "ÅR")) var year: Int
    @Option(help: ArgumentHelp(Strings.Year.period, valueName: "PERIOD")) var period: ReportPeriod
    @Option(help: ArgumentHelp(Strings.Year.from, valueName: "ÅR")) var from: Int?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            if from != nil && period != .vp { throw ValidationError(Strings.Year.fromOnlyWithVP) }
            let (store, ref, saving) = try database.location.openPlanToChange(unit: unit, year: year)
            let organisation = try store.unit(named: ref.unitID)
            try store.namingUnits {
                if period == .vp {
                    let started = try saving.startYear(unit: organisation.id, year: year, from: from)
                    print(Strings.Year.startedYear(started, unit: organisation.name))
                } else {
                    let started = try saving.startPeriod(period, in: ref)
                    print(Strings.Year.startedPeriod(started, unit: organisation.name))
                }
            }
        }
    }
}

/// `vp-tui submit --unit UNIT --year YEAR --period P [--db PATH]`, on a file or PostgreSQL.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: Strings.Year.submitCommand)

    @Option(help: ArgumentHelp(Strings.Help.unit, valueName: "ENHET")) var unit: String
    @Option(help: ArgumentHelp(Strings.Help.year, valueName: "ÅR")) var year: Int
    @Option(help: ArgumentHelp(Strings.Help.period, valueName: "PERIOD")) var period: ReportPeriod
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            let (store, ref, saving) = try database.location.openPlanToChange(unit: unit, year: year)
            let organisation = try store.unit(named: ref.unitID)
            let handIn = try store.namingUnits { try saving.submit(ref, period: period) }
            print(Strings.Year.submitted(handIn, unit: organisation.name))
        }
    }
}

/// `vp-tui reopen --unit UNIT --year YEAR --period P --reason TEXT [--db PATH]`, on a file or PostgreSQL.
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: Strings.Year.reopenCommand)

    @Option(help: ArgumentHelp(Strings.Help.unit, valueName: "ENHET")) var unit: String
    @Option(help: ArgumentHelp(Strings.Help.year, valueName: "ÅR")) var year: Int
    @Option(help: ArgumentHelp(Strings.Help.period, valueName: "PERIOD")) var period: ReportPeriod
    @Option(help: ArgumentHelp(Strings.Year.reason, valueName: "TEXT")) var reason: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            let (store, ref, saving) = try database.location.openPlanToChange(unit: unit, year: year)
            let organisation = try store.unit(named: ref.unitID)
            try store.namingUnits { try saving.reopen(ref, period: period, reason: reason) }
            print(Strings.Year.reopened(period, year: year, unit: organisation.name))
        }
    }
}
