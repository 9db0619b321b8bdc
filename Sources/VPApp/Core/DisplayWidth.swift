/// How many terminal columns a character takes: 0 for combining marks and controls,
/// 2 for East Asian wide and fullwidth characters and emoji, 1 otherwise.
/// The app draws into cells itself, so it must not depend on the C library's locale.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let value = first.value
        // Fast path for the Latin text that is almost all of a plan: one scalar below U+0300.
        if value < 0x300, character.utf8.count == (value < 0x80 ? 1 : 2) {
            return isControl(value) ? 0 : 1
        }
        // Punctuation, arrows, box drawing, shapes and symbols (–, …, ▸, ✓, ─) alone: no combining
        // mark among them, so no need to ask for the general category.
        if symbols.0.contains(value) || symbols.1.contains(value), character.utf8.count == 3 {
            return isWide(value) ? 2 : 1
        }
        if isControl(value) { return 0 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark
            || value == 0x200B || value == 0x200D || (0xFE00...0xFE0F).contains(value) {
            return 0
        }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if isWide(value) { return 2 }
        return 1
    }

    /// Punctuation, letterlike symbols, arrows, box drawing, shapes, dingbats: no mark among them.
    static let symbols: (Range<UInt32>, Range<UInt32>) = (0x2010..<0x20D0, 0x2100..<0x2C00)

    /// A C0 or C1 control character (or DEL): it takes no column.
    @inline(__always)
    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F..<0xA0).contains(value)
    }

    public static func of(_ text: String) -> Int {
        if let latin = latinWidth(text) { return latin }
        var text = text
        return text.withUTF8 { bytes in
            var walk = CharacterWalk(bytes)
            var width = 0
            while let piece = walk.next() { width += piece.width }
            return width
        }
    }

    /// The width of a text whose every character is one scalar below U+0300 (Latin, with å, ä,
    /// ö and é), counted from its UTF-8 bytes without finding its characters; nil for any other
    /// text. Below U+0300 there are no combining marks, so each scalar is one character.
    @inline(__always)
    static func latinWidth(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var width = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte >= 0x20 && byte != 0x7F { width += 1 }
                    index += 1
                } else if byte >= 0xC2 && byte < 0xCC {
                    // Two bytes: U+0080…U+02FF; U+0080…U+009F are controls.
                    if byte != 0xC2 || index + 1 >= bytes.count || bytes[index + 1] >= 0xA0 { width += 1 }
                    index += 2
                } else {
                    return nil
                }
            }
            return width
        }
    }

    /// Pairs of first and last scalar, not `ClosedRange`s: an array of `ClosedRange<UInt32>`
    /// makes the Swift runtime check `UInt32: Comparable` at its first use, a scan of every
    /// conformance record of the binary, on the first frame.
    private static let wideRanges: [(lowerBound: UInt32, upperBound: UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
        (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
        (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xA960, 0xA97F),
        (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
        (0x16FE0, 0x16FE4), (0x17000, 0x18AFF), (0x1B000, 0x1B2FF), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF),
        (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F251), (0x1F300, 0x1F64F), (0x1F680, 0x1F6FF),
        (0x1F7E0, 0x1F7EB), (0x1F90C, 0x1F9FF), (0x1FA70, 0x1FAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound { high = middle - 1 } else if value > range.upperBound { low = middle + 1 } else { return true }
        }
        return false
    }
}
