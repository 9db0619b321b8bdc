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
            let store = try database.open(changing: Self.configuration.commandName)
            let summary = try store.importFiles(files)
            print(Strings.CommandLine.imported(summary, files: files.count))
        }
    }
}
