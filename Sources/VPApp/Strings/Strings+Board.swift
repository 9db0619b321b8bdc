import PlanKit

/// The words of the board's status table in the app.
extension Strings {
    public enum Board {
        public static let hintMove = "Välj"
        public static let hintSort = "Sortera"
        public static let typeKey = "a–ö"
        public static let hintFilter = "Filtrera"
        public static let hintOpen = "Öppna"
        public static let hintBack = "Tillbaka"
        public static let hintQuit = "Avsluta"

        public static func title(_ status: BoardStatus) -> String {
            "\(status.scope) · \(documentName(status.period)) \(status.year) (\(periodName(status.period)))"
        }

        public static func sortedBy(_ sort: BoardPage.Sort) -> String {
            switch sort {
            case .state: return "Sorterat efter läge (minst klar först)"
            case .gaps: return "Sorterat efter antal saknade (flest först)"
            case .name: return "Sorterat efter namn"
            }
        }

        public static func summary(_ status: BoardStatus, shown: Int, filter: String) -> String {
            let done = status.lines.filter(\.isDone).count
            let base = "\(done) av \(status.lines.count) klara · \(status.total.gaps) saknas"
            return filter.isEmpty ? base : "\(base) · filter \"\(filter)\": \(shown) visas"
        }

        public static let headers = ["Enhet", "Avdelning", "Läge", "Saknas", "H/D/I/–", "Avv."]
        public static let noPlan = "ingen plan"
        public static let damaged = "kan inte läsas"
        public static let noMatch = "Inga enheter passar filtret. Esc tar bort det."
        public static func cannotOpen(_ unit: String) -> String { "\(unit) har ingen plan som går att öppna för perioden." }
    }
}
