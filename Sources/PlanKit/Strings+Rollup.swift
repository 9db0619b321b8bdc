import Foundation

/// The words of the board's view: the status table's states and the roll-up report.
extension Strings {
    public enum Rollup {
        public static func rating(_ rating: PlanKit.Rating?) -> String {
            rating.map(Strings.rating) ?? "Ej bedömd"
        }

        public static func consolidation(_ consolidation: Consolidation) -> String {
            switch consolidation {
            case .sum: return "summa"
            case .mean: return "medelvärde"
            case .range: return "lägst–högst"
            }
        }

        public static func title(_ period: ReportPeriod, year: Int, board: String, department: String?) -> String {
            let whose = department.map { "\($0), \(board)" } ?? board
            return "Sammanställning \(Strings.documentName(period).lowercased()) \(year) – \(whose)"
        }

        public static func basis(reported: Int, of total: Int, period: ReportPeriod, year: Int) -> String {
            "Underlag: \(reported) av \(total) enheter har \(Strings.documentName(period).lowercased()) \(year)."
        }

        public static func missingLabel(_ period: ReportPeriod) -> String { "Saknar \(Strings.periodName(period)):" }
        public static let damagedLabel = "Kunde inte läsas (skadade rader i databasen):"
        public static let summariesHeading = "Enheternas sammanfattande analyser"
        public static func ratingsLabel(goals: Int) -> String { "Enhetsmålens bedömning (\(goals) enhetsmål)" }
        public static let ratingColumn = "Bedömning"
        public static let countColumn = "Antal"
        public static let unitsColumn = "Enheter"
        public static let unitColumn = "Enhet"
        public static let statusLabel = "Läge"
        public static func statusCounts(_ counts: PlanKit.Rollup.StatusCounts) -> String {
            let parts = [(counts.done, "genomförd"), (counts.ongoing, "pågår"), (counts.notStarted, "ej påbörjad"),
                         (counts.deviation, "avvikelse"), (counts.noStatus, "utan status")]
            return parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        }
        public static let summaryColumn = "Sammanställt"
        public static let reportedColumn = "Med utfall"
        public static let outcomesLabel = "Utfall per enhet"
        public static let ownDeviationsLabel = "Avvikelser i enheternas egna aktiviteter"
        public static let analysesLabel = "Enheternas analyser"
        public static let noUnitGoals = "Inga enhetsmål under nämndmålet."
        public static let noAnalysis = "(ingen analys)"
        public static func deviationBy(_ unit: String) -> String { "Avvikelse, \(unit)" }

        public static func unitList(_ units: [String]) -> String {
            units.isEmpty ? "–" : units.joined(separator: ", ")
        }

        public static func unitGoalLine(unit: String, title: String, rating: PlanKit.Rating?) -> String {
            "\(unit) – Enhetsmål: \(title) (\(self.rating(rating)))"
        }

        public static func value(_ value: Decimal?, unit: String?) -> String {
            guard let value else { return "–" }
            return [SwedishNumber.format(value), unit].compactMap { $0 }.joined(separator: " ")
        }

        public static func summary(_ summary: PlanKit.Rollup.Summary, _ consolidation: Consolidation, unit: String?) -> String {
            if let low = summary.min, let high = summary.max {
                return "\(Self.value(low, unit: unit)) – \(Self.value(high, unit: unit)) (\(self.consolidation(consolidation)))"
            }
            guard let value = summary.value else { return "– (\(self.consolidation(consolidation)))" }
            return "\(Self.value(value, unit: unit)) (\(self.consolidation(consolidation)))"
        }

        // Damaged rows
        public static func damagedPeriods(_ text: String) -> String {
            "planens perioder innehåller \"\(text)\", som inte är någon period"
        }

        public static func damagedFollowUp(item: String, period: String, value: String) -> String {
            "uppföljningen av \(item) (\(period)) har värdet \"\(value)\", som vp-tui inte kan läsa"
        }

        public static func damagedItem(_ id: String) -> String {
            "posten \(id) har en okänd typ eller nivå eller hänger under en post som saknas"
        }

        public static func error(_ error: RollupError) -> String {
            switch error {
            case .boardOrDepartmentNeeded:
                return "Ange en nämnd eller en avdelning."
            case .unknownBoard(let name, let known):
                return "Nämnden \"\(name)\" finns inte i databasen. " + choices("Nämnder", known)
            case .unknownDepartment(let name, let known):
                return "Avdelningen \"\(name)\" finns inte i databasen. " + choices("Avdelningar", known)
            case .ambiguous(let name, let candidates):
                return "\"\(name)\" passar flera: \(candidates.joined(separator: ", ")). Ange id:t."
            case .departmentNotInBoard(let department, let board):
                return "Avdelningen \(department) hör inte till \(board)."
            case .noUnits(let scope):
                return "\(scope) har inga enheter."
            case .noPlansForYear(let scope, let year, let years):
                let other = years.isEmpty ? "Ingen enhet har någon plan ännu."
                    : "Planer finns för \(years.map(String.init).joined(separator: ", "))."
                return "Ingen enhet under \(scope) har en plan för \(year). \(other)"
            case .periodInNoPlan(let scope, let year, let period):
                return "Ingen enhet under \(scope) har \(Strings.documentName(period).lowercased()) (\(Strings.periodName(period))) för \(year)."
            }
        }

        private static func choices(_ heading: String, _ names: [String]) -> String {
            names.isEmpty ? "Databasen har inga." : "\(heading) i databasen: \(names.joined(separator: ", "))."
        }
    }
}
