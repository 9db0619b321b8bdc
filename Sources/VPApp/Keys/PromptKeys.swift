import PlanKit

/// The keys of a one-line question in the status line (search, outcome, a path).
enum PromptKeys {
    static let table = KeyTable([
        Binding([.enter], hint: Hint("Enter", "OK")) { _, state in
            guard case .prompt(let prompt)? = state.modal else { return [] }
            state.modal = nil
            return Update.submit(prompt, &state)
        },
        Binding([.escape], hint: Hint("Esc", "Avbryt")) { _, state in
            state.modal = nil
            state.status = nil
            return []
        },
        Binding([.backspace]) { _, state in
            edit(&state) { if !$0.isEmpty { $0.removeLast() } }
        },
        Binding([.control("u")]) { _, state in edit(&state) { $0 = "" } },
        Binding([], anyCharacter: true) { key, state in
            guard case .character(let character) = key else { return [] }
            if state.status?.isError == true { state.status = nil }
            return edit(&state) { $0.append(character) }
        },
        Binding([], anyPaste: true) { key, state in
            guard case .paste(let text) = key else { return [] }
            // One line: line breaks and control characters of the pasted text are left out.
            return edit(&state) { $0 += text.filter { !$0.isNewline && !($0.asciiValue.map { $0 < 32 } ?? false) } }
        },
    ])

    private static func edit(_ state: inout AppState, _ change: (inout String) -> Void) -> [Effect] {
        guard case .prompt(var prompt)? = state.modal else { return [] }
        change(&prompt.text)
        state.modal = .prompt(prompt)
        return []
    }
}
