import PlanKit

/// The keys of the question whether to delete an own goal or activity. Any other key keeps it.
enum DeleteKeys {
    static let table = KeyTable([
        Binding([.character("j"), .character("J"), .character("y")]) { _, state in
            guard case .confirmDelete(let item)? = state.modal else { return [] }
            state.modal = nil
            return [.deleteItem(item)]
        },
    ])
}
