import Foundation

/// The JSON of a field and of a value as the edit log and the drafts keep them: byte for byte
/// what `JSONEncoder` with sorted keys writes for `FieldRef` and `FieldValue` (the drafts look a
/// field up by this text, and a test compares the two for every kind). Written directly for
/// every field and for the values a key saves; a snapshot (adding or deleting an item or a
/// section) goes through the encoder. The encoder's first use costs millions of instructions in
/// the runtime's look-ups of its generic types, on the way to the first frame and the first
/// saved change (docs/PERFORMANCE.md).
enum FieldJSON {
    static func encode(_ field: FieldRef) -> String {
        switch field {
        case .itemText(let item, let textField):
            return object("itemText", [("field", quoted(textField.rawValue)), ("item", quoted(item))])
        case .itemDate(let item, let dateField):
            return object("itemDate", [("field", quoted(dateField.rawValue)), ("item", quoted(item))])
        case .rating(let item, let period):
            return object("rating", [("item", quoted(item)), ("period", quoted(period.rawValue))])
        case .status(let item, let period):
            return object("status", [("item", quoted(item)), ("period", quoted(period.rawValue))])
        case .outcome(let item, let period):
            return object("outcome", [("item", quoted(item)), ("period", quoted(period.rawValue))])
        case .analysis(let item, let period):
            return object("analysis", [("item", quoted(item)), ("period", quoted(period.rawValue))])
        case .sectionText(let section, let period):
            return object("sectionText", [("period", quoted(period.rawValue)), ("section", quoted(section))])
        case .itemRecord(let item):
            return object("itemRecord", [("item", quoted(item))])
        case .followedUp(let item):
            return object("followedUp", [("item", quoted(item))])
        case .sectionRecord(let section, let period):
            return object("sectionRecord", [("period", quoted(period.rawValue)), ("section", quoted(section))])
        case .sectionTitle(let section, let period):
            return object("sectionTitle", [("period", quoted(period.rawValue)), ("section", quoted(section))])
        }
    }

    /// nil: a value this does not write (a snapshot), for the encoder.
    static func encode(_ value: FieldValue) -> String? {
        switch value {
        case .text(let text): return object("text", [("_0", quoted(text))])
        case .rating(let rating): return object("rating", [("_0", quoted(rating.rawValue))])
        case .status(let status): return object("status", [("_0", quoted(status.rawValue))])
        case .flag(let flag): return object("flag", [("_0", flag ? "true" : "false")])
        case .number(let number):
            // The encoder writes a Decimal as its description, a plain JSON number.
            guard number.isFinite else { return nil }
            return object("number", [("_0", number.description)])
        case .record, .section: return nil
        }
    }

    /// `{"case":{"key":value,…}}`, the keys already in order.
    private static func object(_ name: String, _ members: [(String, String)]) -> String {
        var json = "{\"" + name + "\":{"
        for (index, member) in members.enumerated() {
            if index > 0 { json += "," }
            json += "\"" + member.0 + "\":" + member.1
        }
        return json + "}}"
    }

    /// A JSON string as the encoder escapes it: the quote, the backslash and the slash, and
    /// control characters (the usual ones by letter, the rest as \u00xx).
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x2F: bytes += [0x5C, 0x2F]
            case 0x08: bytes += [0x5C, 0x62]
            case 0x0C: bytes += [0x5C, 0x66]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}
