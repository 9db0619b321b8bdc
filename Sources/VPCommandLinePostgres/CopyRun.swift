import Foundation
import PlanKit
import PlanKitPostgres
import VPCommandLine

/// `copy`: a whole database into an empty one, SQLite or PostgreSQL either way, all or nothing.
extension LinkedPostgres {
    public func copy(from source: String, to target: String) throws {
        let source = try CopyEndpoint.parse(source)
        let target = try CopyEndpoint.parse(target)
        let line = CopyProgressLine()
        let rows = try StoreCopy.run(from: source, to: target) { line.show($0) }
        line.end()
        print(Strings.Copy.done(rows: rows, from: Self.shown(source), to: Self.shown(target)))
    }

    static func shown(_ endpoint: CopyEndpoint) -> String {
        switch endpoint {
        case .sqlite(let path): path
        case .postgres(let address): address.description
        }
    }
}

/// Progress on standard error: one line rewritten in place on a terminal (at most ten times a
/// second), else one line per table as it is done, so that logs stay short.
private final class CopyProgressLine {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var last = Date.distantPast
    private var shown = false

    func show(_ progress: CopyProgress) {
        let tableDone = progress.rowsCopied == progress.rowsInTable
        guard isTerminal else {
            if tableDone { write(Strings.Copy.progress(progress) + "\n") }
            return
        }
        let now = Date()
        guard tableDone || now.timeIntervalSince(last) >= 0.1 else { return }
        last = now
        shown = true
        write("\r\u{1B}[K" + Strings.Copy.progress(progress))
    }

    func end() {
        if shown { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
