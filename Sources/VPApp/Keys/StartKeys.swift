import PlanKit

/// The keys of the question whether to start a period chosen in the chooser: j or n, as it asks;
/// other keys leave the question open.
enum StartKeys {
    static let table = KeyTable([
        Binding([.character("j"), .character("J")], hint: Hint("j", Strings.Chooser.confirmYes)) { _, state in
            guard case .confirmStart(let request)? = state.modal else { return [] }
            state.modal = nil
            state.status = nil
            return [.startPeriod(request)]
        },
        Binding([.character("n"), .character("N"), .escape], hint: Hint("n", Strings.Chooser.confirmNo)) { _, state in
            state.modal = nil
            state.status = nil
            return []
        },
    ])
}
