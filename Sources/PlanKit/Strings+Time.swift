import Foundation

/// Times of the edit log (stored as ISO 8601 in UTC) as a person reads them: local time.
extension Strings {
    /// "2021-05-02T10:00:00.000Z" as "2021-05-02 12:00" in Stockholm. A text that does not read
    /// as such a time is shown as it is. Read by hand rather than with a date formatter: the app
    /// draws a handed-in report's time with every frame.
    public static func localTime(_ iso: String, in zone: TimeZone = .current) -> String {
        let scalars = Array(iso.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[start..<(start + length)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard scalars.count >= 17, iso.hasSuffix("Z"), scalars[10] == UInt8(ascii: "T"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2) else { return iso }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? zone
        guard let date = utc.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)) else {
            return iso
        }
        var local = Calendar(identifier: .gregorian)
        local.timeZone = zone
        let parts = local.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }
}
