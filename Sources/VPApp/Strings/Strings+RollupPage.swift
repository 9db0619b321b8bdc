import PlanKit

/// The words of the roll-up page: what the units said under each of the board's goals.
extension Strings {
    public enum RollupPage {
        public static let hintMove = "Bläddra"
        public static let hintNextGoal = "Nästa nämndmål"
        public static let hintPreviousGoal = "Föregående"
        public static let hintOpen = "Öppna enheten"
        public static let hintBack = "Tillbaka"
        public static let hintHelp = "Hjälp"
        public static let hintQuit = "Avsluta"
        /// On the board's status table: the key that opens the roll-up.
        public static let boardHint = "Sammanställning"

        public static let helpGroup = "Nämndens tabell och sammanställning"
        public static let helpBoardMove = "Nämndens tabell: välj enhet"
        public static let helpBoardSort = "Nämndens tabell: sortera efter läge, antal saknade eller namn"
        public static let helpBoardFilter = "Nämndens tabell: det du skriver filtrerar; Backsteg tar bort det sista tecknet"
        public static let helpBoardOpen = "Nämndens tabell: öppna enhetens rapport (Esc kommer tillbaka)"
        public static let helpBoardRollup = "Nämndens tabell: sammanställningen under varje nämndmål för perioden"
        public static let helpBoardBack = "Nämndens tabell: ta bort filtret, sedan tillbaka till väljaren"
        public static let helpMove = "Sammanställningen: bläddra rad för rad, en sida i taget, till början eller slutet"
        public static let helpNextGoal = "Sammanställningen: nästa nämndmål"
        public static let helpPreviousGoal = "Sammanställningen: föregående nämndmål"
        public static let helpOpen = "Sammanställningen: öppna enheten på raden (Esc kommer tillbaka)"
        public static let helpBack = "Sammanställningen: tillbaka till nämndens tabell"

        /// The line above the roll-up: where the cursor is among the nämndmål.
        public static func position(goal: Int?, of goals: Int) -> String {
            guard goals > 0 else { return "Inga nämndmål" }
            guard let goal else { return "\(goals) nämndmål · Tab eller n går till nästa" }
            return "Nämndmål \(goal) av \(goals)"
        }

        public static let loading = "Läser enheternas rapporter …"
        public static let noUnitOnLine = "Raden hör inte till någon enhet. Välj en rad som börjar med en enhets namn."
        public static func cannotOpen(_ unit: String) -> String { "\(unit) har ingen rapport att öppna för perioden." }
        public static let noGoals = "Nämnden har inga nämndmål för året."

        public static let ratingsHeading = "Enhetsmålens bedömning"
        /// A unit with several enhetsmål rated alike is named once, with how many.
        public static func ratingLine(_ rating: PlanKit.Rating?, count: Int, units: [String]) -> String {
            var named: [(String, Int)] = []
            for unit in units {
                if named.last?.0 == unit { named[named.count - 1].1 += 1 } else { named.append((unit, 1)) }
            }
            let list = named.isEmpty ? "–" : named.map { $0.1 > 1 ? "\($0.0) (\($0.1))" : $0.0 }.joined(separator: ", ")
            return "\(Strings.Rollup.rating(rating)) \(count): \(list)"
        }
        public static let indicatorsHeading = "Nämndens indikatorer"
        public static func indicatorFacts(target: String?, summary: String, reported: Int, of total: Int) -> String {
            let parts = [target.map { "Målvärde \($0)" }, "Sammanställt \(summary)", "med utfall \(reported) av \(total)"]
            return parts.compactMap { $0 }.joined(separator: " · ")
        }
        public static func outcome(unit: String, value: String) -> String { "\(unit): \(value)" }
        public static let activitiesHeading = "Nämndens aktiviteter"
        public static func activity(_ title: String, units: Int) -> String {
            "\(title) (\(units) \(units == 1 ? "enhet" : "enheter"))"
        }
        public static func statusLine(_ counts: PlanKit.Rollup.StatusCounts) -> String {
            "\(Strings.Rollup.statusLabel): \(Strings.Rollup.statusCounts(counts))"
        }
        public static func deviation(unit: String, analysis: String?) -> String {
            "\(Strings.Rollup.deviationBy(unit)): \(analysis ?? Strings.Rollup.noAnalysis)"
        }
        public static func ownDeviation(unit: String, activity: String, analysis: String?) -> String {
            "\(unit) – \(activity): \(analysis ?? Strings.Rollup.noAnalysis)"
        }
        public static let unitGoalsHeading = "Enheternas enhetsmål och analyser"
        public static func unitGoal(unit: String, title: String, rating: PlanKit.Rating?, followUp: Bool) -> String {
            followUp ? Strings.Rollup.unitGoalLine(unit: unit, title: title, rating: rating) : "\(unit) – Enhetsmål: \(title)"
        }
        public static func summaryTitle(unit: String, title: String) -> String { "\(unit): \(title)" }
    }
}
