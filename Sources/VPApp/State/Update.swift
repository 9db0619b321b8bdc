import Foundation
import PlanKit

/// How the state answers a key: pure, no terminal and no database. What must happen outside
/// is returned as effects.
public enum Update {
    public static func handle(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        if case .resize(let width, let height) = key {
            state.width = width
            state.height = height
            keepSelectionVisible(&state)
            return []
        }
        if Layout(state).isTooSmall {
            // Only quitting makes sense in a window too small to show anything.
            return key == .character("q") || key == .control("c") ? [.quit] : []
        }
        if let modal = state.modal {
            return handleModal(key, modal, &state)
        }
        switch state.page {
        case .chooser: return handleChooser(key, &state)
        case .help: return handleHelp(key, &state)
        case .overview: return handleOverview(key, &state)
        case .detail: return handleDetail(key, &state)
        case .plan: return handlePlan(key, &state)
        }
    }

    // MARK: Pages

    /// Puts the chooser on the plan and period on the screen (or the first choice).
    static func selectCurrentChoice(_ state: inout AppState) {
        state.chooserIndex = state.choices.firstIndex {
            $0.unitID == state.plan?.ref.unitID && $0.year == state.plan?.ref.year && $0.period == state.period
        } ?? 0
    }

    private static func handleChooser(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        switch key {
        case .up, .character("k"): state.chooserIndex = max(0, state.chooserIndex - 1)
        case .down, .character("j"): state.chooserIndex = min(max(0, state.choices.count - 1), state.chooserIndex + 1)
        case .home: state.chooserIndex = 0
        case .end: state.chooserIndex = max(0, state.choices.count - 1)
        case .enter:
            if state.choices.indices.contains(state.chooserIndex) { return [.open(state.choices[state.chooserIndex])] }
        case .escape where state.plan != nil: state.page = .plan
        case .character("q"), .control("c"): return [.quit]
        case .character("?"): openHelp(&state)
        default: break
        }
        return []
    }

    private static func handleHelp(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        switch key {
        case .up, .character("k"): state.helpScroll = max(0, state.helpScroll - 1)
        case .down, .character("j"): state.helpScroll += 1
        case .pageUp: state.helpScroll = max(0, state.helpScroll - (state.height - 4))
        case .pageDown, .character(" "): state.helpScroll += state.height - 4
        case .home: state.helpScroll = 0
        case .escape, .character("?"), .enter: state.page = state.pageBeforeHelp
        case .character("q"), .control("c"): return [.quit]
        default: break
        }
        return []
    }

    private static func handleOverview(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape, .character("o"), .enter: state.page = .plan
        case .character("?"): openHelp(&state)
        case .character("q"), .control("c"): return [.quit]
        default: break
        }
        return []
    }

    private static func handleDetail(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        switch key {
        case .up, .character("k"): state.detailScroll = max(0, state.detailScroll - 1)
        case .down, .character("j"): state.detailScroll += 1
        case .pageUp: state.detailScroll = max(0, state.detailScroll - (state.height - 4))
        case .pageDown, .character(" "): state.detailScroll += state.height - 4
        case .escape, .character("d"), .left:
            state.page = .plan
            return []
        default:
            // Every other key works as on the plan page, on the item shown.
            state.page = .plan
            return handlePlan(key, &state)
        }
        return []
    }

    private static func handlePlan(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        switch key {
        case .up, .character("k"): move(by: -1, &state)
        case .down, .character("j"): move(by: 1, &state)
        case .pageUp: move(by: -max(1, visibleOutlineRows(state) - 1), &state)
        case .pageDown: move(by: max(1, visibleOutlineRows(state) - 1), &state)
        case .home: select(state.rows.first?.target, &state)
        case .end: select(state.rows.last?.target, &state)
        case .left: foldOrGoToParent(&state)
        case .right: unfold(&state)
        case .character(" "): toggleFold(&state)
        case .enter: return openMainText(&state)
        case .character("e"): return openAnalysis(&state)
        case .character("1"): return rate(.fully, &state)
        case .character("2"): return rate(.partly, &state)
        case .character("3"): return rate(.not, &state)
        case .character("0"): return rate(nil, &state)
        case .character("b"): openRatingPicker(&state)
        case .character("g"): return setStatus(.done, &state)
        case .character("a"): return setStatus(.deviation, &state)
        case .character("p"): return setStatus(.ongoing, &state)
        case .character("s"): openStatusPicker(&state)
        case .character("v"): openOutcomePrompt(&state)
        case .character("/"): state.modal = .prompt(Prompt(kind: .search, text: ""))
        case .character("."): stepSearch(by: 1, &state)
        case .character(","): stepSearch(by: -1, &state)
        case .character("n"): jumpToMissing(forward: true, &state)
        case .character("N"): jumpToMissing(forward: false, &state)
        case .character("o"): state.page = .overview
        case .character("d"):
            state.detailScroll = 0
            state.page = .detail
        case .character("D"): toggleCompact(&state)
        case .character("t"):
            state.page = .chooser
            return [.loadChoices]
        case .character("u"): return [.undo]
        case .control("r"): return [.redo]
        case .character("x"): return [.exportReport(path: defaultExportPath(state), mayReplace: false)]
        case .character("X"): state.modal = .prompt(Prompt(kind: .exportPath, text: defaultExportPath(state)))
        case .character("+"): return add(&state)
        case .character("r"): return rename(&state)
        case .delete: askDelete(&state)
        case .character("?"): openHelp(&state)
        case .character("q"), .control("c"): return [.quit]
        case .escape: state.status = nil
        default: break
        }
        return []
    }

    private static func toggleCompact(_ state: inout AppState) {
        state.compact.toggle()
        state.status = StatusMessage(state.compact ? Strings.App.compactOn : Strings.App.compactOff)
        keepSelectionVisible(&state)
    }

    private static func openHelp(_ state: inout AppState) {
        state.pageBeforeHelp = state.page
        state.helpScroll = 0
        state.page = .help
    }

    // MARK: Moving and folding

    static func visibleOutlineRows(_ state: AppState) -> Int {
        Layout(state).outline.height
    }

    private static func move(by delta: Int, _ state: inout AppState) {
        let rows = state.rows
        guard !rows.isEmpty else { return }
        let current = rows.firstIndex { $0.target == state.selection } ?? 0
        let next = min(max(0, current + delta), rows.count - 1)
        select(rows[next].target, &state)
    }

    static func select(_ target: OutlineTarget?, _ state: inout AppState) {
        state.selection = target
        state.detailScroll = 0
        keepSelectionVisible(&state)
    }

    /// Scrolls the outline just enough to show the selected line.
    static func keepSelectionVisible(_ state: inout AppState) {
        let rows = state.rows
        let visible = max(1, visibleOutlineRows(state))
        guard let index = rows.firstIndex(where: { $0.target == state.selection }) else {
            state.scrollTop = min(state.scrollTop, max(0, rows.count - visible))
            return
        }
        if index < state.scrollTop { state.scrollTop = index }
        if index >= state.scrollTop + visible { state.scrollTop = index - visible + 1 }
        state.scrollTop = max(0, min(state.scrollTop, max(0, rows.count - visible)))
    }

    /// Opens every fold above a target so that it can be shown and selected.
    static func reveal(_ target: OutlineTarget, _ state: inout AppState) {
        guard let plan = state.plan else { return }
        for ancestor in Outline.ancestors(of: target, in: plan, period: state.period) {
            state.folded.remove(ancestor)
        }
        select(target, &state)
    }

    private static func foldOrGoToParent(_ state: inout AppState) {
        guard let selection = state.selection, let plan = state.plan,
              let row = state.rows.first(where: { $0.target == selection }) else { return }
        if row.hasChildren && !row.isFolded {
            state.folded.insert(selection)
        } else if let parent = Outline.parent(of: selection, in: plan, period: state.period) {
            select(parent, &state)
        }
        keepSelectionVisible(&state)
    }

    private static func unfold(_ state: inout AppState) {
        guard let selection = state.selection else { return }
        if state.folded.contains(selection) {
            state.folded.remove(selection)
        } else if let row = state.rows.first(where: { $0.target == selection }), row.hasChildren {
            move(by: 1, &state)
        }
    }

    private static func toggleFold(_ state: inout AppState) {
        guard let selection = state.selection,
              state.rows.first(where: { $0.target == selection })?.hasChildren == true else { return }
        if state.folded.contains(selection) { state.folded.remove(selection) } else { state.folded.insert(selection) }
        keepSelectionVisible(&state)
    }

    // MARK: Editing

    private static func refuseIfReadOnly(_ state: inout AppState) -> Bool {
        if state.readOnly { state.status = StatusMessage(Strings.App.readOnlyBanner, isError: true) }
        return state.readOnly
    }

    /// Enter: the text the unit writes for the selected line.
    private static func openMainText(_ state: inout AppState) -> [Effect] {
        if let section = state.selectedSection {
            openEditor(.sectionText(section: section.id, period: state.period), title: section.title,
                       text: section.text, revision: section.revision, &state)
            return []
        }
        guard let item = state.selectedItem, let plan = state.plan else { return [] }
        if item.author == .unit && !state.period.isFollowUp {
            let fields: [TextField] = item.kind == .goal ? [.title] + TextField.goalBody.filter { $0 != .description }
                : item.kind == .indicator ? [.title, .comment] : [.title]
            if fields.count == 1 {
                openEditor(.itemText(item: item.id, field: .title), title: Strings.fieldLabel(.title),
                           text: item.title, revision: item.revision, &state)
            } else {
                state.modal = .picker(Picker(kind: .field(item: item.id, fields: fields), title: Strings.App.pickerFieldTitle,
                                             options: fields.map(Strings.fieldLabel), index: 0))
            }
            return []
        }
        if item.kind == .indicator && state.period.isFollowUp && plan.isOutcomeDue(item, in: state.period) {
            openOutcomePrompt(&state)
            return []
        }
        return openAnalysis(&state)
    }

    private static func openAnalysis(_ state: inout AppState) -> [Effect] {
        if let section = state.selectedSection {
            openEditor(.sectionText(section: section.id, period: state.period), title: section.title,
                       text: section.text, revision: section.revision, &state)
            return []
        }
        guard let item = state.selectedItem, let plan = state.plan else { return [] }
        guard state.period.isFollowUp else {
            state.status = StatusMessage(item.author == .unit ? Strings.App.analysisOnlyInFollowUp : Strings.App.inheritedReadOnly, isError: true)
            return []
        }
        guard !(item.kind == .goal && item.author == .council) else {
            state.status = StatusMessage(Strings.App.councilGoalNoAnalysis, isError: true)
            return []
        }
        let followUp = plan.followUp(item.id, state.period)
        openEditor(.analysis(item: item.id, period: state.period), title: Strings.analysis, text: followUp.analysis,
                   revision: followUp.revision, &state)
        return []
    }

    static func openEditor(_ field: FieldRef, title: String, text: String, revision: Int, _ state: inout AppState) {
        if refuseIfReadOnly(&state) { return }
        let itemTitle = field.itemID.flatMap { state.plan?.items[$0]?.title(in: state.period) } ?? title
        // The cursor starts at the end: one usually goes on writing, or erases a placeholder.
        var editor = TextEditor(text: text)
        editor.setCursor(text.count)
        state.modal = .editor(EditorSession(field: field, title: Strings.App.editorTitle(title, of: itemTitle),
                                            editor: editor, baseRevision: revision))
    }

    private static func rate(_ rating: Rating?, _ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem else { return [] }
        guard item.kind == .goal else { state.status = StatusMessage(Strings.App.notAGoal, isError: true); return [] }
        guard state.period.isFollowUp else { state.status = StatusMessage(Strings.App.noFollowUpInPlan, isError: true); return [] }
        guard item.level == .unitGoal else { state.status = StatusMessage(Strings.App.noRatingHere, isError: true); return [] }
        if refuseIfReadOnly(&state) { return [] }
        return [.set(.rating(item: item.id, period: state.period), rating.map(FieldValue.rating), expectedRevision: nil,
                     message: "\(Strings.App.saved): \(Strings.rating(rating))")]
    }

    private static func setStatus(_ status: ActivityStatus, _ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem, item.kind == .activity else {
            state.status = StatusMessage(Strings.App.notAnActivity, isError: true)
            return []
        }
        guard state.period.isFollowUp else { state.status = StatusMessage(Strings.App.noFollowUpInPlan, isError: true); return [] }
        if refuseIfReadOnly(&state) { return [] }
        let effect = Effect.set(.status(item: item.id, period: state.period), .status(status), expectedRevision: nil,
                                message: "\(Strings.App.saved): \(Strings.status(status))")
        if status == .deviation {
            // An Avvikelse needs its analysis: go straight to it.
            let followUp = state.plan?.followUp(item.id, state.period) ?? .empty
            openEditor(.analysis(item: item.id, period: state.period), title: Strings.analysis, text: followUp.analysis,
                       revision: followUp.revision + (followUp.status == .deviation ? 0 : 1), &state)
        }
        return [effect]
    }

    private static func openRatingPicker(_ state: inout AppState) {
        guard let item = state.selectedItem, item.kind == .goal, item.level == .unitGoal, state.period.isFollowUp else {
            state.status = StatusMessage(state.period.isFollowUp ? Strings.App.noRatingHere : Strings.App.noFollowUpInPlan, isError: true)
            return
        }
        let ratings: [Rating?] = [.fully, .partly, .not, nil]
        let current = state.plan?.followUp(item.id, state.period).rating
        state.modal = .picker(Picker(kind: .rating(item: item.id), title: Strings.App.pickerRatingTitle,
                                     options: ratings.map { Strings.rating($0) == "Ingen" ? Strings.App.noRating : Strings.rating($0) },
                                     index: ratings.firstIndex { $0 == current } ?? 0))
    }

    private static func openStatusPicker(_ state: inout AppState) {
        guard let item = state.selectedItem, item.kind == .activity, state.period.isFollowUp else {
            state.status = StatusMessage(state.period.isFollowUp ? Strings.App.notAnActivity : Strings.App.noFollowUpInPlan, isError: true)
            return
        }
        let current = state.plan?.followUp(item.id, state.period).status
        state.modal = .picker(Picker(kind: .status(item: item.id), title: Strings.App.pickerStatusTitle,
                                     options: ActivityStatus.allCases.map { Strings.status($0) },
                                     index: ActivityStatus.allCases.firstIndex { $0 == current } ?? 0))
    }

    private static func openOutcomePrompt(_ state: inout AppState) {
        guard let item = state.selectedItem, item.kind == .indicator, let plan = state.plan else {
            state.status = StatusMessage(Strings.App.notAnIndicator, isError: true)
            return
        }
        guard state.period.isFollowUp else { state.status = StatusMessage(Strings.App.noFollowUpInPlan, isError: true); return }
        if refuseIfReadOnly(&state) { return }
        let followUp = plan.followUp(item.id, state.period)
        state.modal = .prompt(Prompt(kind: .outcome(item: item.id, revision: followUp.revision),
                                     text: followUp.outcome.map { SwedishNumber.format($0, maxDecimals: 4) } ?? ""))
        state.status = StatusMessage(Strings.App.outcomeHint)
    }

    private static func defaultExportPath(_ state: AppState) -> String {
        guard let plan = state.plan else { return state.exportDirectory }
        let name = "\(plan.unit.name)-\(plan.ref.year)-\(Strings.periodName(state.period)).md"
            .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "_")
        return state.exportDirectory.hasSuffix("/") ? state.exportDirectory + name : state.exportDirectory + "/" + name
    }

    private static func add(_ state: inout AppState) -> [Effect] {
        guard !state.period.isFollowUp else { state.status = StatusMessage(Strings.App.onlyInPlan, isError: true); return [] }
        if refuseIfReadOnly(&state) { return [] }
        guard let item = state.selectedItem else { state.status = StatusMessage(Strings.App.addWhere, isError: true); return [] }
        if item.level == .boardGoal { return [.addUnitGoal(boardGoal: item.id)] }
        if item.level == .unitGoal { return [.addActivity(unitGoal: item.id)] }
        if item.kind == .activity, item.author == .unit, let parent = item.parentID { return [.addActivity(unitGoal: parent)] }
        state.status = StatusMessage(Strings.App.addWhere, isError: true)
        return []
    }

    private static func rename(_ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem else { return [] }
        guard item.author == .unit else { state.status = StatusMessage(Strings.App.inheritedReadOnly, isError: true); return [] }
        openEditor(.itemText(item: item.id, field: .title), title: Strings.fieldLabel(.title), text: item.title,
                   revision: item.revision, &state)
        return []
    }

    private static func askDelete(_ state: inout AppState) {
        guard let item = state.selectedItem else { return }
        guard item.author == .unit else { state.status = StatusMessage(Strings.App.cannotDeleteInherited, isError: true); return }
        guard !state.period.isFollowUp else { state.status = StatusMessage(Strings.App.onlyInPlan, isError: true); return }
        if refuseIfReadOnly(&state) { return }
        state.modal = .confirmDelete(item: item.id)
    }

    // MARK: Finding the way

    private static func stepSearch(by delta: Int, _ state: inout AppState) {
        guard var search = state.search, !search.matches.isEmpty else { return }
        search.index = (search.index + delta + search.matches.count) % search.matches.count
        state.search = search
        reveal(search.matches[search.index], &state)
        state.status = StatusMessage(Strings.App.searchResult(search.index + 1, of: search.matches.count, query: search.query))
    }

    static func runSearch(_ query: String, _ state: inout AppState) {
        guard let index = state.searchIndex, !query.isEmpty else { return }
        let matches = index.matches(query)
        guard !matches.isEmpty else {
            state.search = nil
            state.status = StatusMessage(Strings.App.noMatches(query), isError: true)
            return
        }
        // Start from the first match at or after the selection.
        let current = state.selection.flatMap(index.position) ?? 0
        let start = matches.firstIndex { (index.position(of: $0) ?? 0) >= current } ?? 0
        state.search = SearchState(query: query, matches: matches, index: start)
        reveal(matches[start], &state)
        state.status = StatusMessage(Strings.App.searchResult(start + 1, of: matches.count, query: query))
    }

    private static func jumpToMissing(forward: Bool, _ state: inout AppState) {
        guard let plan = state.plan else { return }
        let gaps = state.gaps
        guard !gaps.isEmpty else { state.status = StatusMessage(Strings.App.nothingMissing); return }
        let targets = gaps.map(OutlineTarget.init)
        let order = Outline.rows(plan: plan, period: state.period, folded: []).map(\.target)
        // Positions looked up once, not searched for in every comparison of the sort.
        let positions = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let position = { (target: OutlineTarget) in positions[target] ?? 0 }
        let current = state.selection.map(position) ?? -1
        let sorted = zip(targets, gaps).sorted { position($0.0) < position($1.0) }
        let next = forward
            ? sorted.first { position($0.0) > current } ?? sorted.first!
            : sorted.last { position($0.0) < current } ?? sorted.last!
        reveal(next.0, &state)
        state.status = StatusMessage(Strings.App.missingHere(next.1.message, remaining: gaps.count), isError: true)
    }

    // MARK: Modals

    private static func handleModal(_ key: KeyEvent, _ modal: Modal, _ state: inout AppState) -> [Effect] {
        switch modal {
        case .editor(var session):
            // Ctrl-C leaves the app; the controller keeps the text as a draft first.
            if key == .control("c") { return [.quit] }
            let area = Layout(state).body
            let action = session.editor.handle(key, width: max(1, area.width - 2), height: max(1, area.height - 2))
            state.modal = .editor(session)
            switch action {
            case .none:
                return []
            case .save:
                // The editor stays open until the store has the text: a failed save loses nothing.
                return [.saveEditor(session)]
            case .openExternalEditor:
                return [.runExternalEditor(session.editor.text)]
            }
        case .draftFound(let offer):
            switch key {
            case .character("u"), .character("U"):
                var session = offer.session
                session.editor = TextEditor(text: offer.draft.text)
                session.editor.setCursor(offer.draft.text.count)
                session.baseRevision = offer.draft.baseRevision
                state.modal = .editor(session)
            case .character("s"), .character("S"):
                state.modal = .editor(offer.session)
                return [.discardDraft(offer.session.field)]
            case .escape, .control("c"):
                state.modal = nil
            default:
                break
            }
            return []
        case .conflict(let conflict):
            switch key {
            case .character("m"), .character("M"):
                var session = conflict.session
                session.baseRevision = conflict.theirRevision
                state.modal = .editor(session)
                return [.saveEditor(session)]
            case .character("d"), .character("D"):
                state.modal = nil
                return [.discardDraft(conflict.session.field)]
            case .character("s"), .character("S"):
                var session = conflict.session
                let merged = Strings.App.mergedText(mine: session.editor.text, theirs: conflict.theirText, by: conflict.changedBy)
                session.editor = TextEditor(text: merged)
                session.baseRevision = conflict.theirRevision
                state.modal = .editor(session)
            case .escape:
                state.modal = .editor(conflict.session)
            case .control("c"):
                state.modal = .editor(conflict.session)
                return [.quit]
            default:
                break
            }
            return []
        case .picker(var picker):
            switch key {
            case .up, .character("k"): picker.index = max(0, picker.index - 1)
            case .down, .character("j"): picker.index = min(picker.options.count - 1, picker.index + 1)
            case .escape, .character("q"): state.modal = nil; return []
            case .enter: state.modal = nil; return choose(picker, &state)
            default: break
            }
            state.modal = .picker(picker)
            return []
        case .prompt(var prompt):
            switch key {
            case .escape:
                state.modal = nil
                state.status = nil
            case .enter:
                state.modal = nil
                return submit(prompt, &state)
            case .backspace:
                if !prompt.text.isEmpty { prompt.text.removeLast() }
                state.modal = .prompt(prompt)
            case .character(let character):
                prompt.text.append(character)
                state.modal = .prompt(prompt)
                if state.status?.isError == true { state.status = nil }
            case .paste(let text):
                prompt.text += text.filter { !$0.isNewline && !($0.asciiValue.map { $0 < 32 } ?? false) }
                state.modal = .prompt(prompt)
            case .control("u"):
                prompt.text = ""
                state.modal = .prompt(prompt)
            default:
                break
            }
            return []
        case .confirmDelete(let item):
            state.modal = nil
            if key == .character("j") || key == .character("J") || key == .character("y") { return [.deleteItem(item)] }
            return []
        }
    }

    private static func choose(_ picker: Picker, _ state: inout AppState) -> [Effect] {
        switch picker.kind {
        case .rating(let item):
            let rating: Rating? = [.fully, .partly, .not, nil][picker.index]
            return [.set(.rating(item: item, period: state.period), rating.map(FieldValue.rating), expectedRevision: nil,
                         message: "\(Strings.App.saved): \(Strings.rating(rating))")]
        case .status(let item):
            let status = ActivityStatus.allCases[picker.index]
            if status == .deviation { return setStatus(.deviation, &state) }
            return [.set(.status(item: item, period: state.period), .status(status), expectedRevision: nil,
                         message: "\(Strings.App.saved): \(Strings.status(status))")]
        case .field(let item, let fields):
            guard let planItem = state.plan?.items[item] else { return [] }
            let field = fields[picker.index]
            openEditor(.itemText(item: item, field: field), title: Strings.fieldLabel(field), text: planItem.text(field),
                       revision: planItem.revision, &state)
            return []
        }
    }

    private static func submit(_ prompt: Prompt, _ state: inout AppState) -> [Effect] {
        switch prompt.kind {
        case .search:
            runSearch(prompt.text, &state)
            return []
        case .outcome(let item, let revision):
            let text = prompt.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                return [.set(.outcome(item: item, period: state.period), nil, expectedRevision: revision, message: Strings.App.saved)]
            }
            guard let value = SwedishNumber.parse(text) else {
                state.status = StatusMessage(Strings.planError(.notANumber(text)), isError: true)
                state.modal = .prompt(prompt)
                return []
            }
            return [.set(.outcome(item: item, period: state.period), .number(value), expectedRevision: revision,
                         message: "\(Strings.App.saved): \(SwedishNumber.format(value, maxDecimals: 4))")]
        case .exportPath:
            return prompt.text.isEmpty ? [] : [.exportReport(path: prompt.text, mayReplace: true)]
        }
    }
}

