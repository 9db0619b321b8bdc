import PlanKit

/// The keys of the question whether to delete an own goal or activity: j or n, as it asks;
/// other keys leave the question open.
enum DeleteKeys {
    static let table = KeyTable([
        Binding([.character("j"), .character("J")], hint: Hint("j", "Ta bort")) { _, state in
            guard case .confirmDelete(let item)? = state.modal else { return [] }
            state.modal = nil
            state.status = nil
            return [.deleteItem(item)]
        },
        Binding([.character("n"), .character("N"), .escape], hint: Hint("n", "Behåll")) { _, state in
            state.modal = nil
            state.status = nil
            return []
        },
    ])
}
