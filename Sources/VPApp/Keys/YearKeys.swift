import PlanKit

/// The keys of the year's j/n questions (hand in, let an item go): j or n, as they ask; Esc
/// is no. Other keys leave the question open.
enum YearConfirmKeys {
    static let table = KeyTable([
        Binding([.character("j"), .character("J")], hint: Hint("j", "Ja")) { _, state in
            guard case .year(let modal)? = state.modal else { return [] }
            return Update.confirm(modal, &state)
        },
        Binding([.character("n"), .character("N"), .escape], hint: Hint("n", "Nej")) { _, state in
            if case .year(.confirmHandIn)? = state.modal { state.status = StatusMessage(Strings.App.handInCancelled) } else { state.status = nil }
            state.modal = nil
            return []
        },
    ])
}

/// The keys of the year's lists in a box: the gaps that stop a hand-in, the nämndmål to place under.
enum YearListKeys {
    static let table = KeyTable([
        Binding([.up, .character("k"), .down, .character("j")], hint: Hint("↑↓", "Välj")) { key, state in
            edit(&state) { list in
                list.index = key == .up || key == .character("k") ? max(0, list.index - 1) : min(list.lines.count - 1, list.index + 1)
            }
        },
        Binding([.pageUp, .pageDown]) { key, state in
            edit(&state) { list in
                list.index = key == .pageUp ? max(0, list.index - 10) : min(list.lines.count - 1, list.index + 10)
            }
        },
        Binding([.home, .end]) { key, state in
            edit(&state) { list in list.index = key == .home ? 0 : max(0, list.lines.count - 1) }
        },
        Binding([.enter], hint: Hint("Enter", "OK")) { _, state in
            guard case .year(.list(let list))? = state.modal else { return [] }
            return Update.choose(list, &state)
        },
        Binding([.escape, .character("q")], hint: Hint("Esc", "Stäng")) { _, state in state.modal = nil; return [] },
    ])

    private static func edit(_ state: inout AppState, _ change: (inout YearList) -> Void) -> [Effect] {
        guard case .year(.list(var list))? = state.modal else { return [] }
        change(&list)
        state.modal = .year(.list(list))
        return []
    }
}

/// The keys of the page that lists what starting the year carried over.
enum CarryOverKeys {
    static let table = KeyTable([
        // The arrows, which need no hint, give way first on a narrow line: Enter and Delete stay.
        Binding([.up, .character("k"), .down, .character("j")], hint: Hint("↑↓", "Flytta", place: 0, givesWay: 0)) { key, state in
            Update.moveInCarryOver(by: key == .up || key == .character("k") ? -1 : 1, &state); return []
        },
        Binding([.enter], hint: Hint("Enter", "Placera/visa"), when: CarryOverRules.act) { _, state in Update.actOnCarryOver(&state) },
        Binding([.delete, .character("x")], hint: Hint("Delete", "Släpp"), changesReport: true, when: CarryOverRules.drop) { _, state in
            Update.askDropCarried(&state); return []
        },
        Binding([.escape, .character("q"), .character("F")], hint: Hint("Esc", "Till planen")) { _, state in
            state.page = .plan
            state.status = nil
            return []
        },
        Binding([.character("?")], hint: Hint("?", "Hjälp")) { _, state in Update.openHelp(&state); return [] },
    ])
}

extension YearModal {
    /// The key table of the modal, for dispatch and the hint line.
    var keys: KeyTable {
        switch self {
        case .confirmHandIn, .confirmDrop: return YearConfirmKeys.table
        case .list: return YearListKeys.table
        }
    }
}
