import ArgumentParser
import Foundation
import PlanKit
import PlanGenerator

/// `vp-tui generate --units N --years Y --db PATH [--seed S]`: a large, realistic database for
/// benchmarks and demonstrations. Never writes over an existing file.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: Strings.Generator.command,
                                                    discussion: Strings.Generator.discussion)

    @Option(help: ArgumentHelp(Strings.Generator.unitsOption, valueName: "N")) var units = 300
    @Option(help: ArgumentHelp(Strings.Generator.yearsOption, valueName: "ÅR")) var years = 5
    @Option(help: ArgumentHelp(Strings.Generator.seedOption, valueName: "FRÖ")) var seed: UInt64 = 1
    @Option(name: .customLong("db"), help: ArgumentHelp(Strings.Generator.dbOption, valueName: "DATABAS")) var path: String

    func validate() throws {
        guard (1...10_000).contains(units) else { throw ValidationError(Strings.Generator.invalidUnits) }
        guard (1...50).contains(years) else { throw ValidationError(Strings.Generator.invalidYears) }
    }

    func run() throws {
        try reportingErrors {
            // Taken as a file name, an address would become a SQLite file so named.
            if PostgresHook.isURL(path) { throw ValidationError(Strings.PostgresReading.changesNotYet(Self.configuration.commandName)) }
            let fileManager = FileManager.default
            // Anything standing there, a link to nowhere included, is refused.
            for suffix in ["", "-wal", "-shm"] where OutputFile.exists(path + suffix) {
                throw GenerateError(message: Strings.Generator.refuseExisting(path + suffix))
            }
            let started = Date()
            let generator = try DistrictGenerator(options: DistrictGenerator.Options(units: units, years: years, seed: seed))
            let progress = ProgressLine()
            progress.finish(Strings.Generator.starting(units: units, years: generator.years, path: path, seed: seed))
            try makeEmptyFile()
            do {
                let store = try PlanStore(path: path)
                let summary = try store.generateDistrict(generator) { step in
                    switch step {
                    case .organisations: progress.finish(Strings.Generator.organisations)
                    case .plans(let done, let total): progress.show(Strings.Generator.plans(done: done, total: total), last: done == total)
                    case .edits(let done, let total): progress.show(Strings.Generator.edits(done: done, total: total), last: done == total)
                    }
                }
                let bytes = (try? fileManager.attributesOfItem(atPath: path)[.size] as? Int64).flatMap { $0 } ?? 0
                progress.finish(Strings.Generator.finished(summary, seconds: Date().timeIntervalSince(started), bytes: bytes))
            } catch {
                // A half-made database is no use to anyone: remove it, so that the next run starts
                // clean. It is the file this run made (exclusively, above), never one that stood there.
                for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: path + suffix) }
                throw error
            }
        }
    }

    /// Makes the database file, exclusively and readable by its owner alone: a file that
    /// appears there meanwhile is refused, not taken over (and so never removed on failure).
    private func makeEmptyFile() throws {
        try PlanStore.makeFolder(of: path)
        let descriptor = createExclusively(path, mode: 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw GenerateError(message: Strings.Generator.refuseExisting(path)) }
            throw StoreError.unusablePath(path: path, problem: PathProblem(errno: code))
        }
        close(descriptor)
    }
}

private struct GenerateError: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}

/// Progress on standard error: one line rewritten in place on a terminal, every tenth step
/// (and the last) as its own line otherwise, so that logs stay short.
private final class ProgressLine {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastPercent = -1

    func show(_ text: String, last: Bool) {
        if isTerminal {
            write("\r\u{1B}[K" + text + (last ? "\n" : ""))
            return
        }
        let percent = Int(text.split(separator: "(").last?.prefix { $0.isNumber } ?? "") ?? 0
        if last || percent / 10 != lastPercent / 10 {
            lastPercent = percent
            write(text + "\n")
        }
        if last { lastPercent = -1 }
    }

    func finish(_ text: String) {
        write(text + "\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
