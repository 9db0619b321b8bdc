import ArgumentParser
import Foundation
import PlanKit
import PlanTextImport

enum ImportTextFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `vp-tui import-text FILE [--namnd NAME] [--year YEAR] [--enhet NAME] [--db PATH] [--dry-run] [--format text|json]`
struct ImportTextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-text", abstract: Strings.TextImport.command,
                                                    discussion: Strings.TextImport.discussion)

    @Argument(help: ArgumentHelp(Strings.TextImport.fileArgument, valueName: "FIL"))
    var file: String

    @Option(name: .customLong("namnd"), help: ArgumentHelp(Strings.TextImport.boardOption, valueName: "NAMN"))
    var board: String?

    @Option(help: ArgumentHelp(Strings.TextImport.yearOption, valueName: "ÅR"))
    var year: Int?

    @Option(name: .customLong("enhet"), help: ArgumentHelp(Strings.TextImport.unitOption, valueName: "NAMN"))
    var unit: String?

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(Strings.TextImport.dryRunOption))
    var dryRun = false

    @Flag(name: .customLong("replace"), help: ArgumentHelp(Strings.TextImport.replaceOption))
    var replace = false

    @Option(help: ArgumentHelp(Strings.TextImport.formatOption, valueName: "FORMAT"))
    var format: ImportTextFormat = .text

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TextImportError(Strings.TextImport.fileMissing(file))
            }
            // A PDF goes through pdftotext; a text file is UTF-8 (older dumps may be Latin-1).
            let text = PDFText.isPDF(data) ? try PDFText.text(ofPDF: file)
                : String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) ?? String(decoding: data, as: UTF8.self)
            let base = TextImportOptions(boardName: board, year: year, unitName: unit)
            var result = try TextImporter.parse(text, options: base)

            // A dry run reads an existing database (to match a unit's plan) but never creates one.
            let store: PlanStore?
            if dryRun {
                store = FileManager.default.fileExists(atPath: database.resolvedPath) ? try database.open(changing: Self.configuration.commandName) : nil
            } else {
                store = try database.open(changing: Self.configuration.commandName)
            }
            if let store, result.kind == .unitPlan {
                result = try TextImporter.parse(text, options: try store.textImportOptions(for: result, base: base))
            }

            if dryRun {
                switch format {
                case .text:
                    print(TextImportOutline.render(result), terminator: "")
                    if let store, let changes = try? store.storedTextChanges(result), !changes.isEmpty {
                        print(Strings.TextImport.changesHeading)
                        for change in changes { print("  " + change.description) }
                    }
                    if let store {
                        let vanished = try store.vanishedItems(result)
                        if !vanished.isEmpty { print(Strings.TextImport.vanishedHeading) }
                        for item in vanished { print("  " + item.description) }
                    }
                case .json:
                    FileHandle.standardOutput.write(try ReadableJSON.encode(result.file))
                    // Standard out is the file; the warnings and the summary go to standard error.
                    let lines = result.warnings.map(\.description) + result.doubts.map(\.description)
                        + [Strings.TextImport.summary(result.counts)]
                    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                }
                return
            }
            guard let store else { return }
            let vanished = try store.vanishedItems(result)
            let summary = try store.importText(result, name: file, replace: replace)
            if !vanished.isEmpty {
                print(replace ? Strings.TextImport.vanishedRemovedHeading : Strings.TextImport.vanishedKeptHeading)
                for item in vanished { print("  " + item.description) }
            }
            if !result.warnings.isEmpty {
                print(Strings.TextImport.warningsHeading)
                for warning in result.warnings { print("  " + warning.description) }
            }
            print(Strings.TextImport.summary(result.counts))
            print(Strings.CommandLine.imported(summary, files: 1))
        }
    }
}
