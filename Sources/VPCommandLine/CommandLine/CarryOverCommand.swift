import ArgumentParser
import Foundation
import PlanKit

/// `vp-tui carry-over --unit UNIT --year YEAR [--place ITEM [--under GOAL] | --drop ITEM] [--db PATH]`:
/// what starting the year carried over, and placing or letting go of what waits, on a file or PostgreSQL.
struct CarryOverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "carry-over", abstract: CarryOverWords.command)

    @Option(help: ArgumentHelp(Strings.Help.unit, valueName: "ENHET")) var unit: String
    @Option(help: ArgumentHelp(Strings.Help.year, valueName: "ÅR")) var year: Int
    @Option(help: ArgumentHelp(CarryOverWords.placeHelp, valueName: "POST")) var place: String?
    @Option(help: ArgumentHelp(CarryOverWords.underHelp, valueName: "NÄMNDMÅL")) var under: String?
    @Option(help: ArgumentHelp(CarryOverWords.dropHelp, valueName: "POST")) var drop: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            if place != nil && drop != nil { throw ValidationError(CarryOverWords.placeOrDrop) }
            if under != nil && place == nil { throw ValidationError(CarryOverWords.placeNeedsUnder) }
            let (store, ref, saving) = try database.location.openPlanToChange(unit: unit, year: year)
            let organisation = try store.unit(named: ref.unitID)
            let plan = try store.namingUnits { try store.loadPlan(ref) }
            let entries = try store.carryOver(ref)
            guard !entries.isEmpty else {
                print(CarryOverWords.nothingCarried(year: year, unit: organisation.name))
                return
            }
            if let place {
                let entry = try Self.entry(place, in: entries)
                guard entry.needsDecision else { throw CarryOverError.notWaiting(entry.title) }
                if let under {
                    guard entry.outcome == .needsPlacing else { throw CarryOverError.closeMatchPlaced(entry.title) }
                    let goal = try Self.boardGoal(under, in: plan)
                    try saving.placeCarriedItem(entry.sourceID, under: goal.id, in: ref)
                    print(CarryOverWords.placed(entry, under: goal.title(in: .vp)))
                } else {
                    // A close match is confirmed where it stands; an item that waits needs a nämndmål.
                    guard entry.outcome == .placedByCloseWording else { throw ValidationError(CarryOverWords.placeNeedsUnder) }
                    try saving.placeCarriedItem(entry.sourceID, under: nil, in: ref)
                    print(CarryOverWords.confirmed(entry))
                }
            } else if let drop {
                let entry = try Self.entry(drop, in: entries)
                guard entry.outcome == .needsPlacing, !entry.decided else { throw CarryOverError.cannotDrop(entry.title) }
                try saving.dropCarriedItem(entry.sourceID, in: ref)
                print(CarryOverWords.dropped(entry))
            } else {
                print(CarryOverWords.list(entries, plan: plan, unit: organisation.name))
            }
        }
    }

    /// An entry by its id, or by its title when only one entry has it.
    static func entry(_ text: String, in entries: [CarryOverEntry]) throws -> CarryOverEntry {
        if let entry = entries.first(where: { $0.sourceID == text }) { return entry }
        let matches = entries.filter { TitleMatch.normalized($0.title) == TitleMatch.normalized(text) }
        guard matches.count == 1 else { throw CarryOverError.unknownItem(text) }
        return matches[0]
    }

    /// One of the year's nämndmål by its id, or by its title.
    static func boardGoal(_ text: String, in plan: PlanDocument) throws -> PlanItem {
        let goals = plan.walk(in: .vp).filter { $0.level == .boardGoal }
        if let goal = goals.first(where: { $0.id == text }) { return goal }
        let matches = goals.filter { TitleMatch.normalized($0.title(in: .vp)) == TitleMatch.normalized(text) }
        guard matches.count == 1 else { throw YearError.unknownPlacement(text) }
        return matches[0]
    }
}

enum CarryOverError: Error, LocalizedError {
    case unknownItem(String)
    case notWaiting(String)
    case closeMatchPlaced(String)
    case cannotDrop(String)

    var errorDescription: String? {
        switch self {
        case .unknownItem(let text): return CarryOverWords.unknownItem(text)
        case .notWaiting(let title): return CarryOverWords.notWaiting(title)
        case .closeMatchPlaced(let title): return CarryOverWords.closeMatchPlaced(title)
        case .cannotDrop(let title): return CarryOverWords.cannotDrop(title)
        }
    }
}
