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
    case function(Int)
    /// Text pasted while bracketed paste is on; arrives whole, never as separate keys.
    case paste(String)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
}
