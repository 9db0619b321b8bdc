import PlanKit

/// The words for a command line whose first word is no command of vp-tui's.
extension Strings.CommandLine {
    static func unknownCommand(_ word: String, commands: [String]) -> String {
        "Fel: \"\(word)\" är inget kommando. Kommandona är: \(commands.joined(separator: ", ")).\n"
            + "  Se 'vp-tui --help' för mer hjälp."
    }
}
