import PlanKit

/// The words of the board's table while its counts are being made.
extension Strings {
    public enum BoardCounting {
        /// In a unit's state column until its counts come.
        public static let cell = "räknar …"

        public static func summary(_ status: BoardStatus, shown: Int, filter: String) -> String {
            let base = "Räknar läget för \(status.lines.count) enheter …"
            return filter.isEmpty ? base : "\(base) · filter \"\(filter)\": \(shown) visas"
        }
    }
}
