import Foundation
import PlanKit

/// The drafts of a plan kept on a server (PostgreSQL), in two places: on the server, as this
/// login's own, so that a text begun on one SSH host is offered on another after a lost link;
/// and in this computer's file (`LocalDrafts`), which keeps them while the server cannot be
/// reached and when the app dies before the server has them.
///
/// Saving writes the file at once and the server in the background, so a key never waits for
/// the network; a draft the server could not take is sent when it answers again, or by the next
/// app started on this computer. Offering takes the newer of the two. A draft of this computer
/// that the server held and no longer holds was let go elsewhere (saved or discarded on
/// another host), and is not offered again. Letting go removes it from both.
final class ServerDrafts: DraftKeeping {
    let server: any PlanServer
    /// nil when this computer has no folder for them (no XDG_STATE_HOME and no HOME).
    let local: LocalDrafts?
    let window: String

    init(server: any PlanServer, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.server = server
        local = LocalDrafts(database: server.database, login: server.login, environment: environment)
        window = local?.window ?? UUID().uuidString
        // Drafts an earlier app on this computer kept while the server could not be reached.
        for entry in local?.unsent() ?? [] {
            server.keepDraft(entry.draft, in: entry.plan, kept: kept(entry.draft, entry.plan))
        }
    }

    func saveDraft(_ text: String, for field: FieldRef, baseRevision: Int, in plan: PlanRef) throws {
        let draft = Draft(field: field, login: server.login, window: window, text: text, baseRevision: baseRevision, savedAt: Date())
        // The file first: the server's answer then finds the entry it marks.
        var failure: Error?
        do { try local?.save(text, for: field, baseRevision: baseRevision, in: plan, now: draft.savedAt) } catch { failure = error }
        server.keepDraft(draft, in: plan, kept: kept(draft, plan))
        if let failure { throw failure }
    }

    func draft(for field: FieldRef, in plan: PlanRef) throws -> Draft? {
        let mine = local?.latest(for: field, in: plan)
        guard case .known(let theirs) = server.serverDraft(for: field, in: plan) else { return mine?.draft }
        let candidates = [theirs, mine?.onServer == true ? nil : mine?.draft].compactMap { $0 }
        return candidates.max { $0.savedAt < $1.savedAt }
    }

    /// The drafts this computer keeps of the plan; those another computer left on the server
    /// are offered when their text is opened.
    func drafts(in plan: PlanRef) throws -> [Draft] {
        local?.entries(in: plan).map(\.draft) ?? []
    }

    func discardDraft(for field: FieldRef, in plan: PlanRef) throws {
        server.letGoOfDraft(for: field, in: plan)
        try local?.discard(field, in: plan)
    }

    private func kept(_ draft: Draft, _ plan: PlanRef) -> @Sendable () -> Void {
        { [local] in try? local?.markOnServer(draft, in: plan) }
    }
}
