import PlanKit

/// The keys of a list to choose from (rating, status, which text).
enum PickerKeys {
    private typealias Words = Strings.PickerHelp

    static let table = KeyTable([
        Binding([.up, .character("k"), .down, .character("j")], .picker, Words.move, hint: Hint("↑↓", "Välj")) { key, state in
            move(&state) { picker in
                key == .up || key == .character("k") ? max(0, picker.index - 1) : min(picker.options.count - 1, picker.index + 1)
            }
        },
        Binding([.home, .end], .picker, Words.firstOrLast) { key, state in
            move(&state) { picker in key == .home ? 0 : picker.options.count - 1 }
        },
        Binding([.enter], .picker, Words.take, hint: Hint("Enter", "OK")) { _, state in
            guard case .picker(let picker)? = state.modal else { return [] }
            state.modal = nil
            return Update.choose(picker, &state)
        },
        Binding([.escape, .character("q")], .picker, Words.cancel, hint: Hint("Esc", "Avbryt")) { _, state in state.modal = nil; return [] },
    ])

    private static func move(_ state: inout AppState, to index: (Picker) -> Int) -> [Effect] {
        guard case .picker(var picker)? = state.modal, !picker.options.isEmpty else { return [] }
        picker.index = index(picker)
        state.modal = .picker(picker)
        return []
    }
}
