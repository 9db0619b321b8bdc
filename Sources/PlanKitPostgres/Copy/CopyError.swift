import Foundation
import PlanKit

/// Why a copy was not made. The target is then as it was.
public enum CopyError: Error, Equatable, LocalizedError {
    case sameDatabase
    case sourceMissing(String)
    /// `target`: the file's path or the database's description.
    case targetNotEmpty(target: String, table: String)
    case unsupportedValue(table: String, column: String)
    case valueDoesNotFit(table: String, column: String)
    case schemaDiffers(table: String, column: String)
    /// The target's keys refused the rows: the source does not hold together.
    case keysBroken

    public var errorDescription: String? { Strings.Copy.error(self) }
}

extension Strings {
    public enum Copy {
        static let nothingChanged = "Målet är som det var."

        static func error(_ error: CopyError) -> String {
            switch error {
            case .sameDatabase:
                "Källan och målet är samma databas. Ange en annan med --to."
            case .sourceMissing(let path):
                "Källan \(path) finns inte. Ange en befintlig databasfil eller en postgresql://-adress med --from."
            case .targetNotEmpty(let target, let table):
                "Målet \(target) är inte tomt (tabellen \(table) har rader). vp-tui copy skriver bara till en tom databas, "
                    + "så att inget blandas. \(nothingChanged)"
            case .unsupportedValue(let table, let column):
                "Källan har binära data i \(table).\(column), som vp-tui inte skriver. \(nothingChanged) Kör vp-tui check på källan."
            case .valueDoesNotFit(let table, let column):
                "Ett värde i \(table).\(column) är inte ett heltal fast kolumnen kräver det. \(nothingChanged) Kör vp-tui check på källan."
            case .keysBroken:
                "Källan håller inte ihop: någon rad pekar på en rad som saknas, eller finns två gånger. "
                    + "Inget kopierades; \(nothingChanged.prefix(1).lowercased() + nothingChanged.dropFirst()) Kör vp-tui check på källan."
            case .schemaDiffers(let table, let column):
                "Kolumnen \(table).\(column) finns i källan men inte i målet: de är av olika versioner av vp-tui. \(nothingChanged)"
            }
        }

        /// "Kopierar 3/13 item: 1 200 av 5 000 rader"
        public static func progress(_ progress: CopyProgress) -> String {
            "Kopierar \(progress.tableNumber)/\(progress.tableCount) \(progress.table): "
                + "\(grouped(progress.rowsCopied)) av \(grouped(progress.rowsInTable)) rader"
        }

        public static func done(rows: Int, from: String, to: String) -> String {
            "Kopierat: \(grouped(rows)) rader från \(from) till \(to)."
        }

        /// Thousands apart with a space, as Swedish writes them.
        static func grouped(_ number: Int) -> String {
            let digits = String(number)
            var result = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { result += " " }
                result.append(digit)
            }
            return result
        }
    }
}
