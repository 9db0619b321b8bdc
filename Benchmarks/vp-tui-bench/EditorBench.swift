import BenchSupport
import Foundation
import PlanKit
import VPApp

/// `vp-tui-bench editor`: how a very large analysis opens and types, in the editor alone and
/// through the app (open = Enter on the field until the first frame; key = one key and the
/// frame after it). Texts: "prose" is realistic Swedish prose in paragraphs, "nospace" one
/// paragraph without a space or line break.
///
/// Per text: open; the first key after opening (apart, since a text still shared with the one
/// it was opened from is where a whole copy would show); typing at the end and at the start;
/// word motions (Ctrl-Left/Right, Alt-D, Ctrl-W) from the middle; and through the app the first
/// key after a draft was saved (the draft must not leave the text shared either).
enum EditorBench {
    static func run(_ arguments: Arguments) throws {
        let width = arguments.int("width", 120)
        let height = arguments.int("height", 40)
        let keys = arguments.int("keys", 100)
        let sizes = (arguments.string("mb") ?? "5,10").split(separator: ",").compactMap { Double($0) }
        for megabytes in sizes {
            let bytes = Int(megabytes * 1_000_000)
            for (kind, text) in [("prose", prose(bytes: bytes)), ("nospace", noSpace(bytes: bytes))] {
                let label = "\(kind).\(megabytes.formatted(.number.grouping(.never)))MB"
                try editorAlone(text, label: label, width: width, height: height, keys: keys)
                try throughTheApp(text, label: label, width: width, height: height, keys: keys)
            }
        }
    }

    /// The editor by itself in a text area of the app's size.
    static func editorAlone(_ text: String, label: String, width: Int, height: Int, keys: Int) throws {
        let rect = Rect(row: 2, column: 1, height: height - 4, width: width - 2)
        var screen = Screen(width: width, height: height)
        var editor = TextEditor(text: "")
        // Kept alive as the app keeps the plan the text came from.
        let source = text
        let (_, opened) = timed {
            editor = TextEditor(text: source)
            editor.moveCursorToEnd()
            editor.render(into: &screen, rect: rect, style: .plain)
        }
        emit("editor.open.\(label)", opened, unit: "ms")
        // The processor time of each key beside its wall time: on a loaded machine the wall
        // time's tail is mostly the process waiting for a core.
        var processorTimes: [Double] = []
        let press = { (key: KeyEvent) -> Double in
            let processorStart = threadProcessorTime()
            let elapsed = timed {
                _ = editor.handle(key, width: rect.width, height: rect.height)
                editor.render(into: &screen, rect: rect, style: .plain)
            }.1
            processorTimes.append(threadProcessorTime() - processorStart)
            return elapsed
        }
        emit("editor.firstkey.\(label)", press(.character("ö")), unit: "ms")
        for (place, key) in [("end", KeyEvent.ctrlEnd), ("start", KeyEvent.ctrlHome)] {
            _ = press(key)
            processorTimes = []
            let times = (0..<keys).map { press(.character($0 % 5 == 4 ? " " : "ö")) }
            emitDistribution("editor.key.\(place).\(label)", times)
            emitDistribution("editor.key.\(place).cpu.\(label)", processorTimes)
        }
        // Word motions from the middle of the text, each with its frame.
        editor.setCursor(editor.text.count / 2)
        var motions: [Double] = []
        for index in 0..<keys {
            let key: KeyEvent = [.ctrlLeft, .ctrlRight, .alt("b"), .alt("f")][index % 4]
            motions.append(press(key))
        }
        emitDistribution("editor.wordmotion.\(label)", motions)
        emitDistribution("editor.wordmotion.cpu.\(label)", Array(processorTimes.suffix(keys)))
        let deletions = (0..<keys).map { press($0 % 2 == 0 ? .alt("d") : .control("w")) }
        emitDistribution("editor.worddelete.\(label)", deletions)
        emitDistribution("editor.worddelete.cpu.\(label)", Array(processorTimes.suffix(keys)))
        _ = source.utf8.count
    }

    /// The app with the text as the analysis of its first own goal: Enter opens the editor.
    static func throughTheApp(_ text: String, label: String, width: Int, height: Int, keys: Int) throws {
        let store = try PlanStore(inMemoryWithLogin: "bench")
        _ = try BundledSamples.load(into: store)
        let summary = try store.plans().first { $0.unit.name == "Resursenheten" } ?? store.plans()[0]
        let ref = PlanRef(unitID: summary.unit.id, year: summary.year)
        let plan = try store.loadPlan(ref)
        guard let goal = plan.walk(in: .vb).first(where: { $0.level == .unitGoal }) else { fail("no own goal") }
        _ = try store.set(.analysis(item: goal.id, period: .vb), to: .text(text), in: ref)

        let app = try AppController(store: store, width: width, height: height,
                                    options: AppController.Options(unit: summary.unit.name, year: summary.year, period: .vb))
        _ = app.render()
        app.finishStartup()
        for _ in 0..<5_000 where app.state.selectedItem?.id != goal.id { app.send(.down) }
        guard app.state.selectedItem?.id == goal.id else { fail("the own goal is not in the outline") }
        _ = app.render()
        let (_, opened) = timed {
            app.send(.character("e"))
            _ = app.render()
        }
        guard case .editor? = app.state.modal else { fail("e did not open the editor") }
        emit("app.open.\(label)", opened, unit: "ms")
        let press = { (key: KeyEvent) -> Double in
            timed {
                app.send(key)
                _ = app.render()
            }.1
        }
        emit("app.firstkey.\(label)", press(.character("ö")), unit: "ms")
        var times: [Double] = []
        var afterDraft: [Double] = []
        var drafts: [Double] = []
        var clock = Date()
        for index in 0..<keys {
            times.append(press(.character(index % 5 == 4 ? " " : "ö")))
            if index % 20 == 19 {
                // The draft timer runs out: the text goes to the store, and the next key follows.
                clock += AppController.draftInterval + 0.1
                drafts.append(timed { app.tick(now: clock) }.1)
                afterDraft.append(press(.character("ö")))
            }
        }
        emitDistribution("app.key.\(label)", times)
        emitDistribution("app.draftsave.\(label)", drafts)
        emitDistribution("app.keyafterdraft.\(label)", afterDraft)
        app.close()
    }

    /// Swedish prose: sentences of ordinary words, paragraphs of a few hundred characters.
    static func prose(bytes: Int) -> String {
        let sentences = [
            "Enheten har under året arbetat vidare med målen i verksamhetsplanen.",
            "Personalgruppen har varit stabil och sjukfrånvaron har minskat något jämfört med föregående år.",
            "Samverkan med förskolorna i området fungerar väl, och flera gemensamma aktiviteter har genomförts.",
            "Budgeten är i balans; ett mindre överskott beror på vakanser under våren.",
            "Uppföljningen visar att barnens inflytande över det dagliga arbetet behöver stärkas ytterligare.",
        ]
        var text = ""
        text.reserveCapacity(bytes + 200)
        var index = 0
        while text.utf8.count < bytes {
            text += sentences[index % sentences.count]
            index += 1
            text += index % 7 == 0 ? "\n\n" : " "
        }
        return text
    }

    static func noSpace(bytes: Int) -> String {
        String(repeating: "abcdefghijklmnopqrstuvwxyzåäö", count: bytes / 32 + 1)
    }
}

/// Processor time used by this thread, in milliseconds.
func threadProcessorTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1_000_000
}
