import Foundation
import PlanKit

/// The plan last opened on each database, kept in the XDG state directory
/// (`$XDG_STATE_HOME/vp-tui/last-plan.json`, by default `~/.local/state/vp-tui/`) so that `vp-tui`
/// without arguments opens it again. Remembering is a convenience: a folder that cannot be made
/// or a file that cannot be written or read is passed over in silence, never failing the app.
public struct LastPlanMemory: Sendable {
    /// The file the plans are kept in.
    public let file: String
    /// The database this memory is about, as an absolute path.
    public let database: String
    /// How many databases are remembered; the one used longest ago is forgotten first.
    static let capacity = 20

    /// The memory of the database in the state directory the environment names; nil when no
    /// directory can be named (no XDG_STATE_HOME and no HOME).
    public init?(database: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let stateHome: String
        // The XDG base directory rules: a relative XDG_STATE_HOME is not to be used.
        if let value = environment["XDG_STATE_HOME"], value.hasPrefix("/") {
            stateHome = value
        } else if let home = environment["HOME"], !home.isEmpty {
            stateHome = (home as NSString).appendingPathComponent(".local/state")
        } else {
            return nil
        }
        file = (stateHome as NSString).appendingPathComponent("vp-tui/last-plan.json")
        let absolute = database.hasPrefix("/") ? database
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(database)
        self.database = (absolute as NSString).standardizingPath
    }

    struct Entry: Codable, Equatable {
        var database: String
        var unit: String
        var unitName: String
        var year: Int
        var period: String
    }

    struct Contents: Codable {
        var plans: [Entry]
    }

    /// The plan last opened on the database, if one is remembered.
    public func recall() -> PlanChoice? {
        guard let entry = read().first(where: { $0.database == database }),
              let period = ReportPeriod(rawValue: entry.period) else { return nil }
        return PlanChoice(unitID: entry.unit, unitName: entry.unitName, year: entry.year, period: period)
    }

    /// Keeps the plan as the one last opened on the database.
    public func remember(_ choice: PlanChoice) {
        let entry = Entry(database: database, unit: choice.unitID, unitName: choice.unitName, year: choice.year,
                          period: choice.period.rawValue)
        var plans = read()
        if plans.first == entry { return }
        plans.removeAll { $0.database == database }
        plans.insert(entry, at: 0)
        write(Array(plans.prefix(Self.capacity)))
    }

    private func read() -> [Entry] {
        guard let data = FileManager.default.contents(atPath: file),
              let contents = try? JSONDecoder().decode(Contents.self, from: data) else { return [] }
        return contents.plans
    }

    /// Writes the whole file anew beside it and renames it into place: a reader never sees half
    /// a file. The folder is the user's alone (0700), and so is the file (0600).
    private func write(_ plans: [Entry]) {
        let manager = FileManager.default
        let folder = (file as NSString).deletingLastPathComponent
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(Contents(plans: plans))
            let temporary = folder + "/.last-plan-\(getpid()).json"
            guard manager.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
            if rename(temporary, file) != 0 { try? manager.removeItem(atPath: temporary) }
        } catch {
            // Not remembered this time; the app goes on.
        }
    }
}
