import PlanKit

/// The keys of a list to choose from (rating, status, which text).
enum PickerKeys {
    static let table = KeyTable([
        Binding([.up, .character("k"), .down, .character("j")], hint: Hint("↑↓", "Välj")) { key, state in
            guard case .picker(var picker)? = state.modal else { return [] }
            picker.index = key == .up || key == .character("k") ? max(0, picker.index - 1)
                : min(picker.options.count - 1, picker.index + 1)
            state.modal = .picker(picker)
            return []
        },
        Binding([.enter], hint: Hint("Enter", "OK")) { _, state in
            guard case .picker(let picker)? = state.modal else { return [] }
            state.modal = nil
            return Update.choose(picker, &state)
        },
        Binding([.escape, .character("q")], hint: Hint("Esc", "Avbryt")) { _, state in state.modal = nil; return [] },
    ])
}
