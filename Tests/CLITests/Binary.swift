import Foundation
import PlanKit
import PlanKitTestSupport
import Testing

/// The built vp-tui binary, run as a separate process.
enum Binary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The products folder holds both the test bundle and the vp-tui executable.
    static var url: URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent("vp-tui"),
            bundleDirectory.deletingLastPathComponent().appendingPathComponent("vp-tui"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/vp-tui"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs vp-tui with the arguments; `environment` is added to a clean environment whose
    /// database and data folder point into a temporary directory unless given.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws -> Result {
        try run(executable: url, arguments, environment: environment)
    }

    static func run(executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
                   "HOME": NSTemporaryDirectory(), "USER": "testare"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting, so a large output cannot fill the pipe and block the child.
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func temporaryDirectory() -> URL {
        TemporaryFolders.make("vp-tui-cli")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

extension Binary {
    /// A database of the sample plans at `path`, as the app makes it on a first run (the
    /// commands that read refuse a named file that does not exist).
    static func makeSamples(_ path: String) throws {
        _ = try PlanStore.open(path: path) { store in try BundledSamples.load(into: store) }
    }

    /// A file to import that holds nothing: `vp-tui import` of it makes a new database with the
    /// samples, as a command of the binary (the file lies in a folder of its own).
    static func nothingToImport() throws -> String {
        let file = temporaryDirectory().appendingPathComponent("inget.json")
        try Data(#"{"format": "vp-tui-plan", "version": 1, "organisations": []}"#.utf8).write(to: file)
        return file.path
    }
}
