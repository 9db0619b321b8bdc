import ArgumentParser
import Foundation
import PlanKit
import VPApp

/// What the interactive app is started with: `vp-tui [--db P] [--unit U] [--year Y] [--period P] [--compact]`.
struct AppLaunch: Equatable {
    var database: DatabaseLocation
    var unit: String?
    var year: Int?
    var period: ReportPeriod?
    var compact: Bool

    /// `--compact`, or `VP_TUI_COMPACT` set (to anything but 0) for those who always work over
    /// a slow link.
    func startsCompact(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let value = environment["VP_TUI_COMPACT"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return compact }
        return compact || value != "0"
    }

    func run() throws {
        try reportingErrors {
            try Terminal.requireUsable()
            // The stale link folders are removed once the first frame is drawn (InteractiveApp).
            let (store, readable) = try database.openForApp()
            let url = database.postgresURL
            let fromPostgres = url != nil
            if fromPostgres { try refuseUnreadableUnit(store, readable) }
            let server = try url.map { try PostgresHook.commands.planServer($0, copy: store) }
            // The plan last opened on each database is remembered; `vp-tui` alone (no plan and no
            // --db named) opens it again.
            let memory = store.path == ":memory:" ? nil : LastPlanMemory(database: database.resolvedPath)
            try InteractiveApp.run(store: store, options: AppController.Options(
                unit: unit, year: year, period: period, compact: startsCompact(), memory: memory,
                reopensLastPlan: database.path == nil && unit == nil && year == nil && period == nil,
                readsFromPostgres: fromPostgres, server: server))
        }
    }

    /// A unit named with --unit that the login may not read is refused by name (exit 2): it is in
    /// the organisation tree, which all read, but none of its plans were read, and the app would
    /// say it has none.
    private func refuseUnreadableUnit(_ store: PlanStore, _ readable: Set<String>?) throws {
        guard let unit, let readable, let found = try? store.unit(named: unit), !readable.contains(found.id) else { return }
        try reportingErrors(exitCode: 2) { throw PostgresHook.commands.notPermitted(found) }
    }

    /// Runs the app and exits with its status.
    func main() -> Never { PlainArguments.runAndExit(run) }
}

extension AppLaunch {
    /// The app's own options, each once, as `--name value`, read without swift-argument-parser,
    /// whose reflection over every command is a large part of a cold start (docs/PERFORMANCE.md)
    /// on the command a person types every day. Anything else (help, a command, `--name=value`, a
    /// repeated or unknown option, a value it would not accept) gives nil, and the parser
    /// proper reads it and says what is wrong. Tests check that both read the same.
    init?(plainArguments arguments: [String]) {
        guard let given = PlainArguments(arguments[...], options: ["--db", "--unit", "--year", "--period"], flags: ["--compact"]),
              let year = given.year, let period = given.period else { return nil }
        self.init(database: DatabaseLocation(path: given["--db"]), unit: given["--unit"], year: year, period: period,
                  compact: given.has("--compact"))
    }
}
