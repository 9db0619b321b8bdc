import CVPSystem
import Foundation

extension Terminal {
    /// Lets the user edit `text` in $VISUAL, else $EDITOR, else vi. The caller suspends the
    /// terminal around this call. Returns the edited text, or nil when it is unchanged or
    /// the editor failed (non-zero exit: e.g. `:cq` in vi means "discard"). Throws when the
    /// editor could not start at all (not found, not executable), so that the person is told.
    ///
    /// The file ends with a newline, as a text file does: an editor that adds one where it is
    /// missing would otherwise glue it to the text. The last newline is taken off on the way
    /// back, so an untouched text comes back unchanged.
    ///
    /// The editor value may carry arguments ("code --wait", "nano -R"): it is run as
    /// `/bin/sh -c '<editor> "$1"' sh <file>`, so the file name itself is never parsed by
    /// the shell.
    static func runExternalEditor(text: String) throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? "vi"

        let path = try writeTemporaryFile(text + "\n")
        defer { unlink(path) }

        var waitStatus: Int32 = 0
        let spawnError = vp_run_shell("\(editor) \"$1\"", path, &waitStatus)
        guard spawnError == 0 else { throw TerminalError.editorLaunchFailed(errno: spawnError) }
        let status = vp_exit_status(waitStatus)
        // The shell's own statuses for a command it could not find (127) or run (126).
        if status == 127 || status == 126 { throw TerminalError.editorLaunchFailed(errno: status == 127 ? ENOENT : EACCES) }
        guard status == 0, let data = FileManager.default.contents(atPath: path) else { return nil }
        let edited = textFromEditor(String(decoding: data, as: UTF8.self))
        return edited == text ? nil : edited
    }

    /// The edited file's text without the final line end the file was given (or that the editor
    /// wrote): "\n", or "\r\n" from an editor that writes those.
    static func textFromEditor(_ contents: String) -> String {
        var text = contents
        if text.hasSuffix("\n") || text.hasSuffix("\r\n") { text.removeLast() }
        return text
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
