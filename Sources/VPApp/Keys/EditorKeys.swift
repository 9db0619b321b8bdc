import PlanKit

/// The keys of the text editor. The editor handles its own keys (bindings without an action are
/// listed for the help and the hints); Ctrl-C leaves the app, the text kept as a draft first.
enum EditorKeys {
    static let table = KeyTable([
        Binding([.escape, .control("s")], .editor, "Spara och stäng", hint: Hint("Esc/Ctrl-S", "Spara och stäng"), action: nil),
        Binding([.control("e")], .editor, "Redigera i extern editor ($VISUAL eller $EDITOR)",
                hint: Hint("Ctrl-E", "Extern editor"), action: nil),
        Binding([.control("z")], .editor, "Ångra i texten", hint: Hint("Ctrl-Z", "Ångra"), action: nil),
        Binding([.control("y")], .editor, "Gör om i texten", hint: Hint("Ctrl-Y", "Gör om"), action: nil),
        Binding([.ctrlLeft, .ctrlRight], .editor, "Ett ord åt vänster eller höger", action: nil),
        Binding([.ctrlHome, .ctrlEnd], .editor, "Till början eller slutet av texten", action: nil),
        Binding([.control("w")], .editor, "Radera ordet före markören", action: nil),
        Binding([.control("c")]) { _, _ in [.quit] },
    ])
}
