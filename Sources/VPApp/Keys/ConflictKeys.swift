import PlanKit

/// The keys of the choice between one's own text and the one someone else saved meanwhile.
enum ConflictKeys {
    static let table = KeyTable([
        Binding([.character("m"), .character("M")], hint: Hint("m", "Behåll min")) { _, state in
            guard case .conflict(let conflict)? = state.modal else { return [] }
            var session = conflict.session
            session.baseRevision = conflict.theirRevision
            state.modal = .editor(session)
            return [.saveEditor(session)]
        },
        Binding([.character("d"), .character("D")], hint: Hint("d", "Ta deras")) { _, state in
            guard case .conflict(let conflict)? = state.modal else { return [] }
            state.modal = nil
            return [.discardDraft(conflict.session.field)]
        },
        Binding([.character("s"), .character("S")], hint: Hint("s", "Slå ihop")) { _, state in
            guard case .conflict(let conflict)? = state.modal else { return [] }
            var session = conflict.session
            let merged = Strings.App.mergedText(mine: session.editor.text, theirs: conflict.theirText, by: conflict.changedBy)
            session.editor = TextEditor(text: merged)
            session.baseRevision = conflict.theirRevision
            state.modal = .editor(session)
            return []
        },
        Binding([.escape], hint: Hint("Esc", "Tillbaka")) { _, state in
            guard case .conflict(let conflict)? = state.modal else { return [] }
            state.modal = .editor(conflict.session)
            return []
        },
        Binding([.control("c")]) { _, state in
            guard case .conflict(let conflict)? = state.modal else { return [] }
            state.modal = .editor(conflict.session)
            return [.quit]
        },
    ])
}
