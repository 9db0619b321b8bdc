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
            let parsed = try TextImporter.parse(text, options: base)

            if let url = database.location.postgresURL {
                // The board's year as the database has it; only its admin writes there.
                let years: Set<BoardYear> = [BoardYear(boardID: parsed.board.id, year: parsed.year)]
                try show(try PostgresHook.commands.importing(url, years: years, writing: !dryRun) { store in
                    try outcome(parsed, text: text, base: base, store: store)
                })
                return
            }
            // A dry run reads an existing database (to match a unit's plan) but never creates one.
            let store: PlanStore?
            if dryRun {
                store = FileManager.default.fileExists(atPath: database.resolvedPath) ? try database.open(changing: Self.configuration.commandName) : nil
            } else {
                store = try database.open(changing: Self.configuration.commandName)
            }
            try show(try outcome(parsed, text: text, base: base, store: store))
        }
    }

    /// What the import found, and what it did or (in a dry run) would do to the store.
    private struct Outcome {
        var result: TextImportResult
        var hasStore: Bool
        var changes: [StoredTextChange] = []
        var vanished: [VanishedItem] = []
        var summary: ImportSummary?
    }

    /// Matches the text against the store and, unless a dry run, imports it there; prints nothing,
    /// so that an import tried again on PostgreSQL does not say it twice.
    private func outcome(_ parsed: TextImportResult, text: String, base: TextImportOptions, store: PlanStore?) throws -> Outcome {
        var result = parsed
        if let store, result.kind == .unitPlan {
            result = try TextImporter.parse(text, options: try store.textImportOptions(for: result, base: base))
        }
        var outcome = Outcome(result: result, hasStore: store != nil)
        guard let store else { return outcome }
        outcome.vanished = try store.vanishedItems(result)
        if dryRun {
            outcome.changes = (try? store.storedTextChanges(result)) ?? []
        } else {
            outcome.summary = try store.importText(result, name: file, replace: replace)
        }
        return outcome
    }

    private func show(_ outcome: Outcome) throws {
        let result = outcome.result
        if dryRun {
            switch format {
            case .text:
                print(TextImportOutline.render(result), terminator: "")
                if !outcome.changes.isEmpty {
                    print(Strings.TextImport.changesHeading)
                    for change in outcome.changes { print("  " + change.description) }
                }
                if !outcome.vanished.isEmpty { print(Strings.TextImport.vanishedHeading) }
                for item in outcome.vanished { print("  " + item.description) }
            case .json:
                FileHandle.standardOutput.write(try ReadableJSON.encode(result.file))
                // Standard out is the file; the warnings and the summary go to standard error.
                let lines = result.warnings.map(\.description) + result.doubts.map(\.description)
                    + [Strings.TextImport.summary(result.counts, doubts: result.doubts.count)]
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
            return
        }
        guard let summary = outcome.summary else { return }
        if !outcome.vanished.isEmpty {
            print(replace ? Strings.TextImport.vanishedRemovedHeading : Strings.TextImport.vanishedKeptHeading)
            for item in outcome.vanished { print("  " + item.description) }
        }
        if !result.warnings.isEmpty {
            print(Strings.TextImport.warningsHeading)
            for warning in result.warnings { print("  " + warning.description) }
        }
        print(Strings.TextImport.summary(result.counts))
        print(Strings.CommandLine.imported(summary, files: 1))
    }
}
