/// Turns the bytes a terminal sends into key events: a pure state machine. Bytes go in as the
/// reads deliver them (an escape sequence or a UTF-8 character may be split across reads), key
/// events come out; time enters only through `timeout()`, which the caller calls when no byte
/// came within `pendingWait` milliseconds.
///
/// Understood: UTF-8 text, control keys, CSI (`Esc [`) and SS3 (`Esc O`) sequences of xterm,
/// rxvt and the Linux console with their Ctrl modifier, Alt as `Esc` before a key, and
/// bracketed paste (`Esc [ 200 ~` … `Esc [ 201 ~`), whose text is always text.
public struct KeyDecoder: Sendable {
    /// How long a lone Esc waits for the rest of a sequence. An escape sequence from the terminal
    /// arrives in one piece even over slow SSH, and a person does not type two keys this fast.
    public static let escapeWaitMilliseconds = 25
    /// After a paste's end marker, how long to look for another one: a pasted text that itself
    /// holds the end marker's bytes is followed, in the same burst, by the real end marker.
    public static let pasteEndWaitMilliseconds = 60
    /// A paste whose end marker never comes (the terminal died mid-paste) ends after this long.
    public static let pasteStallMilliseconds = 5_000
    /// Pasted text beyond this many bytes is dropped (and never read as keys).
    public static let pasteLimitBytes = 10_000_000

    private enum Mode: Sendable {
        case keys
        /// Inside a bracketed paste.
        case paste
        /// An end marker was seen; the bytes after it wait in `afterEnd` until it is clear
        /// whether it was the real one.
        case pasteEnding
    }

    private var mode = Mode.keys
    /// Bytes read in key mode and not yet decoded (an incomplete sequence or character).
    private var pending: [UInt8] = []
    /// The pasted bytes so far.
    private var pasted: [UInt8] = []
    /// Where the search for the end marker goes on in `pasted` (or in `afterEnd`).
    private var searchFrom = 0
    private var afterEnd: [UInt8] = []

    public init() {}

    /// True while a bracketed paste is being read.
    public var isInPaste: Bool { mode != .keys }

    /// How long to wait for more bytes before `timeout()`; nil when nothing is pending.
    public var pendingWait: Int? {
        switch mode {
        case .keys: return pending.isEmpty ? nil : Self.escapeWaitMilliseconds
        case .paste: return Self.pasteStallMilliseconds
        case .pasteEnding: return Self.pasteEndWaitMilliseconds
        }
    }

    /// Decodes bytes as they were read; returns the events they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [KeyEvent] {
        var events: [KeyEvent] = []
        switch mode {
        case .keys:
            pending.append(contentsOf: bytes)
            decodeKeys(into: &events, final: false)
        case .paste:
            pasted.append(contentsOf: bytes)
            scanPaste(into: &events)
        case .pasteEnding:
            afterEnd.append(contentsOf: bytes)
            scanAfterEnd(into: &events)
        }
        return events
    }

    /// No byte came within `pendingWait`: an Esc alone is Esc, a sequence cut short is dropped,
    /// a paste ends.
    public mutating func timeout() -> [KeyEvent] {
        var events: [KeyEvent] = []
        switch mode {
        case .keys:
            decodeKeys(into: &events, final: true)
        case .paste:
            // The end marker never came: what arrived is the paste.
            events.append(.paste(Self.pasteText(pasted)))
            pasted = []
            mode = .keys
        case .pasteEnding:
            finishPaste(into: &events)
        }
        return events
    }

    // MARK: - Keys

    private static let escape: UInt8 = 0x1B
    private static let pasteStart: [UInt8] = Array("\u{1B}[200~".utf8)
    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// Decodes whole events from the front of `pending`. With `final`, what is incomplete is
    /// decoded as far as it goes instead of waiting.
    private mutating func decodeKeys(into events: inout [KeyEvent], final: Bool) {
        var index = 0
        while index < pending.count {
            let result = decodeOne(at: index, final: final)
            guard let result else { break }  // Incomplete: wait for more bytes.
            index += result.length
            if let event = result.event { events.append(event) }
            if result.startsPaste {
                mode = .paste
                pasted = []
                searchFrom = 0
                let rest = Array(pending[index...])
                pending = []
                if !rest.isEmpty { events += feed(rest) }
                return
            }
        }
        pending.removeFirst(index)
    }

    private struct Decoded {
        var event: KeyEvent?
        var length: Int
        var startsPaste = false
    }

    /// One event at `pending[index]`, or nil when more bytes are needed to tell.
    private func decodeOne(at index: Int, final: Bool) -> Decoded? {
        let byte = pending[index]
        if byte == Self.escape { return decodeEscape(at: index, final: final) }
        if byte < 0x80 { return Decoded(event: Self.controlOrASCII(byte), length: 1) }
        guard let (character, length) = decodeUTF8(at: index) else {
            // Incomplete: wait, unless nothing more is coming (then the stray bytes go).
            if final { return Decoded(event: nil, length: pending.count - index) }
            return nil
        }
        return Decoded(event: character.map(KeyEvent.character), length: length)
    }

    private static func controlOrASCII(_ byte: UInt8) -> KeyEvent? {
        switch byte {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 1...26:
            // Ctrl-C included: in raw mode it is a key, and the app treats it as quit.
            return .control(Character(Unicode.Scalar(byte + 0x60)))
        case 0..<32: return nil
        default: return .character(Character(Unicode.Scalar(byte)))
        }
    }

    /// A UTF-8 character starting at `index`: (the character, or nil for an invalid sequence,
    /// its length), or nil when its bytes have not all arrived.
    private func decodeUTF8(at index: Int) -> (Character?, Int)? {
        let lead = pending[index]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)  // A continuation byte or an invalid lead: dropped.
        }
        var end = index + 1
        while end < index + length {
            guard end < pending.count else { return nil }
            guard pending[end] & 0xC0 == 0x80 else { return (nil, end - index) }
            end += 1
        }
        var decoder = UTF8()
        var iterator = pending[index..<end].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator),
              !DisplayWidth.isControl(scalar.value) else { return (nil, length) }
        return (Character(scalar), length)
    }

    private func decodeEscape(at index: Int, final: Bool) -> Decoded? {
        guard index + 1 < pending.count else {
            return final ? Decoded(event: .escape, length: 1) : nil
        }
        let next = pending[index + 1]
        switch next {
        case UInt8(ascii: "["):
            return decodeControlSequence(at: index, final: final)
        case UInt8(ascii: "O"):
            guard index + 2 < pending.count else {
                return final ? Decoded(event: .alt("O"), length: 2) : nil
            }
            return Decoded(event: Self.singleShift(pending[index + 2]), length: 3)
        case 0x20..<0x7F:
            return Decoded(event: .alt(Character(Unicode.Scalar(next))), length: 2)
        case 8, 127:
            return Decoded(event: .alt("\u{7F}"), length: 2)
        case 0xC2...0xF4:
            guard let (character, length) = decodeUTF8(at: index + 1) else {
                return final ? Decoded(event: .escape, length: 1) : nil
            }
            guard let character else { return Decoded(event: .escape, length: 1) }
            return Decoded(event: .alt(character), length: 1 + length)
        default:
            // Esc Esc, Esc Enter, Esc Ctrl-x: two keys pressed quickly.
            return Decoded(event: .escape, length: 1)
        }
    }

    /// Esc [ parameters intermediates final. A sequence that breaks off (a control byte inside)
    /// is dropped up to the byte that broke it.
    private func decodeControlSequence(at index: Int, final: Bool) -> Decoded? {
        // The Linux console's F1–F5: Esc [ [ A … E.
        if index + 2 < pending.count, pending[index + 2] == UInt8(ascii: "[") {
            guard index + 3 < pending.count else { return final ? Decoded(event: nil, length: 3) : nil }
            let body = "[" + String(UnicodeScalar(pending[index + 3]))
            return Decoded(event: Self.controlSequence(body), length: 4)
        }
        var end = index + 2
        while end < pending.count {
            let byte = pending[end]
            switch byte {
            case 0x20...0x3F:
                end += 1
                if end - index > 32 { return Decoded(event: nil, length: end - index) }
            case 0x40...0x7E:
                let body = String(decoding: pending[(index + 2)...end], as: UTF8.self)
                let length = end + 1 - index
                if body == "200~" { return Decoded(event: nil, length: length, startsPaste: true) }
                return Decoded(event: Self.controlSequence(body), length: length)
            default:
                return Decoded(event: end == index + 2 ? .alt("[") : nil, length: end - index)
            }
        }
        guard final else { return nil }
        return Decoded(event: end == index + 2 ? .alt("[") : nil, length: end - index)
    }

    /// The body of a CSI sequence (after `Esc [`) as a key; nil for what the app has no use for
    /// (a stray paste end among them).
    static func controlSequence(_ body: String) -> KeyEvent? {
        switch body {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H", "1~", "7~": return .home
        case "F", "4~", "8~": return .end
        case "2~": return nil  // Insert
        case "3~": return .delete
        case "5~": return .pageUp
        case "6~": return .pageDown
        case "Z": return .backTab
        case "1;5C", "5C": return .ctrlRight
        case "1;5D", "5D": return .ctrlLeft
        case "1;5H", "7^", "1;5~": return .ctrlHome
        case "1;5F", "8^", "4;5~": return .ctrlEnd
        case "11~", "[A": return .function(1)
        case "12~", "[B": return .function(2)
        case "13~", "[C": return .function(3)
        case "14~", "[D": return .function(4)
        case "15~", "[E": return .function(5)
        case "17~": return .function(6)
        case "18~": return .function(7)
        case "19~": return .function(8)
        case "20~": return .function(9)
        case "21~": return .function(10)
        case "23~": return .function(11)
        case "24~": return .function(12)
        default: break
        }
        // Other modifiers (Shift, Alt) on arrows and Home/End: the plain key.
        if body.hasPrefix("1;"), let final = body.last, body.count == 4 {
            return controlSequence(String(final))
        }
        return nil
    }

    /// Esc O final: the application-keypad forms.
    static func singleShift(_ byte: UInt8) -> KeyEvent? {
        switch byte {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "M"): return .enter
        case UInt8(ascii: "P")...UInt8(ascii: "S"): return .function(Int(byte - UInt8(ascii: "P")) + 1)
        case UInt8(ascii: "c"): return .ctrlRight  // rxvt
        case UInt8(ascii: "d"): return .ctrlLeft  // rxvt
        default: return nil
        }
    }

    // MARK: - Bracketed paste

    /// Looks for the end marker in what was pasted since the last look.
    private mutating func scanPaste(into events: inout [KeyEvent]) {
        guard let found = Self.find(Self.pasteEnd, in: pasted, from: searchFrom) else {
            // The marker may be cut in two by the read: look again from its possible start.
            searchFrom = max(0, pasted.count - Self.pasteEnd.count + 1)
            trimPaste()
            return
        }
        afterEnd = Array(pasted[(found + Self.pasteEnd.count)...])
        pasted.removeSubrange(found...)
        mode = .pasteEnding
        searchFrom = 0
        scanAfterEnd(into: &events)
    }

    /// After an end marker: another end marker before any new paste start means the first one
    /// was pasted text; a paste start means it was real. Neither: wait (see `timeout`).
    private mutating func scanAfterEnd(into events: inout [KeyEvent]) {
        let nextEnd = Self.find(Self.pasteEnd, in: afterEnd, from: 0)
        let nextStart = Self.find(Self.pasteStart, in: afterEnd, from: 0)
        if let nextEnd, nextStart.map({ nextEnd < $0 }) ?? true {
            // The marker seen was part of the text: it and what followed are pasted too.
            let resume = pasted.count + Self.pasteEnd.count
            pasted += Self.pasteEnd
            pasted += afterEnd
            afterEnd = []
            mode = .paste
            searchFrom = resume
            scanPaste(into: &events)
            return
        }
        if nextStart != nil {
            finishPaste(into: &events)
        }
    }

    /// The paste is over: its text is one event, and the bytes after it are keys again.
    private mutating func finishPaste(into events: inout [KeyEvent]) {
        events.append(.paste(Self.pasteText(pasted)))
        pasted = []
        mode = .keys
        let rest = afterEnd
        afterEnd = []
        if !rest.isEmpty { events += feed(rest) }
    }

    /// Keeps a paste within the limit; the bytes beyond it are dropped but the end marker is
    /// still looked for in what comes.
    private mutating func trimPaste() {
        guard pasted.count > Self.pasteLimitBytes + Self.pasteEnd.count else { return }
        let keep = pasted.count - Self.pasteEnd.count
        pasted.removeSubrange(Self.pasteLimitBytes..<keep)
        searchFrom = min(searchFrom, pasted.count)
    }

    /// Pasted bytes as text: line ends become "\n" (terminals send CR), a tab stays, other
    /// control characters (Esc among them) are dropped, so a paste can never be read as keys.
    static func pasteText(_ bytes: [UInt8]) -> String {
        var text = ""
        text.reserveCapacity(bytes.count)
        var previousWasCarriageReturn = false
        for scalar in String(decoding: bytes.prefix(pasteLimitBytes), as: UTF8.self).unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar.value {
            case 10 where previousWasCarriageReturn: continue
            case 10, 13: text.unicodeScalars.append("\n")
            case 9: text.unicodeScalars.append("\t")
            case _ where DisplayWidth.isControl(scalar.value): continue
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// The first place `needle` starts in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = max(0, from)
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count && haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}
