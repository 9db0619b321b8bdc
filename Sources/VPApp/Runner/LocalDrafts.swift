import Foundation
import PlanKit

/// Drafts of the texts being written on plans kept on a server (PostgreSQL), in a file in the
/// XDG state directory (`$XDG_STATE_HOME/vp-tui/server-drafts.json`, by default
/// `~/.local/state/vp-tui/`).
///
/// A file on this machine rather than the server or memory alone: a draft exists for the
/// moment the server is lost, and a lost server often comes with a lost SSH link or a killed
/// terminal, which would take a draft kept only in memory with it. The file outlives both, and
/// the draft is offered back when the field is opened again, as drafts in a SQLite file are.
/// The file is written whole (it holds only the texts being written) and replaced atomically,
/// each read-change-write under an exclusive lock on a file beside it, so that two windows
/// saving at the same moment both keep their drafts; one that cannot be read or written costs
/// the drafts, never the app.
final class LocalDrafts: Sendable {
    struct Entry: Codable, Equatable {
        var database: String
        var login: String
        /// The app that wrote it: two windows of one login keep a draft each.
        var window: String
        var unitID: String
        var year: Int
        var field: FieldRef
        var text: String
        var baseRevision: Int
        var savedAt: Date
        /// Whether the server holds it (`ServerDrafts`); nil in a file of an older vp-tui.
        var onServer: Bool?

        var plan: PlanRef { PlanRef(unitID: unitID, year: year) }
        var draft: Draft {
            Draft(field: field, login: login, window: window, text: text, baseRevision: baseRevision, savedAt: savedAt)
        }
    }

    let file: String
    /// The server's address without its password: drafts of one database are offered there only.
    let database: String
    let login: String
    let window = UUID().uuidString

    /// nil when no state directory can be named (no XDG_STATE_HOME and no HOME).
    init?(database: String, login: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let folder = Self.stateFolder(environment) else { return nil }
        file = (folder as NSString).appendingPathComponent("vp-tui/server-drafts.json")
        self.database = database
        self.login = login
    }

    static func stateFolder(_ environment: [String: String]) -> String? {
        // The XDG base directory rules: a relative XDG_STATE_HOME is not to be used.
        if let value = environment["XDG_STATE_HOME"], value.hasPrefix("/") { return value }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".local/state")
    }

    /// This login's latest draft of the field, from any window (one left behind by a crash or a
    /// lost connection is offered here).
    func draft(for field: FieldRef, in plan: PlanRef) -> Draft? {
        latest(for: field, in: plan)?.draft
    }

    func latest(for field: FieldRef, in plan: PlanRef) -> Entry? {
        Self.read(file).filter { matches($0, field, plan) }.max { $0.savedAt < $1.savedAt }
    }

    /// This login's drafts of the plan in this database, from any window, oldest first.
    func entries(in plan: PlanRef) -> [Entry] {
        Self.read(file).filter { $0.database == database && $0.login == login && $0.plan == plan }.sorted { $0.savedAt < $1.savedAt }
    }

    /// This login's drafts of this database that the server is not known to hold.
    func unsent() -> [Entry] {
        Self.read(file).filter { $0.database == database && $0.login == login && $0.onServer != true }
    }

    /// The server holds `draft`: noted on its entry, unless a newer text replaced it meanwhile.
    func markOnServer(_ draft: Draft, in plan: PlanRef) throws {
        try withLock {
            var entries = Self.read(file)
            guard let index = entries.firstIndex(where: {
                matches($0, draft.field, plan) && $0.window == draft.window && $0.savedAt == draft.savedAt && $0.onServer != true
            }) else { return }
            entries[index].onServer = true
            try write(entries)
        }
    }

    func save(_ text: String, for field: FieldRef, baseRevision: Int, in plan: PlanRef, now: Date = Date()) throws {
        try withLock {
            var entries = Self.read(file).filter { !(matches($0, field, plan) && $0.window == window) }
            entries.append(Entry(database: database, login: login, window: window, unitID: plan.unitID, year: plan.year,
                                 field: field, text: text, baseRevision: baseRevision, savedAt: now))
            try write(entries)
        }
    }

    /// Saved or let go here: no window's draft of the field is offered again.
    func discard(_ field: FieldRef, in plan: PlanRef) throws {
        try withLock {
            let entries = Self.read(file)
            let kept = entries.filter { !matches($0, field, plan) }
            if kept.count != entries.count { try write(kept) }
        }
    }

    /// Runs a read-change-write of the file while holding an exclusive flock on
    /// `server-drafts.json.lock`. A lock file of its own rather than the drafts file: that one is
    /// replaced by a rename on each write, so a lock on it would be held on a file no longer
    /// there. flock is per open file, so two windows in one process exclude each other too; the
    /// kernel lets go of it when a window dies holding it.
    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = open(file + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            // Interrupted by a signal (a resized terminal): wait again; anything else is a failure.
            guard errno == EINTR else { throw CocoaError(.fileLocking) }
        }
        defer { _ = flock(descriptor, LOCK_UN) }
        return try body()
    }

    private func matches(_ entry: Entry, _ field: FieldRef, _ plan: PlanRef) -> Bool {
        entry.database == database && entry.login == login && entry.unitID == plan.unitID && entry.year == plan.year
            && entry.field == field
    }

    /// Read afresh each time: other windows write the same file.
    private static func read(_ file: String) -> [Entry] {
        guard let data = FileManager.default.contents(atPath: file) else { return [] }
        return (try? JSONDecoder().decode([Entry].self, from: data)) ?? []
    }

    private func write(_ entries: [Entry]) throws {
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(entries).write(to: URL(fileURLWithPath: file), options: .atomic)
        // Texts being written are the person's own: not for others on the host to read.
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
    }
}
