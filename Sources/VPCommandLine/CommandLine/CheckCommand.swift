import ArgumentParser
import Foundation
import PlanKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: Strings.Help.checkCommand)

    @Option(help: ArgumentHelp(Strings.Help.unit, valueName: "ENHET")) var unit: String
    @Option(parsing: .unconditional, help: ArgumentHelp(Strings.Help.year, valueName: "ÅR")) var year: Int
    @Option(help: ArgumentHelp(Strings.Help.period, valueName: "PERIOD")) var period: ReportPeriod
    @OptionGroup var database: DatabaseOptions

    func validate() throws { try PlanYear.validate(year) }

    func run() throws {
        let gaps = try reportingErrors(exitCode: 2) { () -> [MissingLine] in
            let (store, ref) = try database.location.openPlan(unit: unit, year: year)
            // A damaged file could look complete: it is said before anything is judged.
            if let damage = store.checkForDamage() { throw damage }
            let plan = try store.namingUnits { try store.loadPlan(ref) }
            guard plan.periods.contains(period) else { throw PlanError.periodNotInPlan(period) }
            let lines = Completeness.missingLines(in: plan, period: period)
            if lines.isEmpty {
                print(Strings.complete(period, unit: plan.unit.displayName, year: year))
            } else {
                print(Strings.gapsFound(lines.count, period: period, unit: plan.unit.displayName, year: year))
                for line in lines { print(Strings.missingLineEntry(line)) }
            }
            return lines
        }
        if !gaps.isEmpty { throw ExitCode(1) }
    }
}
