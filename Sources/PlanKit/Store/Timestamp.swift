import Foundation

/// The store's timestamps (edit log, drafts, open sessions): ISO 8601 in UTC with milliseconds,
/// "2026-11-23T18:44:48.123Z". One format style for all of them; it is a value, cheap to keep,
/// where an ISO8601DateFormatter built per call cost a tenth of a saved change.
public enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    public static func string(_ date: Date = Date()) -> String {
        date.formatted(style)
    }

    public static func date(_ text: String) -> Date? {
        try? style.parse(text)
    }
}
