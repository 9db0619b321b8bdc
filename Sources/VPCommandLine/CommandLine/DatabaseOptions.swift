import ArgumentParser
import Foundation
import PlanKit

/// `--db PATH`, shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(Strings.Help.db, valueName: "DATABAS"))
    var path: String?

    var location: DatabaseLocation { DatabaseLocation(path: path) }
    var resolvedPath: String { location.resolvedPath }
    /// `command`: the changing command's name, said when it is refused a PostgreSQL database.
    func open(changing command: String? = nil) throws -> PlanStore { try location.open(changing: command) }
}

/// How the database is found and opened.
struct DatabaseLocation: Equatable {
    /// As given with `--db`, if it was.
    var path: String?

    /// `--db`, else `$VP_TUI_DB`, else `$XDG_DATA_HOME/vp-tui/plan.sqlite`, else `~/.local/share/vp-tui/plan.sqlite`.
    /// (An empty `--db` is refused by `open`, not read as "the default".)
    var resolvedPath: String {
        if let path, !path.isEmpty { return path }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["VP_TUI_DB"], !path.isEmpty { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (home as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("vp-tui/plan.sqlite")
    }

    /// Whether the database was named (`--db` or `$VP_TUI_DB`) rather than found at the default place.
    var isNamed: Bool {
        path != nil || !(ProcessInfo.processInfo.environment["VP_TUI_DB"] ?? "").isEmpty
    }

    /// Opens the database; a database that does not exist yet (or an empty file) is made with
    /// the sample plans, and said so, unless `makesMissing` is false: then a missing file is
    /// refused (exit 2) and nothing is made, so that a misspelt path is not read as the samples.
    /// An empty `--db` is refused (exit 2): it names no file, and
    /// quietly taking the default database instead would change another file than the one meant.
    /// Link folders are left only by processes that made one (a name that is not UTF-8), so a
    /// command removes stale ones when it makes its own; the app removes them after its first
    /// frame whatever it opens. Reading the temporary folder, which may hold thousands of
    /// entries, would otherwise cost every command milliseconds (docs/PERFORMANCE.md).
    func open(changing command: String? = nil, makesMissing: Bool = true) throws -> PlanStore {
        if path == "" {
            FileHandle.standardError.write(Data((Strings.CommandLine.errorPrefix(Strings.CommandLine.emptyDatabasePath) + "\n").utf8))
            throw ExitCode(2)
        }
        // A PostgreSQL address is not a file name: taken as one it would make a SQLite file so named.
        // The reading commands read it through `PostgresHook` and never come here with one.
        if PostgresHook.isURL(resolvedPath) { throw ValidationError(Strings.PostgresReading.changesNotYet(command)) }
        var path = resolvedPath
        // A name that is not UTF-8 reaches us with U+FFFD in place of its bytes: that is another
        // file's name, so the file is reached by its raw bytes instead, and named by them.
        var openedPath = path
        var madeEmptyFile = false
        let raw = !path.contains("\u{FFFD}") ? nil : self.path != nil ? RawDatabasePath.rawArgument(decodingTo: path)
            : RawDatabasePath.rawEnvironment("VP_TUI_DB", decodingTo: path)
        if !makesMissing, raw.map(RawDatabasePath.isMissing) ?? RawDatabasePath.isMissing(Array(path.utf8)) {
            let shown = raw.map(RawDatabasePath.shown) ?? path
            FileHandle.standardError.write(Data((Strings.CommandLine.errorPrefix(Strings.CommandLine.missingDatabase(shown)) + "\n").utf8))
            throw ExitCode(2)
        }
        if let raw {
            StaleLinkFolders.startRemoving()
            do {
                (openedPath, madeEmptyFile) = try RawDatabasePath.linkedPath(to: raw)
            } catch {
                throw ValidationError(Strings.CommandLine.pathNotUTF8(RawDatabasePath.shown(raw)))
            }
            path = RawDatabasePath.shown(raw)
        }
        let store: PlanStore, opening: PlanStore.Opening
        do {
            (store, opening) = try PlanStore.open(path: openedPath) { store in try BundledSamples.load(into: store) }
        } catch {
            // The empty file made above is ours to take back when no database came of it.
            if madeEmptyFile { RawDatabasePath.removeEmptyTarget(of: openedPath) }
            throw error
        }
        switch opening {
        case .opened: break
        case .created: FileHandle.standardError.write(Data((Strings.CommandLine.createdDatabase(path) + "\n").utf8))
        // The empty file was this command's own, so to the person the database was created.
        case .filledEmptyFile where madeEmptyFile: FileHandle.standardError.write(Data((Strings.CommandLine.createdDatabase(path) + "\n").utf8))
        case .filledEmptyFile: FileHandle.standardError.write(Data((Strings.CommandLine.filledEmptyFile(path) + "\n").utf8))
        }
        return store
    }
}

/// Runs a command body; errors are printed in Swedish on stderr and turned into an exit code.
public func reportingErrors<T>(exitCode: Int32 = 1, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        // A ValidationError carries our own Swedish words.
        var message = GivenPaths.shown(in: (error as? ValidationError)?.message ?? Strings.describe(error))
        if let hint = Strings.CommandLine.hint(error) { message += " " + hint }
        FileHandle.standardError.write(Data((Strings.CommandLine.errorPrefix(message) + "\n").utf8))
        throw ExitCode(exitCode)
    }
}

/// `--year`: read even when it looks like an option ("-5"), so that it is judged as a year.
enum PlanYear {
    static func isValid(_ year: Int) -> Bool { (1000...9999).contains(year) }

    static func validate(_ year: Int?) throws {
        if let year, !isValid(year) { throw ValidationError(Strings.CommandLine.invalidYear(year)) }
    }
}

extension ReportPeriod: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(userText: argument)
    }
}
