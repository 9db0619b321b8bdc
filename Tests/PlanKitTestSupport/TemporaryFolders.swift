import Foundation
import Testing

/// `@Suite(.temporaryFolders)`: every folder a test of the suite makes with
/// `TemporaryFolders.make(_:)` is removed when the test (each of its cases) ends, whether it
/// passed, failed or threw, so that a test run leaves nothing in the temporary folder.
public struct TemporaryFolders: SuiteTrait, TestTrait, TestScoping {
    /// Each test of the suite gets its own scope, so that its folders go as soon as it ends.
    public var isRecursive: Bool { true }

    /// The folders made in the running test case.
    final class Made: @unchecked Sendable {
        private let lock = NSLock()
        private var folders: [URL] = []

        func add(_ folder: URL) {
            lock.withLock { folders.append(folder) }
        }

        func removeAll() {
            for folder in lock.withLock({ folders }) {
                try? FileManager.default.removeItem(at: folder)
            }
        }
    }

    @TaskLocal static var running: Made?

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        let made = Made()
        defer { made.removeAll() }
        try await Self.$running.withValue(made) { try await function() }
    }

    /// A new, empty folder named `prefix-UUID` in the temporary folder, removed when the test
    /// ends. Outside a `.temporaryFolders` suite the test fails, since nothing would remove it.
    public static func make(_ prefix: String) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let running {
            running.add(folder)
        } else {
            Issue.record("\(folder.path) would stay behind: the suite needs @Suite(.temporaryFolders).")
        }
        return folder
    }
}

extension Trait where Self == TemporaryFolders {
    public static var temporaryFolders: Self { TemporaryFolders() }
}
