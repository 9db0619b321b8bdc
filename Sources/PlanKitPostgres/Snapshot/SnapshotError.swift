import Foundation
import PlanKit

/// Why plans could not be read from PostgreSQL, beyond what the server or the store says.
public enum SnapshotError: Error, Equatable, LocalizedError {
    /// The login holds no right that lets it read this unit, department or board.
    case notPermitted(Organisation)

    public var errorDescription: String? { Strings.Snapshot.error(self) }
}
