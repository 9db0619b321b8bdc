import Testing

/// The two stores the same store tests run on: `@Test(arguments: Backend.allCases)` in a
/// `@Suite(.throwawayPostgres)`.
public enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgresql
    public var testDescription: String { rawValue }
}
