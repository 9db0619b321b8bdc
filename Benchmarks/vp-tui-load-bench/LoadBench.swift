import BenchSupport
import Foundation
import PlanKit
import PlanKitPostgres

// `vp-tui-load-bench`: many managers saving at once, each in a connection of its own, on the
// city's PostgreSQL database and on one SQLite file, with the same workload. Each manager has
// a unit of its own and saves ratings, statuses and analyses in turn, with a think time
// between saves, for a given time; afterwards every unit's edit log is checked against its
// rows (no lost write).

/// One simulated manager: a login and the fields it saves in its unit's plan.
struct LoadManager {
    let login: String
    let plan: PlanRef
    let goals: [String]
    let activities: [String]
    let period: ReportPeriod

    /// The field of a manager's `index`th save: a rating, a status, an analysis in turn.
    func field(_ index: Int) -> FieldRef {
        switch index % 3 {
        case 0: .rating(item: goals[index / 3 % goals.count], period: period)
        case 1 where !activities.isEmpty: .status(item: activities[index / 3 % activities.count], period: period)
        default: .analysis(item: goals[index / 3 % goals.count], period: period)
        }
    }

    /// A value other than `current`, so that every save changes the field and is logged.
    func value(for field: FieldRef, after current: FieldValue?, _ index: Int) -> FieldValue {
        switch field {
        case .rating: Rating.allCases.map(FieldValue.rating).first { $0 != current }!
        case .status: ActivityStatus.allCases.map(FieldValue.status).first { $0 != current }!
        default: .text("Analys \(index) av \(login): läget följs upp varje månad.")
        }
    }
}

struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// What one manager did.
final class LoadResult: @unchecked Sendable {
    var latencies: [Double] = []
    /// When each save began, in seconds from the run's start, beside its latency.
    var began: [Double] = []
    /// On PostgreSQL, each save's two round trips in milliseconds: the read, and the write
    /// with its commit.
    var reads: [Double] = []
    var writes: [Double] = []
    var errors: [String: Int] = [:]
    /// The last value saved in each field, with its record's revision.
    var saved: [FieldRef: (value: FieldValue?, revision: Int)] = [:]
}

func benchLoad(_ arguments: Arguments) throws {
    let managersWanted = arguments.int("managers", 300)
    let seconds = arguments.double("seconds", 60)
    let think = arguments.double("think-ms", 1000) / 1000
    let backends = (arguments.string("backends") ?? "sqlite,postgresql").split(separator: ",").map(String.init)
    // The district as made, with a year's history in its log (`addHistory`); each backend
    // starts from it.
    let withHistory = try ScratchCopy(of: arguments.require("db"))
    let history = arguments.int("history", 500)
    try addHistory(withHistory.path, entriesPerUnit: history)
    let district = try ScratchCopy(of: withHistory.path)
    let managers = try loadManagers(district.path, count: managersWanted)
    FileHandle.standardError.write(Data("load: \(managers.count) managers, \(seconds) s, think time \(think) s on average, \(history) earlier edits per unit in the log\n".utf8))
    for backend in backends {
        let savers: [FieldSaving]
        var deadlocks: () -> Int = { 0 }
        var retries: () -> Int = { 0 }
        // Kept open for the run.
        var watchers: [PostgresLink] = []
        switch backend {
        case "sqlite":
            savers = try managers.map { try PlanStore(path: district.path, login: $0.login) }
        case "postgresql":
            // From the district as made, not the copy an earlier SQLite run has written into.
            let commands = try postgresManagers(managers, url: arguments.require("pg"), district: withHistory.path)
            savers = commands
            if arguments.flag("listen") {
                let listening = min(arguments.int("listeners", commands.count), commands.count)
                try listenAsTheAppDoes(Array(commands.prefix(listening)), managers)
                watchers = try watchEveryUnit(arguments.int("watchers", 0), managers, url: arguments.require("pg"))
            }
            deadlocks = { commands.map(\.deadlocks).reduce(0, +) }
            retries = { commands.map(\.retries).reduce(0, +) }
        default:
            fail("unknown backend \(backend): sqlite or postgresql")
        }
        // The log may hold earlier runs' entries (a database given with --pg is used again).
        let earlier = try managers.indices.map { try ownEdits(managers[$0], savers[$0]).count }
        let results = runManagers(managers, savers, seconds: seconds, think: think)
        let latencies = results.flatMap(\.latencies)
        emitDistribution("load.\(backend).save", latencies)
        // Without each manager's first save of each kind (rating, status, analysis): the
        // connection's first run of a statement, which the server then plans for any values,
        // as an app does once per session.
        emitDistribution("load.\(backend).save.after-first", results.flatMap { $0.latencies.dropFirst(3) })
        emitDistribution("load.\(backend).save.read", results.flatMap(\.reads))
        emitDistribution("load.\(backend).save.write", results.flatMap(\.writes))
        emit("load.\(backend).throughput", Double(latencies.count) / seconds, unit: "saves/s")
        emitSlowestSpread(backend, results)
        let errors = results.reduce(into: [String: Int]()) { total, result in total.merge(result.errors, uniquingKeysWith: +) }
        emit("load.\(backend).errors", Double(errors.values.reduce(0, +)), unit: "n")
        for (error, count) in errors.sorted(by: { $0.value > $1.value }).prefix(5) {
            FileHandle.standardError.write(Data("load: \(backend): \(count)× \(error)\n".utf8))
        }
        if backend == "postgresql", arguments.flag("listen") {
            emit("load.postgresql.notificationsHeard", Double(heard.count) / seconds, unit: "per s")
            emit("load.postgresql.watchers", Double(watchers.count), unit: "n",
                 extra: ["heardPerSecond": String(format: "%.1f", Double(watcherHeard.count) / seconds)])
        }
        emit("load.\(backend).deadlocks", Double(deadlocks()), unit: "n")
        emit("load.\(backend).retries", Double(retries()), unit: "n")
        emit("load.\(backend).lostWrites", Double(try lostWrites(managers, savers, results, earlier: earlier)), unit: "n")
    }
    emit("rss.load", peakRSSMegabytes(), unit: "MB")
}

/// The first `count` plans of the district's last year, a manager for each.
func loadManagers(_ path: String, count: Int) throws -> [LoadManager] {
    let store = try PlanStore(path: path, login: "bench")
    let plans = try store.plans()
    let year = plans.map(\.year).max() ?? 0
    let refs = plans.filter { $0.year == year }.map { PlanRef(unitID: $0.unit.id, year: $0.year) }.sorted { $0.unitID < $1.unitID }
    return try refs.prefix(count).enumerated().map { index, ref in
        let plan = try store.loadPlan(ref)
        let period = plan.periods.contains(.vb) ? ReportPeriod.vb : plan.periods.last ?? .vp
        let items = plan.walk(in: period)
        let goals = items.filter { $0.level == .unitGoal }.map(\.id)
        let activities = items.filter { $0.kind == .activity && $0.author == .unit }.map(\.id)
        guard !goals.isEmpty else { fail("\(ref.unitID) has no own goals") }
        return LoadManager(login: String(format: "chef%03d", index + 1), plan: ref, goals: goals, activities: activities, period: period)
    }
}

/// Every manager's connection to PostgreSQL, as a login granted its unit. The district is copied
/// into the database first when it is empty (`vp-tui copy`).
func postgresManagers(_ managers: [LoadManager], url: String, district: String) throws -> [PostgresPlanCommands] {
    let ownerAddress = try PostgresAddress.parse(url)
    let owner = try PostgresDatabase.open(ownerAddress, install: true)
    if try owner.run("SELECT count(*) FROM plan").single == .integer(0) {
        let (_, elapsed) = try timed { try StoreCopy.run(from: .sqlite(path: district), to: .postgres(ownerAddress)) }
        FileHandle.standardError.write(Data("load: district copied into PostgreSQL in \(Int(elapsed)) ms\n".utf8))
    }
    for manager in managers {
        _ = try PostgresRights.grant(AccessGrant(login: manager.login, scope: .unit, target: manager.plan.unitID, kind: .write), on: owner)
    }
    settle(owner)
    var preparing: [Double] = []
    let commands = try managers.map { manager in
        var address = ownerAddress
        address.login = manager.login
        let commands = try PostgresPlanCommands(address: address)
        // As the app does in the background once the plan is on the screen.
        preparing.append(try timed { try commands.prepareCommonSaves() }.1)
        return commands
    }
    emitDistribution("load.postgresql.prepareCommonSaves", preparing)
    return commands
}

/// Notifications heard by all managers' connections.
final class HeardCount: @unchecked Sendable {
    private let lock = NSLock()
    private var heard = 0
    var count: Int { lock.withLock { heard } }
    func add() { lock.withLock { heard += 1 } }
}

let heard = HeardCount()

let watcherHeard = HeardCount()

/// Each connection given listens for the changes of its manager's unit's plans, as the app's
/// does (`PostgresPlanServer`, `PostgresChannels`): the manager alone in the unit, its saves
/// are announced only to the watchers. Waits a moment for the LISTENs, which the driver sends
/// on its own.
func listenAsTheAppDoes(_ commands: [PostgresPlanCommands], _ managers: [LoadManager]) throws {
    for (command, manager) in zip(commands, managers) {
        try PostgresChannels.listen(units: [manager.plan.unitID], on: command.link) { _, _ in heard.add() }
    }
    Thread.sleep(forTimeInterval: 1)
}

/// `count` connections of the owner, each listening to every manager's unit as a controller's
/// app does with the board's table on the screen: every save is then announced, and every
/// listening connection woken by it.
func watchEveryUnit(_ count: Int, _ managers: [LoadManager], url: String) throws -> [PostgresLink] {
    guard count > 0 else { return [] }
    let units = Set(managers.map(\.plan.unitID))
    let links = try (0..<count).map { _ in
        let link = try PostgresDatabase.open(try PostgresAddress.parse(url))
        try PostgresChannels.listen(units: units, on: link) { _, _ in watcherHeard.add() }
        return link
    }
    Thread.sleep(forTimeInterval: 1)
    return links
}

/// Runs every manager on a thread of its own until the time is up.
func runManagers(_ managers: [LoadManager], _ savers: [FieldSaving], seconds: Double, think: Double) -> [LoadResult] {
    let results = managers.map { _ in LoadResult() }
    let group = DispatchGroup()
    // The threads are started first; the run begins a fifth of a second later for all of them.
    let delay = 0.2
    let start = now() + UInt64(delay * 1_000_000_000)
    runStartedAt = Date().addingTimeInterval(delay)
    let end = start + UInt64(seconds * 1_000_000_000)
    for index in managers.indices {
        group.enter()
        // Each saver is used by its own thread only.
        let saver = UncheckedSendable(savers[index])
        let thread = Thread { [manager = managers[index], result = results[index]] in
            defer { group.leave() }
            simulate(manager, saver.value, result, start: start, end: end, think: think)
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
    return results
}

func simulate(_ manager: LoadManager, _ saver: FieldSaving, _ result: LoadResult, start: UInt64, end: UInt64, think: Double) {
    var index = 0
    var next = start + UInt64(Double.random(in: 0...think) * 1_000_000_000)
    while true {
        let current = now()
        if next >= end { break }
        if next > current { usleep(UInt32((next - current) / 1_000)) }
        let field = manager.field(index)
        do {
            let known = try result.saved[field] ?? saver.value(of: field, in: manager.plan)
            let value = manager.value(for: field, after: known.value, index)
            let began = now()
            let revision = try saver.set(field, to: value, in: manager.plan, expectedRevision: known.revision)
            result.latencies.append(milliseconds(now() - began))
            result.began.append(Double(began - start) / 1_000_000_000)
            if let roundTrips = (saver as? PostgresPlanCommands)?.lastSaveRoundTrips {
                result.reads.append(milliseconds(roundTrips.read))
                result.writes.append(milliseconds(roundTrips.write))
            }
            result.saved[field] = (value, revision)
            // A goal's rating and analysis are one record (its follow-up) with one revision.
            for (other, known) in result.saved where other.itemID == field.itemID {
                result.saved[other] = (known.value, revision)
            }
        } catch {
            result.errors[(error as? LocalizedError)?.errorDescription ?? "\(error)", default: 0] += 1
            result.saved[field] = nil
        }
        index += 1
        next = now() + UInt64(Double.random(in: 0.5...1.5) * think * 1_000_000_000)
    }
}

func ownEdits(_ manager: LoadManager, _ saver: FieldSaving) throws -> [EditLogEntry] {
    try saver.history(manager.plan).filter { $0.login == manager.login && $0.action == .edit }
}

/// Fields whose row disagrees with the edit log's last entry, plus managers whose count of log
/// entries differs from their count of saves.
func lostWrites(_ managers: [LoadManager], _ savers: [FieldSaving], _ results: [LoadResult], earlier: [Int]) throws -> Int {
    var lost = 0
    for (index, manager) in managers.enumerated() {
        let log = try ownEdits(manager, savers[index])
        if log.count - earlier[index] != results[index].latencies.count { lost += 1 }
        for field in Set(log.compactMap(\.field)) {
            let logged = log.last { $0.field == field }?.newValue
            if try savers[index].value(of: field, in: manager.plan).value != logged { lost += 1 }
        }
    }
    return lost
}

/// When the last run began, by the clock, so that the seconds of its slowest saves can be matched
/// with the server's log or `vmstat -t`.
nonisolated(unsafe) var runStartedAt = Date()

/// When the slowest hundredth of the saves (those above the p99) began: in how many of the run's
/// seconds (and which, from `startedAt`), and how many of them in the busiest tenth of a second.
/// Spread over the run, they are the load's; bunched, a stall of the machine or the server.
func emitSlowestSpread(_ backend: String, _ results: [LoadResult]) {
    let saves = results.flatMap { zip($0.latencies, $0.began) }
    guard !saves.isEmpty else { return }
    let p99 = quantile(saves.map(\.0), 0.99)
    let slowest = saves.filter { $0.0 > p99 }.map(\.1)
    let seconds = Set(slowest.map { Int($0) }).sorted()
    let busiestTenth = Dictionary(grouping: slowest) { Int($0 * 10) }.values.map(\.count).max() ?? 0
    emit("load.\(backend).slowest.seconds", Double(seconds.count), unit: "n",
         extra: ["saves": String(slowest.count), "inBusiestTenthOfASecond": String(busiestTenth),
                 "at": seconds.map(String.init).joined(separator: ","),
                 "startedAt": ISO8601DateFormatter().string(from: runStartedAt)])
}

/// Lets the server finish with the district's copy and the grants before the managers connect,
/// so that the run's saves do not wait behind that work: the tables vacuumed and analysed (after
/// a bulk load autovacuum otherwise does it in the middle of the run, and each vacuum or analyse
/// of a table makes every connection plan its statements on it again, a few milliseconds each
/// with row-level security), a checkpoint (when the URL's login may ask for one), then the
/// machine's dirty pages written back (`sync`).
func settle(_ owner: PostgresLink) {
    let (_, elapsed) = timed {
        _ = try? owner.run("VACUUM ANALYZE")
        _ = try? owner.run("CHECKPOINT")
        sync()
    }
    FileHandle.standardError.write(Data("load: the server's writes settled in \(Int(elapsed)) ms\n".utf8))
}
