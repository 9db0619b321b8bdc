import ArgumentParser
import Foundation
import PlanKit

/// `--db PATH`, shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(Strings.Help.db, valueName: "DATABAS"))
    var path: String?

    var location: DatabaseLocation { DatabaseLocation(path: path) }
    var resolvedPath: String { location.resolvedPath }
    func open() throws -> PlanStore { try location.open() }
}

/// How the database is found and opened.
struct DatabaseLocation: Equatable {
    /// As given with `--db`, if it was.
    var path: String?

    /// `--db`, else `$VP_TUI_DB`, else `$XDG_DATA_HOME/vp-tui/plan.sqlite`, else `~/.local/share/vp-tui/plan.sqlite`.
    var resolvedPath: String {
        if let path, !path.isEmpty { return path }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["VP_TUI_DB"], !path.isEmpty { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (home as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("vp-tui/plan.sqlite")
    }

    /// Opens the database; a database that does not exist yet is created with the sample plans.
    func open() throws -> PlanStore {
        let path = resolvedPath
        let isNew = !FileManager.default.fileExists(atPath: path)
        do {
            let store = try PlanStore(path: path)
            if isNew {
                try BundledSamples.load(into: store)
                FileHandle.standardError.write(Data((Strings.CommandLine.createdDatabase(path) + "\n").utf8))
            }
            return store
        } catch {
            // A database we created but could not fill is removed again, so the next run starts clean.
            if isNew {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            throw error
        }
    }
}

/// Runs a command body; errors are printed in Swedish on stderr and turned into an exit code.
func reportingErrors<T>(exitCode: Int32 = 1, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        FileHandle.standardError.write(Data((Strings.CommandLine.errorPrefix(message) + "\n").utf8))
        throw ExitCode(exitCode)
    }
}

extension ReportPeriod: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(userText: argument)
    }
}
