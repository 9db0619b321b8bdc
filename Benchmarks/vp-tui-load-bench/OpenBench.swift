import BenchSupport
import Foundation
import PlanKit
import PlanKitPostgres

/// `vp-tui-load-bench open --pg URL --unit U --year Y --read everything|shown`: what the app reads
/// of PostgreSQL before its first screen, in this process, timed and with its peak memory.
/// `everything`: every row the login may read (`PostgresSnapshot.everything`, what the app read
/// at start before it read what it shows); `shown`: the list of plans and the boards' goals
/// (`PostgresSnapshot.chooser`) and then the plan (`PlanServer.bringIn`), and after that the
/// period states of the chooser's first screen of lines, once and then the median of `--again N`
/// more reads (5). Both connect the app's server and read the plan from the copy, as the app
/// does before drawing it. One mode per process, so that the peak memory is the mode's own.
func benchOpen(_ arguments: Arguments) throws {
    let address = try PostgresAddress.parse(arguments.require("pg"))
    let ref = PlanRef(unitID: arguments.require("unit"), year: arguments.int("year", 0))
    let mode = arguments.string("read") ?? "shown"
    let login = arguments.string("name") ?? address.login
    let baseline = peakRSSMegabytes()
    let ((copy, server), took) = try timed { () throws -> (PlanStore, PostgresPlanServer) in
        let copy = mode == "everything" ? try PostgresSnapshot.everything(address).store : try PostgresSnapshot.chooser(address).store
        let server = try PostgresPlanServer(address: address, store: copy)
        if mode != "everything" { try server.bringIn(ref) }
        _ = try copy.loadPlan(ref)
        return (copy, server)
    }
    emit("open.\(mode).\(login)", took, unit: "ms")
    emit("rss.\(mode).\(login)", peakRSSMegabytes(), unit: "MB", extra: ["before": String(format: "%.1f", baseline)])
    // The chooser's first screen: about 15 plans' states.
    let shown = Array(try copy.plans().prefix(15)).map { PlanRef(unitID: $0.unit.id, year: $0.year) }
    let (_, states) = try timed {
        mode == "everything" ? try copy.periodStates(shown) : try server.periodStates(shown)
    }
    emit("states.\(mode).\(login)", states, unit: "ms", extra: ["plans": "\(shown.count)"])
    // The same read again (a line read anew after a change): the median of several, which
    // a busy machine disturbs less than one.
    let again = try (0..<arguments.int("again", 5)).map { _ in
        try timed { mode == "everything" ? try copy.periodStates(shown) : try server.periodStates(shown) }.1
    }.sorted()
    if !again.isEmpty {
        emit("states.\(mode).\(login).again", again[again.count / 2], unit: "ms", extra: ["plans": "\(shown.count)", "runs": "\(again.count)"])
    }
    emit("rss.\(mode).\(login).states", peakRSSMegabytes(), unit: "MB")
}
