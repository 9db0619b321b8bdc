import CNcurses
import Foundation

extension Terminal {
    /// Lets the user edit `text` in $VISUAL, else $EDITOR, else vi. The caller suspends the
    /// terminal around this call. Returns the edited text, or nil when it is unchanged or
    /// the editor failed (non-zero exit: e.g. `:cq` in vi means "discard").
    ///
    /// The editor value may carry arguments ("code --wait", "nano -R"): it is run as
    /// `/bin/sh -c '<editor> "$1"' sh <file>`, so the file name itself is never parsed by
    /// the shell.
    static func runExternalEditor(text: String) throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? "vi"

        let path = try writeTemporaryFile(text)
        defer { unlink(path) }

        var waitStatus: Int32 = 0
        let spawnError = vp_run_shell("\(editor) \"$1\"", path, &waitStatus)
        guard spawnError == 0 else { throw TerminalError.editorLaunchFailed(errno: spawnError) }
        guard vp_exited_successfully(waitStatus) != 0,
              let data = FileManager.default.contents(atPath: path) else { return nil }

        var edited = String(decoding: data, as: UTF8.self)
        // Editors end the last line with a newline; do not count that as a change.
        if !text.hasSuffix("\n"), edited.hasSuffix("\n") {
            edited.removeLast()
        }
        return edited == text ? nil : edited
    }

    /// A new file in $TMPDIR (else /tmp) readable by the user only (mkstemps creates it
    /// 0600): plan texts can be confidential. The suffix lets editors pick plain text.
    private static func writeTemporaryFile(_ text: String) throws -> String {
        var directory = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        if directory.isEmpty { directory = "/tmp" }
        if directory.hasSuffix("/") { directory.removeLast() }
        var template = Array("\(directory)/vp-tui-XXXXXX.txt".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard descriptor >= 0 else { throw TerminalError.temporaryFile(errno: errno) }
        defer { close(descriptor) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }

        let error = writeAll(text, to: descriptor)
        if error != 0 {
            unlink(path)
            throw TerminalError.temporaryFile(errno: error)
        }
        return path
    }
}
