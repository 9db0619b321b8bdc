import Foundation
import PlanKit

/// Opening texts, rating, statuses, outcomes, adding and deleting: what the keys that change
/// the plan do once the key table has found them allowed.
extension Update {
    // MARK: Editing

    static func refuseIfReadOnly(_ state: inout AppState) -> Bool {
        if refuseIfHandedIn(&state) { return true }
        if state.readOnly { state.status = StatusMessage(state.readOnlyBanner, isError: true) }
        return state.readOnly
    }

    /// Shows the reason when a rule refuses; true when it did.
    static func refuse(_ availability: Availability, _ state: inout AppState) -> Bool {
        guard case .refused(let reason) = availability else { return false }
        state.status = StatusMessage(reason, isError: true)
        return true
    }

    /// Enter: the text the unit writes for the selected line.
    static func openMainText(_ state: inout AppState) -> [Effect] {
        if refuseIfHandedIn(&state) { return [] }
        if let section = state.selectedSection {
            openEditor(.sectionText(section: section.id, period: state.period), title: section.title,
                       text: section.text, revision: section.revision, &state)
            return []
        }
        guard let item = state.selectedItem, let plan = state.plan else { return [] }
        if !state.period.isFollowUp {
            let fields = Rules.editableTexts(item, state)
            if fields.count == 1 {
                openEditor(.itemText(item: item.id, field: fields[0]), title: Strings.fieldLabel(fields[0]),
                           text: item.text(fields[0]), revision: item.revision, &state)
                return []
            } else if !fields.isEmpty {
                state.modal = .picker(Picker(kind: .field(item: item.id, fields: fields), title: Strings.App.pickerFieldTitle,
                                             options: fields.map(Strings.fieldLabel), index: 0))
                return []
            }
        }
        if Rules.outcome(state).isAvailable && plan.isOutcomeDue(item, in: state.period) {
            openOutcomePrompt(&state)
            return []
        }
        return openAnalysis(&state)
    }

    static func openAnalysis(_ state: inout AppState) -> [Effect] {
        if refuse(Rules.analysis(state), &state) { return [] }
        if let section = state.selectedSection {
            openEditor(.sectionText(section: section.id, period: state.period), title: section.title,
                       text: section.text, revision: section.revision, &state)
            return []
        }
        guard let item = state.selectedItem, let plan = state.plan else { return [] }
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
        editor.moveCursorToEnd()
        state.modal = .editor(EditorSession(field: field, title: Strings.App.editorTitle(title, of: itemTitle),
                                            editor: editor, baseRevision: revision))
    }

    static func rate(_ rating: Rating?, _ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem, !refuse(Rules.rating(state), &state), !refuseIfReadOnly(&state) else { return [] }
        return [.set(.rating(item: item.id, period: state.period), rating.map(FieldValue.rating), expectedRevision: nil,
                     message: "\(Strings.App.saved): \(Strings.rating(rating))")]
    }

    static func setStatus(_ status: ActivityStatus, _ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem, !refuse(Rules.status(state), &state), !refuseIfReadOnly(&state) else { return [] }
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

    static let ratingChoices: [Rating?] = [.fully, .partly, .not, nil]

    static func openRatingPicker(_ state: inout AppState) {
        guard let item = state.selectedItem, !refuse(Rules.rating(state), &state) else { return }
        let current = state.plan?.followUp(item.id, state.period).rating
        state.modal = .picker(Picker(kind: .rating(item: item.id), title: Strings.App.pickerRatingTitle,
                                     options: ratingChoices.map { $0 == nil ? Strings.App.noRating : Strings.rating($0) },
                                     index: ratingChoices.firstIndex { $0 == current } ?? 0))
    }

    static func openStatusPicker(_ state: inout AppState) {
        guard let item = state.selectedItem, !refuse(Rules.status(state), &state) else { return }
        let current = state.plan?.followUp(item.id, state.period).status
        state.modal = .picker(Picker(kind: .status(item: item.id), title: Strings.App.pickerStatusTitle,
                                     options: ActivityStatus.allCases.map { Strings.status($0) },
                                     index: ActivityStatus.allCases.firstIndex { $0 == current } ?? 0))
    }

    static func openOutcomePrompt(_ state: inout AppState) {
        guard let item = state.selectedItem, let plan = state.plan, !refuse(Rules.outcome(state), &state),
              !refuseIfReadOnly(&state) else { return }
        let followUp = plan.followUp(item.id, state.period)
        state.modal = .prompt(Prompt(kind: .outcome(item: item.id, revision: followUp.revision),
                                     text: followUp.outcome.map { outcome in
                                         item.indicator.map { $0.outcomeText(outcome) } ?? SwedishNumber.format(outcome)
                                     } ?? ""))
        state.status = StatusMessage(Strings.App.outcomeHint)
    }

    static func defaultExportPath(_ state: AppState) -> String {
        guard let plan = state.plan else { return state.exportDirectory }
        let name = "\(plan.unit.displayName)-\(plan.ref.year)-\(Strings.periodName(state.period)).md"
            .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "_")
        return state.exportDirectory.hasSuffix("/") ? state.exportDirectory + name : state.exportDirectory + "/" + name
    }

    static func add(_ state: inout AppState) -> [Effect] {
        if state.selectedSection != nil { return askSectionTitle(&state) }
        guard let item = state.selectedItem, !refuse(Rules.add(state), &state), !refuseIfReadOnly(&state) else { return [] }
        // The title first: nothing is created until it is given.
        let kind: Prompt.Kind
        if item.level == .boardGoal {
            kind = .newItem(under: item.id, goal: true)
        } else if item.level == .unitGoal {
            kind = .newItem(under: item.id, goal: false)
        } else if let parent = item.parentID {
            kind = .newItem(under: parent, goal: false)
        } else {
            return []
        }
        state.modal = .prompt(Prompt(kind: kind, text: ""))
        return []
    }

    static func rename(_ state: inout AppState) -> [Effect] {
        if state.selectedSection != nil { return askSectionRename(&state) }
        guard let item = state.selectedItem, !refuse(Rules.rename(state), &state) else { return [] }
        openEditor(.itemText(item: item.id, field: .title), title: Strings.fieldLabel(.title), text: item.title,
                   revision: item.revision, &state)
        return []
    }

    @discardableResult
    static func askDelete(_ state: inout AppState) -> [Effect] {
        if state.selectedSection != nil { return removeSection(&state) }
        guard let item = state.selectedItem, !refuse(Rules.delete(state), &state), !refuseIfReadOnly(&state) else { return [] }
        state.modal = .confirmDelete(item: item.id)
        return []
    }

    // MARK: Answers of pickers and prompts

    static func choose(_ picker: Picker, _ state: inout AppState) -> [Effect] {
        switch picker.kind {
        case .rating(let item):
            let rating = ratingChoices[picker.index]
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
        case .planning(let choice):
            return choosePlanning(choice, index: picker.index, &state)
        }
    }

    static func submit(_ prompt: Prompt, _ state: inout AppState) -> [Effect] {
        switch prompt.kind {
        case .search:
            runSearch(prompt.text, &state)
            return []
        case .outcome(let item, let revision):
            let value: Decimal
            let indicator = state.plan?.items[item]?.indicator
            do {
                guard let typed = try OutcomeInput.parse(prompt.text, for: indicator) else {
                    return [.set(.outcome(item: item, period: state.period), nil, expectedRevision: revision, message: Strings.App.outcomeCleared)]
                }
                value = typed
            } catch {
                state.status = StatusMessage(Strings.describe(error), isError: true)
                state.modal = .prompt(prompt)
                return []
            }
            return [.set(.outcome(item: item, period: state.period), .number(value), expectedRevision: revision,
                         message: "\(Strings.App.saved): \(IndicatorSpec.outcomeText(value, unit: indicator?.outcomeUnit))")]
        case .exportPath:
            guard !prompt.text.isEmpty else {
                state.status = StatusMessage(Strings.App.pathNeeded, isError: true)
                state.modal = .prompt(prompt)
                return []
            }
            return [.exportReport(path: prompt.text, mayReplace: true)]
        case .newItem(let parent, let goal):
            let title = prompt.text.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else {
                state.status = StatusMessage(Strings.App.titleNeeded, isError: true)
                state.modal = .prompt(prompt)
                return []
            }
            return [goal ? .addUnitGoal(boardGoal: parent, title: title) : .addActivity(unitGoal: parent, title: title)]
        case .planning(let step):
            return submitPlanning(step, prompt, &state)
        }
    }
}
