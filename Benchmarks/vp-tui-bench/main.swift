import BenchSupport
import Foundation
import PlanKit
import PlanGenerator
import PlanTextImport
import VPApp

// vp-tui-bench: in-process benchmarks of vp-tui (not tests). Each invocation is one run and
// prints one JSON line per figure; Benchmarks/run.sh repeats the runs and
// Benchmarks/report.py prints median and spread. See Benchmarks/README.md.

let usage = """
    usage: vp-tui-bench COMMAND [options]
      pick    --db PATH                       the largest plan of the last year: {"unit","name","year"}
      open    --db PATH --unit U --year Y [--period P] [--width W --height H]
              open the store, build the app and render the first screen
      keys    --db PATH --unit U --year Y [--period P] [--width W --height H]
              a long scripted session; time per key (send + render), per render, cells changed
      store   --db PATH --unit U --year Y [--count N]
              one saved change (PlanStore.set with its log entry) and one undo, N times each
      export  --db PATH --year Y [--unit U]   export (JSON; Markdown of the latest period) and completeness
              check (latest period) of one unit (with --unit) or of every unit of the year
      editor  [--mb 5,10] [--keys N] [--width W --height H]   a very large analysis (prose, and one without
              spaces): open and per-key time in the editor alone and through the app
      render  --db PATH --unit U --year Y --item ID [--count N]   one screen rendered N times (for a profiler)
      gaps    --db PATH --unit U --year Y [--period P] [--count N]  Completeness.gaps of one plan, N times
      ratings --db PATH --unit U --year Y [--count N] [--pause S]   N ratings of an own goal, send and render
          timed apart; with --pause, each S seconds after the last, as a person makes them
      texts   --db PATH --unit U --year Y [--count N]   N analyses written and saved with Ctrl-S, likewise
      board   --db PATH --year Y [--period P] [--unit U] [--board B] [--runs N] [--vp-tui BINARY]   one unit's
              check beside the whole board's status and roll-up (Markdown, JSON), each from a newly opened
              store doing what its command does; with --vp-tui also `check` and `status` as processes
      board-page --db PATH --year Y [--period P] [--unit U] [--runs N] [--keys N]   the board's table in the
              app: Ctrl-N to its first frame, per key moving and filtering, Ctrl-R to the roll-up's first frame
      chooser --db PATH --unit U --year Y [--units N]   the chooser of every plan: the first and a later t,
              the period states read in the background, and per key typing a filter, Backspace, Esc, moving
    every command takes --label NAME, appended to its figures ("large", "sample")
      start-year --db PATH [--vp-tui BINARY] [--count N]   next year's plan started for every unit of the
              last year (in-process; with --vp-tui also as a loop over the command line, N units)
      import-text [--text PATH] [--copies N] [--count N]   import-text's reading of a ~300-page plan
              (the board's seed, N copies; run from the package folder)
      verify-generator                        the generator's fast path writes what the importer writes,
                                              and the same seed gives the same database
    """

let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
figureLabel = arguments.string("label") ?? ""

/// A key that saves, pressed `count` times on the first own goal of the plan (after `prepare`),
/// with the key's handling and the frame after it timed apart: `<name>.send`, `<name>.render`.
func timeSavingKeys(_ name: String, _ arguments: Arguments, count: Int,
                    prepare: (AppController, Int) -> Void = { _, _ in },
                    key: (AppController, Int) -> Void) throws {
    let copy = try ScratchCopy(of: arguments.require("db"))
    let app = try openApp(try PlanStore(path: copy.path), arguments)
    for _ in 0..<5_000 where app.state.selectedItem?.level != .unitGoal { app.send(.down) }
    var sends: [Double] = []
    var renders: [Double] = []
    // --pause S: each key S seconds after the last, as a person makes changes, so that the
    // checkpointer has run in between (and the figures are named "<name>.paced").
    let pause = arguments.double("pause", 0)
    for index in 0..<arguments.int("count", count) {
        prepare(app, index)
        if pause > 0 {
            let wakeUp = Date().addingTimeInterval(pause)
            while Date() < wakeUp {
                Thread.sleep(forTimeInterval: 0.05)
                app.tick()
            }
        }
        let (_, sent) = timed { key(app, index) }
        let (_, rendered) = timed { app.render() }
        sends.append(sent)
        renders.append(rendered)
    }
    let figure = pause > 0 ? "\(name).paced" : name
    emitDistribution("\(figure).send", sends)
    emitDistribution("\(figure).render", renders)
}

/// The app as the main loop starts it: the first frame first, then the rest of the start-up.
func openApp(_ store: PlanStore, _ arguments: Arguments) throws -> AppController {
    let app = try startApp(store, arguments)
    _ = app.render()
    app.finishStartup()
    return app
}

func startApp(_ store: PlanStore, _ arguments: Arguments) throws -> AppController {
    try AppController(store: store, width: arguments.int("width", 120), height: arguments.int("height", 40),
                      options: AppController.Options(unit: arguments.require("unit"), year: arguments.int("year", 0),
                                                     period: ReportPeriod(userText: arguments.string("period") ?? "vb")))
}

do {
    switch arguments.command {
    case "pick":
        let store = try PlanStore(path: arguments.require("db"))
        let plans = try store.plans()
        let year = plans.map(\.year).max() ?? 0
        var best: (PlanSummary, Int)?
        for plan in plans where plan.year == year {
            let size = try store.loadPlan(PlanRef(unitID: plan.unit.id, year: year)).items.count
            if best == nil || size > best!.1 { best = (plan, size) }
        }
        guard let (plan, size) = best else { fail("no plans in \(arguments.require("db"))") }
        let data = try JSONSerialization.data(withJSONObject: ["unit": plan.unit.id, "name": plan.unit.name, "year": year,
                                                               "items": size, "plans": plans.count], options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))

    case "open":
        // On a copy: opening registers the session in the database, which must stay as generated.
        let copy = try ScratchCopy(of: arguments.require("db"))
        // Opened once untimed, so that a migration the copy may need is not counted.
        _ = try PlanStore(path: copy.path)
        let start = now()
        let store = try PlanStore(path: copy.path)
        let opened = now()
        let app = try startApp(store, arguments)
        let loaded = now()
        let screen = app.render()
        let end = now()
        guard screen.text.contains(app.state.plan?.unit.name ?? "\u{0}") else { fail("the first screen does not show the plan") }
        // What the main loop does after the first frame, before it reads the first key.
        let (_, rest) = timed { app.finishStartup() }
        emit("open.inprocess.afterFirstFrame", rest, unit: "ms")
        emit("open.inprocess", milliseconds(end - start), unit: "ms")
        emit("open.inprocess.store", milliseconds(opened - start), unit: "ms")
        emit("open.inprocess.app", milliseconds(loaded - opened), unit: "ms")
        emit("open.inprocess.render", milliseconds(end - loaded), unit: "ms")
        emit("rss.open", peakRSSMegabytes(), unit: "MB")
        // Whether the first frame drew what the previous period said (T1 beside T2, T2 beside VB).
        emit("open.previousBeside", screen.text.contains("(förra perioden)") ? 1 : 0, unit: "shown")

    case "keys":
        let copy = try ScratchCopy(of: arguments.require("db"))
        let store = try PlanStore(path: copy.path)
        let session = KeySession(app: try openApp(store, arguments))
        session.run()
        session.emitResults()
        emit("rss.keys", peakRSSMegabytes(), unit: "MB")

    case "gaps":
        // Profiling aid: what a saved change makes the app find again, --count times.
        let store = try PlanStore(path: arguments.require("db"), readOnly: true)
        let plan = try store.loadPlan(PlanRef(unitID: try store.unit(named: arguments.require("unit")).id, year: arguments.int("year", 0)))
        let period = ReportPeriod(userText: arguments.string("period") ?? "vb") ?? .vb
        var times: [Double] = []
        for _ in 0..<arguments.int("count", 1_000) {
            let (_, elapsed) = timed { Completeness.gaps(in: plan, period: period, withPaths: false) }
            times.append(elapsed)
        }
        emitDistribution("gaps", times)

    case "ratings":
        // Profiling aid: rates the first own goal --count times (1, 2, 3 in turn).
        try timeSavingKeys("ratings", arguments, count: 300) { app, index in
            app.send(.character(["1", "2", "3"][index % 3]))
        }

    case "texts":
        // Profiling aid: --count times, opens the first own goal's analysis, adds a word and
        // saves it with Ctrl-S (the Ctrl-S timed).
        try timeSavingKeys("texts", arguments, count: 100) { app, index in
            app.send(.character("e"))
            for character in " ord\(index)" { app.send(.character(character)) }
        } key: { app, _ in
            app.send(.control("s"))
        }

    case "editor":
        try EditorBench.run(arguments)

    case "chooser":
        try chooserBenchmark(arguments)

    case "board-page":
        try boardPageBenchmark(arguments)

    case "render":
        // Profiling aid: renders the screen with one item selected, --count times.
        let copy = try ScratchCopy(of: arguments.require("db"))
        let app = try openApp(try PlanStore(path: copy.path), arguments)
        let target = arguments.require("item")
        for _ in 0..<5_000 where app.state.selection != .item(target) { app.send(.down) }
        guard app.state.selection == .item(target) else { fail("\(target) is not in the outline") }
        var renders: [Double] = []
        for _ in 0..<arguments.int("count", 1_000) {
            let (_, elapsed) = timed { app.render() }
            renders.append(elapsed)
        }
        emitDistribution("render.item", renders)

    case "store":
        let copy = try ScratchCopy(of: arguments.require("db"))
        let store = try PlanStore(path: copy.path)
        let ref = PlanRef(unitID: try store.unit(named: arguments.require("unit")).id, year: arguments.int("year", 0))
        let plan = try store.loadPlan(ref)
        let goals = plan.walk(in: .vb).filter { $0.level == .unitGoal }
        let activities = plan.walk(in: .vb).filter { $0.kind == .activity }
        guard !goals.isEmpty, !activities.isEmpty else { fail("the plan has no own goals or activities") }
        let count = arguments.int("count", 200)
        var sets: [Double] = []
        var undos: [Double] = []
        var loads: [Double] = []
        for index in 0..<count {
            let field: FieldRef
            let value: FieldValue
            switch index % 3 {
            case 0:
                let goal = goals[index % goals.count]
                field = .analysis(item: goal.id, period: .vb)
                value = .text(plan.followUp(goal.id, .vb).analysis + " Tillägg \(index).")
            case 1:
                field = .rating(item: goals[index % goals.count].id, period: .vb)
                let current = try store.value(of: field, in: ref).value
                value = Rating.allCases.map(FieldValue.rating).first { $0 != current }!
            default:
                field = .status(item: activities[index % activities.count].id, period: .vb)
                let current = try store.value(of: field, in: ref).value
                value = ActivityStatus.allCases.map(FieldValue.status).first { $0 != current }!
            }
            let (_, elapsed) = try timed { try store.set(field, to: value, in: ref) }
            sets.append(elapsed)
        }
        for _ in 0..<count {
            let (_, elapsed) = try timed { try store.undo(in: ref) }
            undos.append(elapsed)
        }
        for _ in 0..<arguments.int("loads", 20) {
            let (_, elapsed) = try timed { try store.loadPlan(ref) }
            loads.append(elapsed)
        }
        emitDistribution("store.set", sets)
        emitDistribution("store.undo", undos)
        emitDistribution("store.loadPlan", loads)
        emit("rss.store", peakRSSMegabytes(), unit: "MB")

    case "export":
        let store = try PlanStore(path: arguments.require("db"))
        let year = arguments.int("year", 0)
        let refs: [PlanRef]
        let scope: String
        if let unit = arguments.string("unit") {
            refs = [PlanRef(unitID: try store.unit(named: unit).id, year: year)]
            scope = "one"
        } else {
            refs = try store.plans().filter { $0.year == year }.map { PlanRef(unitID: $0.unit.id, year: year) }
            scope = "all"
        }
        guard !refs.isEmpty else { fail("no plans for \(year)") }
        var bytes = 0
        let (_, json) = try timed {
            for ref in refs { bytes += try store.exportJSON(ref).count }
        }
        // As `vp-tui export --format markdown` and `vp-tui check` do: the plan's latest period.
        let (_, markdown) = try timed {
            for ref in refs {
                let plan = try store.loadPlan(ref)
                let period = plan.periods.last ?? .vp
                bytes += MarkdownRenderer.render(ReportBuilder(plan: plan, period: period).build()).utf8.count
            }
        }
        var gaps = 0
        let (_, check) = try timed {
            for ref in refs {
                let plan = try store.loadPlan(ref)
                gaps += Completeness.gaps(in: plan, period: plan.periods.last ?? .vp).count
            }
        }
        emit("export.\(scope).json", json, unit: "ms", extra: ["plans": "\(refs.count)"])
        emit("export.\(scope).markdown", markdown, unit: "ms", extra: ["plans": "\(refs.count)"])
        emit("export.\(scope).check", check, unit: "ms", extra: ["plans": "\(refs.count)", "gaps": "\(gaps)"])
        emit("rss.export.\(scope)", peakRSSMegabytes(), unit: "MB")
        if bytes == 0 { fail("nothing exported") }

    case "start-year":
        try benchStartYear(arguments)

    case "board":
        try boardBenchmark(arguments)

    case "import-text":
        try benchImportText(arguments)

    case "verify-generator":
        let options = DistrictGenerator.Options(units: 6, years: 2, seed: 7)
        func make(_ mode: GeneratorWriteMode) throws -> PlanStore {
            let store = try PlanStore(inMemoryWithLogin: "bench")
            try store.generateDistrict(try DistrictGenerator(options: options), editsPerUnit: 0, chunk: 4, mode: mode)
            return store
        }
        let direct = try make(.direct)
        let imported = try make(.importer)
        let again = try make(.direct)
        var compared = 0
        for plan in try imported.plans() {
            let ref = PlanRef(unitID: plan.unit.id, year: plan.year)
            let expected = try imported.exportJSON(ref)
            guard try direct.exportJSON(ref) == expected else { fail("the fast path differs from the importer for \(ref)") }
            guard try again.exportJSON(ref) == expected else { fail("the same seed gave another plan for \(ref)") }
            let history = { (store: PlanStore) in try store.history(ref).map { "\($0.action) \($0.note ?? "")" } }
            guard try history(direct) == history(imported) else { fail("the edit log differs for \(ref)") }
            compared += 1
        }
        guard try direct.plans().count == compared, compared == 12 else { fail("expected 12 plans, compared \(compared)") }
        print("verify-generator: \(compared) plans identical through the fast path, the importer and a second run")

    default:
        print(usage)
        exit(arguments.command == "help" ? 0 : 2)
    }
} catch {
    fail("\((error as? LocalizedError)?.errorDescription ?? "\(error)")")
}
