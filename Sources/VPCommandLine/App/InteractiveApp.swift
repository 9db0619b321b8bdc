import Foundation
import PlanKit
import VPApp

/// The main loop: terminal keys in, the app's screen out. Everything the person does is saved
/// by the app at once, so every way out only has to restore the terminal.
enum InteractiveApp {
    /// A parent may start us with signals blocked (some launchers and test runners do); resizes
    /// and hang-ups must reach us all the same.
    private static func unblockTerminalSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGWINCH, SIGTERM, SIGHUP, SIGINT] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// How long to wait for a key before looking at signals again.
    static let tick: Int32 = 500

    static func run(store: PlanStore, options: AppController.Options) throws {
        unblockTerminalSignals()
        // The plan is opened before the terminal is taken over: a unit or year that is not there
        // is said on a terminal left as it was, not after the screen has flashed.
        let controller = try AppController(store: store, width: Layout.minWidth, height: Layout.minHeight, options: options)
        let terminal = Terminal()
        try terminal.start()
        defer { terminal.stop() }
        terminal.altChordIsBound = { key in
            if case .editor? = controller.state.modal { return TextEditor.binds(key) }
            return false
        }
        let size = terminal.size()
        controller.attach(width: size.width, height: size.height, unicode: terminal.isUTF8, colors: terminal.hasColors)
        // On every way out (q, Ctrl-C, SIGTERM, SIGHUP when the SSH link drops) the text being
        // written is kept as a draft before the terminal is restored.
        defer { controller.close() }
        // The first frame is on the screen; what it did not need is done now (and drawn below
        // if it changed anything).
        terminal.draw(controller.render())
        controller.finishStartup()
        StaleLinkFolders.startRemoving()
        while true {
            terminal.draw(controller.render())
            if terminal.pendingSignal != nil { return }
            // While the chooser's period states are being read, they are shown as they come.
            var key = terminal.readKey(timeoutMilliseconds: controller.isBackgroundWorkPending ? 40 : tick)
            controller.tick()
            // Keys that are already waiting (a held arrow key, fast typing over a slow link) are
            // handled before the next frame, so that the terminal is sent one frame for all of
            // them instead of one per key; at most for `batchLimit`, so the screen keeps up.
            let batchStart = ContinuousClock.now
            while let current = key {
                if handle(current, controller: controller, terminal: terminal) == .quit { return }
                guard ContinuousClock.now - batchStart < batchLimit, terminal.pendingSignal == nil else { break }
                key = terminal.readKey(timeoutMilliseconds: 0)
            }
        }
    }

    /// How long keys that arrive together are handled before a frame is drawn.
    static let batchLimit = Duration.milliseconds(30)

    private enum Outcome { case goOn, quit }

    private static func handle(_ key: KeyEvent, controller: AppController, terminal: Terminal) -> Outcome {
        for request in controller.send(key) {
            switch request {
            case .quit:
                return .quit
            case .externalEditor(let text):
                terminal.suspend()
                let result = Result { try Terminal.runExternalEditor(text: text) }
                terminal.resume()
                switch result {
                case .success(let edited): controller.externalEditorFinished(edited)
                case .failure: controller.externalEditorFinished(nil, failed: true)
                }
            }
        }
        return .goOn
    }
}
