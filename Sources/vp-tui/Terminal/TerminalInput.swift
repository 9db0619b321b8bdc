import CNcurses
import Foundation
import VPApp

/// One unit from `get_wch`: a character (code point) or an ncurses key code.
enum RawInput: Equatable {
    case character(UInt32)
    case key(Int32)
}

extension Terminal {
    /// Pastes larger than this are cut (the rest is read and dropped, so it never turns
    /// into keystrokes).
    static let pasteLimitBytes = 10_000_000
    /// How long a paste may stall between two pieces before we give up on its end marker.
    static let pasteStallMilliseconds: Int32 = 1_000
    static let pasteMaximumStalls = 5

    /// Waits up to `timeoutMilliseconds` (negative: forever, 0: just polls) for one key.
    /// Returns nil on timeout, on a signal (see `pendingSignal`) and for input that means
    /// nothing to the app (unknown escape sequences).
    func readKey(timeoutMilliseconds: Int32) -> KeyEvent? {
        guard started, !suspended, pendingSignal == nil else { return nil }
        let startTime = ContinuousClock.now
        guard let input = nextInput(timeoutMilliseconds: timeoutMilliseconds) else {
            noticeQuickFailure(since: startTime, timeoutMilliseconds: timeoutMilliseconds)
            return nil
        }
        quickFailures = 0
        switch input {
        case .key(let code):
            return keyEvent(forKeyCode: code)
        case .character(0x1B):
            return readAfterEscape()
        case .character(let value):
            return keyEvent(forCharacter: value)
        }
    }

    // MARK: - Reading

    func nextInput(timeoutMilliseconds: Int32) -> RawInput? {
        if !pushedBack.isEmpty { return pushedBack.removeFirst() }
        wtimeout(vp_stdscr(), timeoutMilliseconds)
        var value: Int32 = 0
        switch vp_get_wch(&value) {
        case Int32(VP_KEY_CODE_YES): return .key(value)
        case Int32(VP_OK): return .character(UInt32(bitPattern: value))
        default: return nil
        }
    }

    /// get_wch fails at once, again and again, when the terminal is gone without a SIGHUP
    /// (stdin at EOF or EIO). Without this the app loop would spin at full CPU.
    private func noticeQuickFailure(since startTime: ContinuousClock.Instant, timeoutMilliseconds: Int32) {
        guard timeoutMilliseconds < 0 || timeoutMilliseconds >= 50 else { return }
        let elapsed = ContinuousClock.now - startTime
        let expected = Duration.milliseconds(timeoutMilliseconds < 0 ? 1_000 : Int64(timeoutMilliseconds))
        if elapsed < expected / 10 {
            quickFailures += 1
            if quickFailures >= 20 { inputClosed = true }
        } else {
            quickFailures = 0
        }
    }

    // MARK: - Mapping

    func keyEvent(forKeyCode code: Int32) -> KeyEvent? {
        switch Int(code) {
        case VP_KEY_RESIZE:
            // ncurses has already resized stdscr; the old diff base is meaningless now.
            previousScreen = nil
            let (width, height) = size()
            return .resize(width: width, height: height)
        case VP_KEY_UP: return .up
        case VP_KEY_DOWN: return .down
        case VP_KEY_LEFT: return .left
        case VP_KEY_RIGHT: return .right
        case VP_KEY_HOME, VP_KEY_BEG, VP_KEY_FIND: return .home
        case VP_KEY_END, VP_KEY_SELECT: return .end
        case VP_KEY_PPAGE: return .pageUp
        case VP_KEY_NPAGE: return .pageDown
        case VP_KEY_DC: return .delete
        case VP_KEY_BACKSPACE: return .backspace
        case VP_KEY_ENTER: return .enter
        case VP_KEY_BTAB: return .backTab
        case Int(vp_key_f(1))...Int(vp_key_f(12)):
            return .function(Int(code) - VP_KEY_F0)
        default:
            break
        }
        // Keys from terminfo's extended capabilities (xterm's modified arrows and the like)
        // get codes above KEY_MAX that differ between terminals; only the name is stable.
        guard code > Int32(VP_KEY_MAX), let name = keyname(code).map({ String(cString: $0) }) else { return nil }
        switch name {
        case "kRIT5": return .ctrlRight
        case "kLFT5": return .ctrlLeft
        case "PS": return readPaste()
        default: return nil
        }
    }

    func keyEvent(forCharacter value: UInt32) -> KeyEvent? {
        switch value {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 1...26:
            // Ctrl-C included: raw mode delivers it as a key, and the app treats it as quit.
            return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0..<32, 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// After an Esc: nothing within the escape delay is Esc itself, a printable character is
    /// Alt+character, and CSI/SS3 sequences that ncurses did not know are decoded here.
    private func readAfterEscape() -> KeyEvent? {
        guard let next = nextInput(timeoutMilliseconds: Self.escapeDelayMilliseconds) else { return .escape }
        switch next {
        case .character(0x5B):  // "["
            return readControlSequence()
        case .character(0x4F):  // "O"
            return readSingleShift()
        case .character(let value) where value >= 0x20 && value != 0x7F && !(0x80..<0xA0).contains(value):
            guard let scalar = Unicode.Scalar(value) else { return .escape }
            return .alt(Character(scalar))
        default:
            // Esc Esc, Esc + control or Esc + key code: two keys pressed quickly.
            pushedBack.insert(next, at: 0)
            return .escape
        }
    }

    /// Esc [ parameters final-byte.
    private func readControlSequence() -> KeyEvent? {
        var body = ""
        while body.count < 32 {
            guard let input = nextInput(timeoutMilliseconds: Self.escapeDelayMilliseconds) else {
                return body.isEmpty ? .alt("[") : nil
            }
            guard case .character(let value) = input, (0x20...0x7E).contains(value),
                  let scalar = Unicode.Scalar(value) else {
                pushedBack.insert(input, at: 0)
                return body.isEmpty ? .alt("[") : nil
            }
            body.unicodeScalars.append(scalar)
            if (0x40...0x7E).contains(value) { break }  // The final byte.
        }
        switch body {
        case "200~": return readPaste()
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H", "1~", "7~": return .home
        case "F", "4~", "8~": return .end
        case "3~": return .delete
        case "5~": return .pageUp
        case "6~": return .pageDown
        case "Z": return .backTab
        case "1;5C", "5C": return .ctrlRight
        case "1;5D", "5D": return .ctrlLeft
        case "11~": return .function(1)
        case "12~": return .function(2)
        case "13~": return .function(3)
        case "14~": return .function(4)
        case "15~": return .function(5)
        case "17~": return .function(6)
        case "18~": return .function(7)
        case "19~": return .function(8)
        case "20~": return .function(9)
        case "21~": return .function(10)
        case "23~": return .function(11)
        case "24~": return .function(12)
        default: return nil  // Includes a stray paste end "201~".
        }
    }

    /// Esc O final: the application-keypad forms.
    private func readSingleShift() -> KeyEvent? {
        guard let input = nextInput(timeoutMilliseconds: Self.escapeDelayMilliseconds) else { return .alt("O") }
        guard case .character(let value) = input else {
            pushedBack.insert(input, at: 0)
            return .alt("O")
        }
        switch value {
        case 0x41: return .up  // A
        case 0x42: return .down  // B
        case 0x43: return .right  // C
        case 0x44: return .left  // D
        case 0x48: return .home  // H
        case 0x46: return .end  // F
        case 0x4D: return .enter  // M
        case 0x50...0x53: return .function(Int(value) - 0x50 + 1)  // P Q R S: F1-F4
        case 0x63: return .ctrlRight  // c (rxvt)
        case 0x64: return .ctrlLeft  // d (rxvt)
        default: return nil
        }
    }

    // MARK: - Bracketed paste

    /// Collects everything up to Esc [ 2 0 1 ~ into one event, however many reads it takes.
    /// Line ends become "\n" (terminals send CR); other control characters are dropped so
    /// a paste can never smuggle escape sequences or commands into the app.
    func readPaste() -> KeyEvent? {
        var text = ""
        var byteCount = 0
        var stalls = 0
        var previousWasCarriageReturn = false
        var deferred: [RawInput] = []
        let endMarker: [UInt32] = [0x5B, 0x32, 0x30, 0x31, 0x7E]  // "[201~"

        func append(_ value: UInt32) {
            defer { previousWasCarriageReturn = value == 13 }
            if value == 10 && previousWasCarriageReturn { return }
            let scalar: Unicode.Scalar
            switch value {
            case 10, 13: scalar = "\n"
            case 9: scalar = "\t"
            case 0..<32, 127, 0x80..<0xA0: return
            default:
                guard let decoded = Unicode.Scalar(value) else { return }
                scalar = decoded
            }
            let length = UTF8.width(scalar)
            guard byteCount + length <= Self.pasteLimitBytes else { return }
            byteCount += length
            text.unicodeScalars.append(scalar)
        }

        reading: while stalls < Self.pasteMaximumStalls {
            guard let input = nextInput(timeoutMilliseconds: Self.pasteStallMilliseconds) else {
                stalls += 1
                continue
            }
            stalls = 0
            switch input {
            case .character(0x1B):
                var matched = 0
                while matched < endMarker.count {
                    guard let next = nextInput(timeoutMilliseconds: Self.pasteStallMilliseconds) else { break }
                    if next == .character(endMarker[matched]) {
                        matched += 1
                    } else {
                        pushedBack.insert(next, at: 0)
                        break
                    }
                }
                if matched == endMarker.count { break reading }
                // Not the end: a lone Esc in the pasted text (dropped) and what followed it.
                for value in endMarker.prefix(matched) { append(value) }
            case .character(let value):
                append(value)
            case .key(let code):
                switch Int(code) {
                case VP_KEY_ENTER: append(10)
                case VP_KEY_RESIZE: deferred.append(input)
                default:
                    if code > Int32(VP_KEY_MAX), let name = keyname(code), String(cString: name) == "PE" {
                        break reading
                    }
                    // Otherwise ncurses took a piece of the paste for a key; it has no text.
                }
            }
        }
        // A resize during the paste still has to reach the app, after the paste.
        pushedBack.append(contentsOf: deferred)
        return .paste(text)
    }
}
