import Foundation
import GRDB

extension PlanStore {
    /// Runs a write, turning SQLite's refusals into errors a person can act on: a full disk (or a
    /// database at its size limit) and a file that has become read-only. SQLite has rolled the
    /// transaction back by then, so what was stored before is unchanged.
    func translatingWriteErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_FULL: throw StoreError.diskFull(path: path)
            case .SQLITE_READONLY: throw StoreError.readOnly(path: path)
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: throw StoreError.damaged(path: path, detail: Strings.sqliteReason(error))
            default: throw error
            }
        }
    }

    /// Looks at an existing file through a read-only connection and refuses it if a newer vp-tui
    /// wrote it. Done before a read-write connection is opened, because closing that one would
    /// checkpoint a write-ahead log left behind (say, by a crash) into the file.
    static func refuseNewerSchema(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        configuration.label = "vp-tui-probe"
        do {
            let probe = try DatabaseQueue(path: sqliteFilename(path, immutable: false), configuration: configuration)
            _ = try probe.read { db in try refuseUnusable(db, path: path) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            // A damaged file (cut short, overwritten) is no database we can use either.
            throw StoreError.notADatabase(path: path)
        } catch {
            // Anything else (a lock, a missing directory entry) is left to the ordinary open,
            // which reports it in its own words.
            return
        }
    }
}
