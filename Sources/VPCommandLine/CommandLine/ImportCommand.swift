import ArgumentParser
import Foundation
import PlanKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: Strings.Help.importCommand)

    @Argument(help: ArgumentHelp(Strings.Help.importFiles, valueName: "FIL"))
    var files: [String]

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            let summary: ImportSummary
            if let url = database.location.postgresURL {
                // A file that cannot be read is refused before the database is reached.
                let decoded = try InterchangeFile.reading(files)
                let years = decoded.reduce(into: Set<BoardYear>()) { $0.formUnion($1.1.boardYears) }
                summary = try PostgresHook.commands.importing(url, years: years, writing: true) { store in
                    try store.importDecoded(decoded)
                }
            } else {
                summary = try database.open(changing: Self.configuration.commandName).importFiles(files)
            }
            print(Strings.CommandLine.imported(summary, files: files.count))
        }
    }
}
