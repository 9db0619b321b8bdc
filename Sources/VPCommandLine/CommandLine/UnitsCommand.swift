import ArgumentParser
import Foundation
import PlanKit

struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "units", abstract: Strings.Help.unitsCommand)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            let (store, readable) = try database.location.openEverything()
            let organisations = Self.shown(try store.organisations(), readable: readable)
            if organisations.isEmpty && readable != nil {
                print(Strings.PostgresReading.noReadableUnits)
                return
            }
            if organisations.isEmpty {
                print(Strings.CommandLine.noOrganisations)
                return
            }
            let allPlans = try store.plans()
            let plans = Dictionary(grouping: allPlans, by: \.unit.id)
            let states = try store.periodStates(allPlans.map { PlanRef(unitID: $0.unit.id, year: $0.year) })
            let children = Dictionary(grouping: organisations, by: { $0.parentID ?? "" })
            func show(_ organisation: Organisation, depth: Int) {
                let indent = String(repeating: "  ", count: depth)
                var line = "\(indent)\(Strings.organisationKind(organisation.kind)): \(organisation.name) [\(organisation.id)]"
                if organisation.kind == .unit {
                    let unitPlans = plans[organisation.id] ?? []
                    line += unitPlans.isEmpty ? " " + Strings.CommandLine.noPlan : ""
                    print(line)
                    for plan in unitPlans {
                        let ref = PlanRef(unitID: plan.unit.id, year: plan.year)
                        let line = states[ref].map { Strings.Year.planStatesLine(year: plan.year, states: $0) }
                            ?? Strings.CommandLine.planLine(year: plan.year, periods: plan.periods)
                        print("\(indent)  " + line)
                    }
                } else {
                    print(line)
                }
                for child in children[organisation.id] ?? [] { show(child, depth: depth + 1) }
            }
            let ids = Set(organisations.map(\.id))
            for root in organisations where root.parentID.map({ !ids.contains($0) }) ?? true {
                show(root, depth: 0)
            }
        }
    }

    /// The organisations whose plans the login may read and those above them (the way to them);
    /// all of them when it reads all. The tree is read by every login, but a unit it may not
    /// read would be listed without plans, as if it had none.
    static func shown(_ organisations: [Organisation], readable: Set<String>?) -> [Organisation] {
        guard let readable else { return organisations }
        let byID = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var kept: Set<String> = []
        for id in readable {
            var current = byID[id]
            while let organisation = current, kept.insert(organisation.id).inserted {
                current = organisation.parentID.flatMap { byID[$0] }
            }
        }
        return organisations.filter { kept.contains($0.id) }
    }
}
