/// A key press or other input, as the app sees it, whatever terminal it came from.
public enum KeyEvent: Hashable, Sendable {
    /// A printable character (å, ä, ö and wide characters included).
    case character(Character)
    /// Ctrl and a letter, lower-case: `.control("s")` is Ctrl-S.
    case control(Character)
    /// Alt (Meta) and a character, sent by terminals as Esc followed by the character.
    case alt(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right
    case home, end, pageUp, pageDown
    case ctrlLeft, ctrlRight
    /// Ctrl-Home and Ctrl-End: to the start and the end of the whole text or list.
    case ctrlHome, ctrlEnd
    case function(Int)
    /// Text pasted while bracketed paste is on; arrives whole, never as separate keys.
    case paste(String)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
}

extension KeyEvent {
    /// The keys an Alt chord was typed as: Esc, then the key. A terminal sends Alt+x as Esc x, so
    /// Esc typed quickly before x (or arriving with it over a slow link) looks the same; where
    /// nothing binds the chord, the two keys are what the person meant.
    public var asEscapeThenKey: [KeyEvent] {
        guard case .alt(let character) = self else { return [self] }
        switch character {
        case "\u{7F}", "\u{08}": return [.escape, .backspace]
        case "\t": return [.escape, .tab]
        case "\r", "\n": return [.escape, .enter]
        default: return [.escape, .character(character)]
        }
    }
}
