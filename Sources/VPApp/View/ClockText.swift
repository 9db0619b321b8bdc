import Foundation

/// Times on the screen, told relative to the state's `now` (the last tick), in local time.
enum ClockText {
    /// "14:05" the same day as `now`, "2026-11-20 14:05" another day. Drawn with every frame
    /// that names another session, so without building a DateFormatter.
    static func format(_ date: Date?, now: Date) -> String {
        guard let date else { return "" }
        let calendar = Calendar.current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        if calendar.isDate(date, inSameDayAs: now) { return time }
        return String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) + time
    }
}
