import Testing

/// `@Suite(.throwawayPostgres)`: one throwaway cluster for the whole suite, started before its
/// first test and stopped (its folder removed) after its last, whether the tests passed or not.
/// When no cluster can be started the suite fails with the reason; it is never skipped.
public struct ThrowawayPostgres: SuiteTrait, TestScoping {
    @TaskLocal static var running: ThrowawayCluster?

    public var isRecursive: Bool { false }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        let cluster = try ThrowawayCluster.start()
        defer { cluster.stop() }
        try await Self.$running.withValue(cluster) { try await function() }
    }

    /// The suite's cluster; throws (failing the test) outside such a suite.
    public static func cluster() throws -> ThrowawayCluster {
        guard let running else { throw ClusterError.missing("This test needs @Suite(.throwawayPostgres).") }
        return running
    }
}

extension Trait where Self == ThrowawayPostgres {
    public static var throwawayPostgres: Self { ThrowawayPostgres() }
}
