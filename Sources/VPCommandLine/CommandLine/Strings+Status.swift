import PlanKit

extension Strings {
    /// The words of `vp-tui status` and of the board options of `vp-tui export`.
    enum Status {
        static let command = "Visa läget för varje enhet i en nämnd eller avdelning för en period. Slutkod 0: alla kompletta eller inlämnade, 1: någon är inte klar, 2: fel."
        static let board = "Nämndens id eller namn (skiftläget spelar ingen roll)."
        static let department = "Avdelningens id eller namn; bara dess enheter."
        static let format = "Utdataformat."
        static let exportBoard = "Sammanställ alla enheter i nämnden (i stället för --unit)."
        static let exportDepartment = "Sammanställ bara avdelningens enheter (med eller utan --namnd)."
        static let unitOrBoard = "Ange antingen en enhet med --unit eller en nämnd eller avdelning med --namnd/--avdelning."
        static let unitAndBoard = "Ange --unit eller --namnd/--avdelning, inte båda."
        static let periodNeeded = "Sammanställningen gäller en period: ange --period vp, t1, t2 eller vb."

        static let headers = ["Enhet", "Avdelning", "Läge", "Saknas", "Helt", "Delvis", "Inte", "Ej bedömd", "Avvikelser"]
        /// The four ratings in one column, when the screen is too narrow for four.
        static let ratingsHeader = "H/D/I/–"
        static let noPlan = "ingen plan"
        static let noDepartment = "–"
        static func damaged(_ message: String) -> String { "kan inte läsas: \(message)" }
        static let total = "Totalt"

        static func heading(_ status: BoardStatus) -> String {
            "\(Strings.documentName(status.period)) \(status.year), \(status.scope): \(totalUnits(status.lines.count))"
        }

        static func totalUnits(_ count: Int) -> String { count == 1 ? "1 enhet" : "\(count) enheter" }

        static func doneCount(_ status: BoardStatus) -> String {
            "\(status.lines.filter(\.isDone).count) av \(status.lines.count) klara"
        }

        static func summary(_ status: BoardStatus) -> String {
            var parts = PeriodState.allCases.compactMap { state -> String? in
                guard let count = status.total.byState[state.rawValue], count > 0 else { return nil }
                return "\(count) \(Strings.periodState(state))"
            }
            if status.total.damaged > 0 { parts.append("\(status.total.damaged) kan inte läsas") }
            return "Läge: " + parts.joined(separator: ", ") + "."
        }
    }
}
