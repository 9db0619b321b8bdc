import Foundation
import PlanKit

/// This login's drafts on the server (`draft`, whose row-level security lets each login read and
/// write only its own rows): what was read for the plan on the screen, and what this app kept or
/// let go of that the server does not hold yet.
final class ServerDraftCache: @unchecked Sendable {
    struct Key: Hashable {
        var plan: PlanRef
        var field: String
    }

    /// A change to the server's drafts of one field, not yet made there: the drafts let go of
    /// first, then `draft` kept. A later change of the field replaces it.
    struct Pending {
        var letGo = false
        var draft: Draft?
        var kept: (@Sendable () -> Void)?
        var serial = 0
    }

    /// Guards what follows; signalled when a read of the server's drafts ends.
    let condition = NSCondition()
    /// The plan whose drafts are read (or being read).
    var plan: PlanRef?
    /// The newest draft of each field of `plan` by key; nil until read.
    var drafts: [String: Draft]?
    var reading = false
    var pending: [Key: Pending] = [:]
    var serial = 0
    var flushScheduled = false

    func with<T>(_ body: (ServerDraftCache) -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body(self)
    }

    /// What the server will hold once `change` is made there (the lock held).
    func apply(_ change: Pending, to key: Key) {
        guard key.plan == plan, drafts != nil else { return }
        if change.letGo { drafts?[key.field] = nil }
        if let draft = change.draft, drafts?[key.field].map({ $0.savedAt <= draft.savedAt }) ?? true {
            drafts?[key.field] = draft
        }
    }
}

extension PostgresPlanServer {
    public func keepDraft(_ draft: Draft, in plan: PlanRef, kept: @escaping @Sendable () -> Void) {
        change(Key(plan: plan, field: Draft.key(draft.field))) { $0.draft = draft; $0.kept = kept }
    }

    public func letGoOfDraft(for field: FieldRef, in plan: PlanRef) {
        // Whatever this app meant to keep of the field is superseded.
        change(Key(plan: plan, field: Draft.key(field))) { $0 = ServerDraftCache.Pending(letGo: true) }
    }

    public func serverDraft(for field: FieldRef, in plan: PlanRef) -> ServerDraftAnswer {
        let lost = isLost
        let cache = draftCache
        cache.condition.lock()
        defer { cache.condition.unlock() }
        if cache.plan != plan, !lost {
            cache.plan = plan
            cache.drafts = nil
            readDraftsSoon(plan, cache)
        }
        // Only when the read asked for on opening the plan is not done yet (the first moments).
        let deadline = Date().addingTimeInterval(Self.draftWait)
        while cache.plan == plan, cache.drafts == nil, cache.reading, cache.condition.wait(until: deadline) {}
        guard cache.plan == plan, let drafts = cache.drafts else { return .unknown }
        return .known(drafts[Draft.key(field)])
    }

    /// The most a look for a draft waits for the read of the plan's drafts from the server.
    static let draftWait: TimeInterval = 1

    private typealias Key = ServerDraftCache.Key

    /// The plan newly on the screen: its drafts are read in the background, so that opening a
    /// text finds them without asking the server.
    func watchDrafts(_ plan: PlanRef) {
        draftCache.with { cache in
            cache.plan = plan
            cache.drafts = nil
            readDraftsSoon(plan, cache)
        }
    }

    /// The server answers again (on the background queue): what it could not take is made now,
    /// and the plan's drafts are read again (another host may have written some meanwhile).
    func draftsBack() {
        flushDrafts()
        if let plan = draftCache.with({ $0.plan }) { readDrafts(plan) }
    }

    private func change(_ key: Key, _ body: (inout ServerDraftCache.Pending) -> Void) {
        let schedule = draftCache.with { cache -> Bool in
            var pending = cache.pending[key] ?? ServerDraftCache.Pending()
            body(&pending)
            cache.serial += 1
            pending.serial = cache.serial
            cache.pending[key] = pending
            cache.apply(pending, to: key)
            defer { cache.flushScheduled = true }
            return !cache.flushScheduled
        }
        if schedule { background.async { [weak self] in self?.flushDrafts() } }
    }

    /// The lock of `cache` held.
    private func readDraftsSoon(_ plan: PlanRef, _ cache: ServerDraftCache) {
        cache.reading = true
        background.async { [weak self] in self?.readDrafts(plan) }
    }

    /// Makes on the server the changes it does not hold yet, on the background queue. A change
    /// the server refuses while the connection stays open (the plan no longer the login's to
    /// change) is dropped, as trying it again would be refused again; the draft stays on this
    /// computer. On a lost connection the rest waits for the server to answer again.
    private func flushDrafts() {
        connectionLock.lock()
        defer { connectionLock.unlock() }
        let work = draftCache.with { cache in
            cache.flushScheduled = false
            return cache.pending.sorted { $0.value.serial < $1.value.serial }
        }
        guard !work.isEmpty, let link = state({ commands })?.link, !link.isClosed else { return }
        for (key, change) in work {
            do {
                try write(change, key, link)
            } catch {
                if link.isClosed { return }
            }
            draftCache.with { cache in if cache.pending[key]?.serial == change.serial { cache.pending[key] = nil } }
        }
    }

    private func write(_ change: ServerDraftCache.Pending, _ key: Key, _ link: PostgresLink) throws {
        let plan: [PostgresValue] = [.text(key.plan.unitID), .integer(Int64(key.plan.year)), .text(key.field), .text(login)]
        if change.letGo {
            try link.run("DELETE FROM draft WHERE unit_id = $1 AND year = $2 AND field = $3 AND login = $4", plan)
        }
        guard let draft = change.draft else { return }
        // A row of the same window is only ever replaced by a newer text.
        try link.run("""
            INSERT INTO draft (unit_id, year, field, login, "window", text, base_revision, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (unit_id, year, field, login, "window") DO UPDATE SET text = excluded.text,
                base_revision = excluded.base_revision, saved_at = excluded.saved_at WHERE draft.saved_at <= excluded.saved_at
            """, plan + [.text(draft.window), .text(draft.text), .integer(Int64(draft.baseRevision)), .text(Timestamp.string(draft.savedAt))])
        change.kept?()
    }

    /// Reads this login's newest draft of each field of `plan`, on the background queue.
    private func readDrafts(_ plan: PlanRef) {
        // The copy of the drafts is set before another change is made on the server: one made
        // between the read and the copy would be in neither.
        connectionLock.lock()
        defer { connectionLock.unlock() }
        var found: [String: Draft]?
        defer {
            draftCache.with { cache in
                guard cache.plan == plan else { return }
                cache.reading = false
                if let found {
                    cache.drafts = found
                    for (key, change) in cache.pending { cache.apply(change, to: key) }
                }
                cache.condition.broadcast()
            }
        }
        guard let link = state({ commands })?.link, !link.isClosed else { return }
        let rows = try? link.run("""
            SELECT DISTINCT ON (field) field, "window", text, base_revision, saved_at FROM draft
            WHERE unit_id = $1 AND year = $2 AND login = $3 ORDER BY field, saved_at DESC
            """, [.text(plan.unitID), .integer(Int64(plan.year)), .text(login)])
        guard let rows else { return }
        var drafts: [String: Draft] = [:]
        for row in rows.values {
            guard row.count == 5, case .text(let key) = row[0], let field = Draft.field(key: key), case .text(let window) = row[1],
                  case .text(let text) = row[2], case .integer(let base) = row[3], case .text(let at) = row[4] else { continue }
            drafts[key] = Draft(field: field, login: login, window: window, text: text, baseRevision: Int(base),
                                savedAt: Timestamp.date(at) ?? .distantPast)
        }
        found = drafts
    }
}
