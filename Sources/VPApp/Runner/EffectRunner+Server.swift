import Foundation
import PlanKit

/// The effects that change a plan kept on a server (PostgreSQL): single fields, undo and redo
/// are saved there (`PlanServer`), and the store, its copy, is brought to the server's state
/// before the plan is read back, so that the screen and the revisions are the server's. What
/// the server does not take yet is refused in words rather than changed in the copy alone.
/// Drafts are kept on the server and on this computer (`ServerDrafts`).
extension EffectRunner {
    /// The messages of an effect on a server; nil: the effect runs on the store as on a file
    /// (it only reads, or writes nothing of the plan).
    func runOnServer(_ effect: Effect, _ state: AppState, _ server: any PlanServer) throws -> [Message]? {
        do {
            return try runChangeOnServer(effect, state, server)
        } catch {
            // Said shortly, as the person will try again: not the message of a server that
            // cannot be reached at start, with its advice about the address.
            throw server.isLost ? ServerLost() : error
        }
    }

    private func runChangeOnServer(_ effect: Effect, _ state: AppState, _ server: any PlanServer) throws -> [Message]? {
        switch effect {
        case .set(let field, let value, let revision, let message):
            let ref = try ref(state)
            try server.change(ref) { try $0.set(field, to: value, in: ref, expectedRevision: revision) }
            return [try changed(field, state, focusing: false, status: message ?? Strings.App.saved)]
        case .undo:
            let ref = try ref(state)
            let field = try server.change(ref) { try $0.undo(in: ref) }
            return [try changed(field, state, focusing: true, status: undoneOrRedone(field, state, undone: true))]
        case .redo:
            let ref = try ref(state)
            let field = try server.change(ref) { try $0.redo(in: ref) }
            return [try changed(field, state, focusing: true, status: undoneOrRedone(field, state, undone: false))]
        case .saveEditor(let session):
            return try saveEditorOnServer(session, state, server)
        case .addUnitGoal(let boardGoal, let title):
            let ref = try ref(state)
            let id = try server.change(ref) { try $0.addUnitGoal(title: title, under: boardGoal, in: ref) }
            return [.added(itemID: id, try readPlan(state))]
        case .addActivity(let unitGoal, let title):
            let ref = try ref(state)
            let id = try server.change(ref) { try $0.addActivity(title: title, under: unitGoal, in: ref) }
            return [.added(itemID: id, try readPlan(state))]
        case .deleteItem(let id):
            let ref = try ref(state)
            let parent = state.plan?.items[id]?.parentID
            try server.change(ref) { try $0.deleteItem(id, in: ref) }
            return [.deleted(parent: parent.map(OutlineTarget.item), try readPlan(state))]
        case .startPeriod(let request):
            return try start(request, state)
        case .planning(let planning):
            return try runOnServer(planning, state, server)
        case .year(let year):
            return try runOnServer(year, state, server)
        case .checkForChanges:
            return checkForChanges(state) + serverNews(state, server)
        default:
            return nil
        }
    }

    private func runOnServer(_ effect: YearEffect, _ state: AppState, _ server: any PlanServer) throws -> [Message]? {
        switch effect {
        case .load:
            return nil
        case .handIn(let period):
            let ref = try ref(state)
            return [.year(.handedIn(try server.change(ref) { try $0.submit(ref, period: period) }))]
        case .place, .drop:
            return try runYear(effect, state)
        case .copyAnalysis(let item, let period, let from):
            let ref = try ref(state)
            guard let plan = state.plan, let previous = plan.previousFollowUp(item, before: period),
                  !previous.value.analysis.isEmpty else { throw YearError.nothingToCopy(period) }
            let field = FieldRef.analysis(item: item, period: period)
            try server.change(ref) { try $0.set(field, to: .text(previous.value.analysis), in: ref, expectedRevision: nil) }
            return [.changed(field, try store.refreshing(plan, after: field), reloaded: false, focusing: false,
                             status: Strings.App.copiedAnalysis(from: from))]
        }
    }

    /// Saves the editor's text on the server. Refused as stale: both texts are shown, as on a
    /// file. The server lost: the editor stays open, its text is kept as a draft on this
    /// computer, and the save is made again when the server answers.
    private func saveEditorOnServer(_ session: EditorSession, _ state: AppState, _ server: any PlanServer) throws -> [Message] {
        let ref = try ref(state)
        do {
            try server.change(ref) {
                try $0.set(session.field, to: .text(session.editor.text), in: ref, expectedRevision: session.baseRevision)
            }
        } catch PlanError.staleRevision {
            saveAwaitsServer = false
            _ = saveDraft(session, state)
            return try conflict(session, state)
        } catch {
            _ = saveDraft(session, state)
            guard server.isLost else { throw error }
            saveAwaitsServer = true
            return [.failed(Strings.PostgresSaving.notSavedWhileLost)]
        }
        saveAwaitsServer = false
        try? drafts?.discardDraft(for: session.field, in: ref)
        return try editorSaved(session, state)
    }

    /// Others' changes the server announced, now in the store; the connection lost or back.
    /// When it is back, an editor's save that the loss stopped is made now.
    private func serverNews(_ state: AppState, _ server: any PlanServer) -> [Message] {
        var messages: [Message] = []
        if server.takeOthersChanged(), let ref = state.plan?.ref, let plan = try? store.loadPlan(ref) {
            messages.append(.othersChanged(plan))
        }
        if server.takeOtherSessionsChanged() { messages += otherSessions(state) }
        messages += chooserNews(state, server)
        switch server.takeConnectionNews() {
        case .lost?:
            messages.append(.failed(Strings.PostgresSaving.lost))
        case .back?:
            messages.append(.note(Strings.PostgresSaving.back))
            if saveAwaitsServer, case .editor(let session)? = state.modal {
                messages += perform(.saveEditor(session), state)
            }
            saveAwaitsServer = false
        case nil:
            break
        }
        return messages
    }

    /// The plan on the screen is the one whose changes the server is to tell of.
    func notice(_ message: Message) {
        guard let server, case .opened(let plan, _) = message else { return }
        server.watch(plan.ref)
    }
}

/// A change not saved because the server could not be reached.
struct ServerLost: Error, LocalizedError {
    var errorDescription: String? { Strings.PostgresSaving.notSavedLost }
}
