import Foundation
import GRDB

/// Any error, as the Swedish sentence a person meets: what failed, where, and what to do.
/// vp-tui's own errors say it themselves; SQLite's and the system's (Foundation's file errors)
/// are put in Swedish here, so that their English never reaches the screen.
extension Strings {
    /// `database`: the database file the failing work was on, when known.
    public static func describe(_ error: Error, database: String? = nil) -> String {
        switch error {
        case let error as DatabaseError:
            return databaseFailure(error, database)
        case let error as CocoaError:
            return fileFailure(code: posixCode(of: error as NSError), path: error.userInfo[NSFilePathErrorKey] as? String ?? error.filePath)
        case let error as POSIXError:
            return fileFailure(code: error.code.rawValue, path: nil)
        case is DecodingError, is EncodingError:
            return "Data i fel form kunde inte läsas eller skrivas. Inget har ändrats; kontrollera filen och försök igen."
        default:
            if type(of: error) is NSError.Type {
                let error = error as NSError
                return fileFailure(code: posixCode(of: error), path: error.userInfo[NSFilePathErrorKey] as? String)
            }
            if let description = (error as? LocalizedError)?.errorDescription { return description }
            return "Ett oväntat fel inträffade (\(type(of: error))). Det som redan var sparat är orört; försök igen, "
                + "och om felet kommer tillbaka: exportera planen till JSON och starta om vp-tui."
        }
    }

    static func databaseFailure(_ error: DatabaseError, _ path: String?) -> String {
        let file = path.map { "Databasen \($0)" } ?? "Databasen"
        let advice: String
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: advice = "Försök igen om en stund."
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: advice = "Öppna en fil du får skriva i (--db)."
        case .SQLITE_FULL: advice = "Frigör utrymme på disken och försök igen."
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: advice = wayBack
        case .SQLITE_IOERR, .SQLITE_CANTOPEN: advice = "Kontrollera att disken (eller utdelningen) går att nå, och försök igen."
        default: advice = "Försök igen; om felet kommer tillbaka: \(wayBack.prefix(1).lowercased() + wayBack.dropFirst())"
        }
        return "\(file) kunde inte läsas eller skrivas: \(sqliteReason(error)). Det som redan var sparat är orört. \(advice)"
    }

    static func fileFailure(code: Int32?, path: String?) -> String {
        let problem = code.map(PathProblem.init(errno:)) ?? .other(0)
        return "Filen gick inte att använda: \(pathProblem(problem, path ?? "filen")). Kontrollera sökvägen och försök igen."
    }

    /// The system's error number beneath a Foundation error, when it has one.
    static func posixCode(of error: NSError) -> Int32? {
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteFileExists: return EEXIST
        default: return nil
        }
    }

    /// What the system's error number means, as the end of "… gick inte att använda".
    static func systemReason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "den finns inte"
        case EEXIST: return "det finns redan något där"
        case EIO: return "ett läs- eller skrivfel på disken"
        case EBUSY, ETXTBSY: return "den används av ett annat program"
        case EMFILE, ENFILE: return "för många filer är öppna"
        case EFBIG: return "filen skulle bli för stor"
        case 0: return "okänd orsak"
        default: return "systemets felkod \(code)"
        }
    }
}
