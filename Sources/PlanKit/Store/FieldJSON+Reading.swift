import Foundation

/// Reading back what `FieldJSON` writes, without the decoder, for undo, redo and the drafts.
/// Only text in exactly the shape written (no white space, the keys of the case and nothing
/// else) is read here; anything else (a snapshot, a hand-edited row) goes to `JSONDecoder`,
/// which stays the judge of what the text means.
extension FieldJSON {
    static func field(_ text: String) -> FieldRef? {
        if let (name, members) = parse(text), let field = field(name, members) { return field }
        return try? JSONDecoder().decode(FieldRef.self, from: Data(text.utf8))
    }

    static func value(_ text: String) -> FieldValue? {
        if let (name, members) = parse(text), let value = value(name, members) { return value }
        return try? JSONDecoder().decode(FieldValue.self, from: Data(text.utf8))
    }

    private enum Scalar: Equatable {
        case string(String), bool(Bool), number(String)

        var string: String? {
            if case .string(let text) = self { return text }
            return nil
        }
    }

    private static func field(_ name: String, _ members: [String: Scalar]) -> FieldRef? {
        func string(_ key: String) -> String? { members[key]?.string }
        func period() -> ReportPeriod? { string("period").flatMap(ReportPeriod.init(rawValue:)) }
        switch (name, members.keys.sorted().joined(separator: ",")) {
        case ("itemText", "field,item"):
            guard let item = string("item"), let field = string("field").flatMap(TextField.init(rawValue:)) else { return nil }
            return .itemText(item: item, field: field)
        case ("itemDate", "field,item"):
            guard let item = string("item"), let field = string("field").flatMap(DateField.init(rawValue:)) else { return nil }
            return .itemDate(item: item, field: field)
        case ("rating", "item,period"), ("status", "item,period"), ("outcome", "item,period"), ("analysis", "item,period"):
            guard let item = string("item"), let period = period() else { return nil }
            switch name {
            case "rating": return .rating(item: item, period: period)
            case "status": return .status(item: item, period: period)
            case "outcome": return .outcome(item: item, period: period)
            default: return .analysis(item: item, period: period)
            }
        case ("sectionText", "period,section"), ("sectionRecord", "period,section"), ("sectionTitle", "period,section"):
            guard let section = string("section"), let period = period() else { return nil }
            switch name {
            case "sectionText": return .sectionText(section: section, period: period)
            case "sectionRecord": return .sectionRecord(section: section, period: period)
            default: return .sectionTitle(section: section, period: period)
            }
        case ("itemRecord", "item"):
            return string("item").map { .itemRecord(item: $0) }
        case ("followedUp", "item"):
            return string("item").map { .followedUp(item: $0) }
        default:
            return nil
        }
    }

    private static func value(_ name: String, _ members: [String: Scalar]) -> FieldValue? {
        guard members.count == 1, let only = members["_0"] else { return nil }
        switch (name, only) {
        case ("text", .string(let text)): return .text(text)
        case ("rating", .string(let raw)): return Rating(rawValue: raw).map { .rating($0) }
        case ("status", .string(let raw)): return ActivityStatus(rawValue: raw).map { .status($0) }
        case ("flag", .bool(let flag)): return .flag(flag)
        case ("number", .number(let digits)): return Decimal(string: digits).map { .number($0) }
        default: return nil
        }
    }

    /// `{"name":{"key":scalar,…}}` with nothing between the tokens; nil for any other text.
    private static func parse(_ text: String) -> (String, [String: Scalar])? {
        var reader = Reader(bytes: Array(text.utf8))
        guard reader.take(0x7B), let name = reader.string(), reader.take(0x3A), reader.take(0x7B) else { return nil }
        var members: [String: Scalar] = [:]
        if !reader.take(0x7D) {
            repeat {
                guard let key = reader.string(), reader.take(0x3A), let scalar = reader.scalar(),
                      members.updateValue(scalar, forKey: key) == nil else { return nil }
            } while reader.take(0x2C)
            guard reader.take(0x7D) else { return nil }
        }
        guard reader.take(0x7D), reader.atEnd else { return nil }
        return (name, members)
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        var atEnd: Bool { at == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func scalar() -> Scalar? {
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case 0x22: return string().map(Scalar.string)
            case 0x74: return word("true") ? .bool(true) : nil
            case 0x66: return word("false") ? .bool(false) : nil
            default: return number().map(Scalar.number)
            }
        }

        private mutating func word(_ word: String) -> Bool {
            let expected = Array(word.utf8)
            guard bytes.count - at >= expected.count, Array(bytes[at..<at + expected.count]) == expected else { return false }
            at += expected.count
            return true
        }

        /// `-?digits(.digits)?`, as a Decimal's description is written.
        private mutating func number() -> String? {
            let start = at
            _ = take(0x2D)
            guard digits() else { return nil }
            if take(0x2E) {
                guard digits() else { return nil }
            }
            return String(decoding: bytes[start..<at], as: UTF8.self)
        }

        private mutating func digits() -> Bool {
            let start = at
            while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 { at += 1 }
            return at > start
        }

        /// A JSON string; nil for one not closed, with a control character or a bad escape.
        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            var out: [UInt8] = []
            while at < bytes.count {
                let byte = bytes[at]
                at += 1
                switch byte {
                case 0x22:
                    return String(validating: out, as: UTF8.self)
                case 0x5C:
                    guard at < bytes.count else { return nil }
                    let escaped = bytes[at]
                    at += 1
                    switch escaped {
                    case 0x22, 0x5C, 0x2F: out.append(escaped)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        guard let unit = hex4() else { return nil }
                        var scalar = Unicode.Scalar(unit)
                        if scalar == nil, (0xD800..<0xDC00).contains(unit), take(0x5C), take(0x75), let low = hex4(),
                           (0xDC00..<0xE000).contains(low) {
                            scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                        }
                        guard let scalar else { return nil }
                        out += Array(String(Character(scalar)).utf8)
                    default: return nil
                    }
                case 0x00..<0x20:
                    return nil
                default:
                    out.append(byte)
                }
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard bytes.count - at >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[at]
                at += 1
                switch byte {
                case 0x30...0x39: value = value << 4 | UInt32(byte - 0x30)
                case 0x41...0x46: value = value << 4 | UInt32(byte - 0x41 + 10)
                case 0x61...0x66: value = value << 4 | UInt32(byte - 0x61 + 10)
                default: return nil
                }
            }
            return value
        }
    }
}
