import PlanKit

/// The keys of the question what to do with an earlier draft of the field being opened.
enum DraftKeys {
    static let table = KeyTable([
        Binding([.character("u"), .character("U")], hint: Hint("u", "Använd utkastet")) { _, state in
            guard case .draftFound(let offer)? = state.modal else { return [] }
            var session = offer.session
            session.editor = TextEditor(text: offer.draft.text)
            session.editor.moveCursorToEnd()
            session.baseRevision = offer.draft.baseRevision
            state.modal = .editor(session)
            return []
        },
        Binding([.character("s"), .character("S")], hint: Hint("s", "Behåll sparad text")) { _, state in
            guard case .draftFound(let offer)? = state.modal else { return [] }
            state.modal = .editor(offer.session)
            return [.discardDraft(offer.session.field)]
        },
        Binding([.escape, .control("c")], hint: Hint("Esc", "Avbryt")) { _, state in state.modal = nil; return [] },
    ])
}
