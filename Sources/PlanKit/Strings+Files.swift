import Foundation
import GRDB

/// Words about files and paths: what could not be written or opened, why, and the way back.
extension Strings {
    public static func outputFileError(_ error: OutputFileError) -> String {
        if error.problem == .noName { return "Inget filnamn angavs; inget skrevs." }
        return "Kan inte skriva filen: \(pathProblem(error.problem, error.path)). Inget skrevs; det som fanns där är orört."
    }

    /// What is wrong with `path`, as the middle of a sentence.
    static func pathProblem(_ problem: PathProblem, _ path: String) -> String {
        switch problem {
        case .noName: return "inget filnamn angavs"
        case .isTheDatabase: return "\(path) är själva databasen; välj ett annat filnamn för rapporten"
        case .isFolder: return "\(path) är en katalog; ange ett filnamn i den"
        case .notAFolder: return "en del av sökvägen \(path) är en fil, inte en katalog"
        case .notAFile: return "\(path) är ingen vanlig fil (utan till exempel en enhet eller ett rör)"
        case .linkLoop: return "\(path) är en symbolisk länk som leder runt i en slinga"
        case .nameTooLong: return "sökvägen \(path) är för lång"
        case .permissionDenied: return "du har inte behörighet till \(path)"
        case .readOnlyFileSystem: return "\(path) ligger på ett skrivskyddat filsystem"
        case .diskFull: return "disken är full"
        case .noReader: return "\(path) tar inte emot text (ingen läser i andra änden)"
        case .danglingLink(let destination):
            return "\(path) är en länk till \(destination), som inte finns (är en utdelning inte monterad?)"
        case .cannotCreateFolder(let folder): return "katalogen \(folder) finns inte och gick inte att skapa"
        case .other(let code): return "\(path) gick inte att använda (\(systemReason(code)))"
        }
    }

    static func unusableDatabasePath(_ path: String, _ problem: PathProblem) -> String {
        "Kan inte öppna databasen: \(pathProblem(problem, path)). Inget har ändrats; ange en annan fil med --db."
    }

    static func notOurDatabase(_ path: String) -> String {
        "\(path) är en SQLite-databas från ett annat program, inte från vp-tui. Den lämnas orörd; ange en annan fil."
    }

    static let wayBack = "Återställ den senaste säkerhetskopian av filen, eller importera en JSON-export av planen i en ny databas."

    static func damaged(_ path: String, _ detail: String) -> String {
        "\(path) är skadad (\(detail)). \(wayBack)"
    }

    static func damageFound(_ count: Int) -> String {
        count == 1 ? "SQLite:s kontroll hittade ett fel i filens struktur" : "SQLite:s kontroll hittade \(count) fel i filens struktur"
    }

    static func missingTable(_ path: String, _ table: String) -> String {
        "\(path) saknar tabellen \(table): filen har ändrats utanför vp-tui eller är skadad. Inget har ändrats. \(wayBack)"
    }

    /// SQLite's reason for a failure, without its English: what kind of trouble it was.
    static func sqliteReason(_ error: Error) -> String {
        guard let error = error as? DatabaseError else { return "okänt fel" }
        switch error.resultCode {
        case .SQLITE_CANTOPEN: return "filen gick inte att öppna"
        case .SQLITE_READONLY: return "filen är skrivskyddad"
        case .SQLITE_FULL: return "disken är full"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "ett annat program håller databasen låst"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "en del av filen går inte att läsa"
        case .SQLITE_IOERR: return "läsning eller skrivning på disken misslyckades"
        case .SQLITE_PERM, .SQLITE_AUTH: return "behörighet saknas"
        default: return "SQLite-fel \(error.resultCode.rawValue)"
        }
    }
}
