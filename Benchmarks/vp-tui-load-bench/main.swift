import BenchSupport
import Foundation

// A program of its own, not a command of vp-tui-bench: it links the PostgreSQL client, whose
// size slows the start of every process that carries it (docs/PERFORMANCE.md), and
// vp-tui-bench measures start-up.
let usage = """
    vp-tui-load-bench --db PATH [--pg URL] [--managers N] [--seconds S] [--think-ms MS] [--history H] [--backends sqlite,postgresql] [--listen [--listeners N] [--watchers W]]
        N managers (300) saving ratings, statuses and analyses at once, each in a connection of its own
        and its own unit, for S seconds (60); then the edit log checked against the rows. --pg: the
        owner's URL of a PostgreSQL database, empty (the district is copied in) or holding the district.
        --history: earlier edits per unit added to the district's log first (500), as in the middle of a year.
        --listen: every connection also listens for its unit's changes, as the app's does; --listeners N:
        only the first N do (PostgreSQL wakes every listening backend at each change it announces); --watchers W:
        W more connections listen to every manager's unit, as a controller's app does with the board's table shown.
        Benchmarks/load.sh starts a throwaway cluster and runs it.
    vp-tui-load-bench open --pg URL --unit U --year Y [--read everything|shown] [--name LOGIN]
        What the app reads of PostgreSQL before its first screen, timed, with its peak memory
        (Benchmarks/open_postgres.sh).
    vp-tui-load-bench roundtrip --pg URL [--count N] [--pause-ms MS]
        One connection's round trip (SELECT 1, sent whole and prepared), N times (200) back to back
        and N times after a pause of MS milliseconds (100) each.
    vp-tui-load-bench disk --dir FOLDER [--seconds S] [--rate R]
        The disk's own commit: 8 kB written and flushed (fdatasync) R times a second (60) for S seconds
        (20) in a file in FOLDER, as a database's log at each commit; Benchmarks/load.sh runs it first.
    """

let mode = CommandLine.arguments.dropFirst().first.flatMap { ["open", "roundtrip", "disk"].contains($0) ? $0 : nil }
let arguments = Arguments(mode != nil ? Array(CommandLine.arguments.dropFirst()) : ["load"] + CommandLine.arguments.dropFirst())
if arguments.flag("help") || CommandLine.arguments.count == 1 {
    print(usage)
    exit(CommandLine.arguments.count == 1 ? 2 : 0)
}
do {
    switch mode {
    case "open": try benchOpen(arguments)
    case "roundtrip": try benchRoundTrip(arguments)
    case "disk": benchDiskCommit(arguments)
    default: try benchLoad(arguments)
    }
} catch {
    fail("\((error as? LocalizedError)?.errorDescription ?? "\(error)")")
}
