import PlanKit

/// The keys of the help page.
enum HelpKeys {
    static let table = KeyTable([
        Binding([.up, .character("k"), .down, .character("j")], hint: Hint("↑↓", "Bläddra")) { key, state in
            state.helpScroll = View.clampedHelpScroll(state, to: state.helpScroll + (key == .up || key == .character("k") ? -1 : 1))
            return []
        },
        Binding([.pageUp]) { _, state in state.helpScroll = View.clampedHelpScroll(state, to: state.helpScroll - (state.height - 4)); return [] },
        Binding([.pageDown, .character(" ")]) { _, state in
            state.helpScroll = View.clampedHelpScroll(state, to: state.helpScroll + state.height - 4); return []
        },
        Binding([.home]) { _, state in state.helpScroll = 0; return [] },
        Binding([.end]) { _, state in state.helpScroll = View.clampedHelpScroll(state, to: Int.max / 2); return [] },
        Binding([.escape, .character("?"), .enter], hint: Hint("Esc", "Tillbaka")) { _, state in
            state.page = state.pageBeforeHelp; return []
        },
        Binding([.character("q"), .control("c")], hint: Hint("q", "Avsluta")) { _, _ in [.quit] },
    ])
}
