import Foundation
import PlanKit
import PlanKitPostgres
import VPCommandLine

/// `import` and `import-text` into a PostgreSQL database (`PostgresImport`).
extension LinkedPostgres {
    /// A server that cannot be used or a right the login lacks ends the command with exit 2, in
    /// Swedish, as the other commands that reach PostgreSQL do; what the import says of the file
    /// is left to the command, as on a file.
    public func importing<T>(_ url: String, years: Set<BoardYear>, writing: Bool, _ change: (PlanStore) throws -> T) throws -> T {
        let address = try PostgresAddress.parse(url)
        let line = ImportProgressLine()
        defer { line.end() }
        do {
            return try PostgresImport.run(address, years: years, writing: writing, progress: { line.show($0) }, change)
        } catch let error as PostgresImportError {
            line.end()
            return try reportingErrors(exitCode: 2) { throw error }
        } catch let error as PostgresStoreError {
            line.end()
            return try reportingErrors(exitCode: 2) { throw error }
        }
    }
}

/// Progress on standard error: one line rewritten in place on a terminal (at most ten times a
/// second), else a line when the writing starts and one when it is done, so that logs stay short.
private final class ImportProgressLine {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var last = Date.distantPast
    private var shown = false
    private var wroteFirst = false

    func show(_ progress: ImportProgress) {
        let text = Strings.PostgresImport.progress(progress)
        guard isTerminal else {
            if case .writing(_, let done, let total) = progress, !wroteFirst || done == total {
                wroteFirst = true
                write(text + "\n")
            }
            return
        }
        let now = Date()
        var finished = false
        if case .writing(_, let done, let total) = progress { finished = done == total }
        guard finished || now.timeIntervalSince(last) >= 0.1 else { return }
        last = now
        shown = true
        write("\r\u{1B}[K" + text)
    }

    func end() {
        if shown { write("\n") }
        shown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
