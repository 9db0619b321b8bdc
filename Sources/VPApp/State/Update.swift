import Foundation
import PlanKit

/// How the state answers a key: pure, no terminal and no database. What must happen outside
/// is returned as effects. Which key does what is in the key tables (Keys/), one per page and
/// modal; the actions they call are in the extensions of this type.
public enum Update {
    public static func handle(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        if case .resize(let width, let height) = key {
            state.width = width
            state.height = height
            keepSelectionVisible(&state)
            state.chooser.scrollToSelection(visible: chooserVisibleRows(state))
            state.rollup?.relayout(width: width)
            return []
        }
        // No copy of an open editor is bound here: the key edits the one in the state.
        if case .editor? = state.modal { return handleEditorKey(key, &state) }
        if let modal = state.modal {
            return handleModal(key, modal, &state)
        }
        switch state.page {
        case .chooser: return chooserKey(key, &state)
        case .board: return BoardKeys.table.dispatch(key, &state) ?? []
        case .rollup: return RollupKeys.table.dispatch(key, &state) ?? []
        case .help: return HelpKeys.table.dispatch(key, &state) ?? []
        case .overview: return OverviewKeys.table.dispatch(key, &state) ?? []
        case .plan: return PlanKeys.table.dispatch(key, &state) ?? []
        case .carryOver: return CarryOverKeys.table.dispatch(key, &state) ?? []
        case .detail:
            if let effects = DetailKeys.table.dispatch(key, &state) { return effects }
            // Every other key works as on the plan page, on the item shown.
            state.page = .plan
            return PlanKeys.table.dispatch(key, &state) ?? []
        }
    }

    private static func handleModal(_ key: KeyEvent, _ modal: Modal, _ state: inout AppState) -> [Effect] {
        switch modal {
        case .editor:
            return handleEditorKey(key, &state)
        case .draftFound: return DraftKeys.table.dispatch(key, &state) ?? []
        case .conflict: return ConflictKeys.table.dispatch(key, &state) ?? []
        case .picker: return PickerKeys.table.dispatch(key, &state) ?? []
        case .prompt: return PromptKeys.table.dispatch(key, &state) ?? []
        case .confirmDelete: return DeleteKeys.table.dispatch(key, &state) ?? []
        case .year(let year): return year.keys.dispatch(key, &state) ?? []
        case .confirmStart: return StartKeys.table.dispatch(key, &state) ?? []
        }
    }

    /// A key in the open editor. The session is taken out of the state while the key changes
    /// it, so that its text has one owner and is changed in place: a copy left in the state
    /// would make every key copy the whole text.
    private static func handleEditorKey(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        if let effects = EditorKeys.table.dispatch(key, &state) { return effects }
        guard case .editor(var session)? = state.modal else { return [] }
        state.modal = nil
        let area = Layout(state).body
        let action = session.editor.handle(key, width: max(1, area.width - 2), height: max(1, area.height - 2))
        // The view is drawn from a copy: the one kept here moves with the cursor, as drawn.
        session.editor.scrollToCursor(width: area.width - 2, height: area.height - 2)
        state.modal = .editor(session)
        switch action {
        case .none: return []
        // The editor stays open until the store has the text: a failed save loses nothing.
        case .save: return [.saveEditor(session)]
        case .openExternalEditor: return [.runExternalEditor(session.editor.text)]
        }
    }

    /// The key table of what is on the screen, for the hint line.
    static func keyTable(_ state: AppState) -> KeyTable? {
        switch state.modal {
        case .editor?: return EditorKeys.table
        case .draftFound?: return DraftKeys.table
        case .conflict?: return ConflictKeys.table
        case .picker?: return PickerKeys.table
        case .prompt?: return PromptKeys.table
        case .confirmDelete?: return DeleteKeys.table
        case .year(let year)?: return year.keys
        case .confirmStart?: return StartKeys.table
        case nil: break
        }
        switch state.page {
        case .chooser: return state.chooser.notice == nil ? ChooserKeys.table : ChooserNoticeKeys.table
        case .board: return BoardKeys.table
        case .rollup: return RollupKeys.table
        case .help: return HelpKeys.table
        case .overview: return OverviewKeys.table
        case .plan, .detail: return PlanKeys.table
        case .carryOver: return CarryOverKeys.table
        }
    }

    static func toggleCompact(_ state: inout AppState) {
        state.compact.toggle()
        state.status = StatusMessage(state.compact ? Strings.App.compactOn : Strings.App.compactOff)
        keepSelectionVisible(&state)
    }

    static func openHelp(_ state: inout AppState) {
        state.pageBeforeHelp = state.page
        state.helpScroll = 0
        state.page = .help
    }

    /// The overview opens on the area of the selected line.
    static func openOverview(_ state: inout AppState) {
        state.page = .overview
        let areas = overviewAreas(state)
        guard let plan = state.plan, let selection = state.selection else { return }
        let root: OutlineTarget? = switch selection {
        case .item: Outline.ancestors(of: selection, in: plan, period: state.period).last ?? selection
        case .section: areas.first?.target
        }
        state.overviewIndex = areas.firstIndex { $0.target == root } ?? 0
    }

    static func overviewAreas(_ state: AppState) -> [Overview.Area] {
        guard let plan = state.plan else { return [] }
        return Overview.summary(plan: plan, period: state.period, gaps: state.gaps).areas
    }
}
