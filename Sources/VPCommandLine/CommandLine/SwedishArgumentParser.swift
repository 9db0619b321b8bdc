import ArgumentParser
import Foundation
import PlanKit

/// What swift-argument-parser prints (help, and its messages about a command line it cannot
/// read), with its English frame in Swedish (`Strings.CommandLine.argumentParserPhrases`), so
/// that everything the person reads is Swedish. Our own texts in it are Swedish already.
enum SwedishArgumentParser {
    private static let phrases: [(NSRegularExpression, String)] = Strings.CommandLine.argumentParserPhrases.map { phrase in
        // The patterns are fixed strings of this program: one that does not compile is a bug.
        (try! NSRegularExpression(pattern: phrase.english, options: [.anchorsMatchLines]), phrase.swedish)
    }

    static func translate(_ text: String) -> String {
        var result = text
        for (expression, swedish) in phrases {
            result = expression.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result),
                                                         withTemplate: swedish)
        }
        return result
    }

    /// As `ParsableCommand.main()`, but what it would print on the way out is in Swedish:
    /// help on standard output with exit status 0, errors on standard error with their status.
    static func main<Command: ParsableCommand>(_ root: Command.Type, arguments: [String]) {
        do {
            var command = try root.parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = root.exitCode(for: error)
            // A mistyped command ("exprot") would otherwise be an unexpected argument of the app.
            if code != .success, let word = arguments.first, !word.hasPrefix("-"), word != "help" {
                let commands = root.configuration.subcommands.compactMap { $0.configuration.commandName }
                if !commands.isEmpty, !commands.contains(word) {
                    FileHandle.standardError.write(Data((Strings.CommandLine.unknownCommand(word, commands: commands) + "\n").utf8))
                    exit(code.rawValue)
                }
            }
            var message = root.fullMessage(for: error)
            // A completion script or the JSON dump of the help is read by programs: left as it is.
            let forPrograms = arguments.contains { $0.hasPrefix("--generate-completion-script") || $0 == "--experimental-dump-help" }
            if !forPrograms { message = translate(message) }
            if !message.isEmpty {
                if code == .success {
                    print(message)
                } else {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            }
            exit(code.rawValue)
        }
    }
}
