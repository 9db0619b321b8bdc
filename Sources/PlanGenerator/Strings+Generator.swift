import Foundation
import PlanKit

/// The words of `vp-tui generate`.
extension Strings {
    public enum Generator {
        public static let command = "Skapa en stor, realistisk databas att prova och mäta med: en stadsdel med många enheter, flera år och en full ändringslogg."
        public static let discussion = """
            Nämndens mål tas från exempelplanerna (Hägersten-Älvsjö 2021) och upprepas för varje år med nya id:n. \
            Varje enhet får en plan per år med alla fyra perioder (VP, T1, T2, VB), 10–20 enhetsmål, 50–100 egna \
            aktiviteter och indikatorer, uppföljningar med analyser och dokumentets avsnitt. Samma frö ger samma databas.
            """
        public static let unitsOption = "Antal enheter."
        public static let yearsOption = "Antal år, från 2021 och framåt."
        public static let seedOption = "Slumpfrö: samma frö ger samma databas."
        public static let dbOption = "Databasfilen som ska skapas. Den får inte redan finnas."

        public static func refuseExisting(_ path: String) -> String {
            "\(path) finns redan. vp-tui generate skriver aldrig över en fil: välj ett annat namn eller ta bort filen först."
        }

        public static let invalidUnits = "Antalet enheter måste vara mellan 1 och 10 000."
        public static let invalidYears = "Antalet år måste vara mellan 1 och 50."

        public static func starting(units: Int, years: [Int], path: String, seed: UInt64) -> String {
            "Skapar \(path): \(units) enheter, åren \(years.first ?? 0)–\(years.last ?? 0), frö \(seed)."
        }

        public static let organisations = "Organisationer och nämndens mål …"

        public static func plans(done: Int, total: Int) -> String {
            "Planer: \(done) av \(total) enheter klara (\(total == 0 ? 100 : done * 100 / total) %)"
        }

        public static func edits(done: Int, total: Int) -> String {
            "Ändringslogg: \(done) av \(total) enheter klara (\(total == 0 ? 100 : done * 100 / total) %)"
        }

        public static func finished(_ summary: GeneratorSummary, seconds: Double, bytes: Int64) -> String {
            let megabytes = SwedishNumber.format(Double(bytes) / 1_048_576, maxDecimals: 1)
            return "Klart på \(SwedishNumber.format(seconds, maxDecimals: 1)) s: \(summary.units) enheter, \(summary.plans) planer, " +
                "\(summary.items) mål, aktiviteter och indikatorer, \(summary.followUps) uppföljningar, \(summary.sections) avsnitt, " +
                "\(summary.edits) ändringar (\(summary.undos) ångrade). Databasen är \(megabytes) MB."
        }
    }
}
