import PlanKit

/// Planning the VP: an own indicator asked step by step, an activity's dates, the board's items
/// taken up or declined, own sections. Nothing is stored until the last answer; a refused
/// answer keeps its question open with the reason, and Esc leaves everything as it was.
extension Update {
    static func openIndicator(_ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem, !refuse(Rules.indicator(state), &state), !refuseIfReadOnly(&state) else { return [] }
        guard item.kind == .indicator, let parent = item.parentID else {
            state.modal = .prompt(Prompt(kind: .planning(.indicatorName(IndicatorForm(unitGoal: item.id))), text: ""))
            return []
        }
        var form = IndicatorForm(indicator: item.id, unitGoal: parent)
        form.name = item.title
        if let spec = item.indicator {
            form.target = spec.target ?? ""
            form.measureUnit = spec.measureUnit ?? ""
            form.periodicity = spec.periodicity
            form.direction = spec.direction
            form.kind = switch spec.parsedTarget {
            case .direction: .direction
            case .text: .text
            case .number, .none: .number
            }
        }
        openChoice(.targetKind(form), &state)
        return []
    }

    static func openDates(_ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem, let plan = state.plan, !refuse(Rules.dates(state), &state),
              !refuseIfReadOnly(&state) else { return [] }
        let year = plan.ref.year
        state.modal = .prompt(Prompt(kind: .planning(.startDate(activity: item.id, end: item.end ?? "\(year)-12-31")),
                                     text: item.start ?? "\(year)-01-01"))
        return []
    }

    static func toggleFollowedUp(_ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem, let plan = state.plan, !refuse(Rules.followedUp(state), &state),
              !refuseIfReadOnly(&state) else { return [] }
        let declined = plan.notFollowedUp.contains(item.id)
        return [.set(.followedUp(item: item.id), .flag(declined), expectedRevision: nil,
                     message: declined ? Strings.App.takenUp : Strings.App.declined)]
    }

    static func askSectionTitle(_ state: inout AppState) -> [Effect] {
        guard let section = state.selectedSection, let plan = state.plan, !refuse(Rules.add(state), &state),
              !refuseIfReadOnly(&state) else { return [] }
        // Beside the sections of the line's part of the document: before or after the goals.
        var top = section
        while let parent = top.parentID.flatMap({ plan.section($0, in: state.period) }) { top = parent }
        state.modal = .prompt(Prompt(kind: .planning(.newSection(top.placement)), text: ""))
        return []
    }

    static func askSectionRename(_ state: inout AppState) -> [Effect] {
        guard let section = state.selectedSection, !refuse(Rules.rename(state), &state), !refuseIfReadOnly(&state) else { return [] }
        state.modal = .prompt(Prompt(kind: .planning(.renameSection(section.id)), text: section.title))
        return []
    }

    static func removeSection(_ state: inout AppState) -> [Effect] {
        guard let section = state.selectedSection, !refuse(Rules.delete(state), &state), !refuseIfReadOnly(&state) else { return [] }
        // The line above takes the selection: the removed one is gone from the outline.
        let rows = state.rows
        if let index = rows.firstIndex(where: { $0.target == .section(section.id) }), index > 0 {
            select(rows[index - 1].target, &state)
        }
        return [.planning(.removeSection(section.id, period: state.period))]
    }

    // MARK: The steps' answers

    static func openChoice(_ choice: PlanningChoice, _ state: inout AppState) {
        state.status = nil
        let (title, options, index): (String, [String], Int) = switch choice {
        case .targetKind(let form):
            (Strings.App.targetKindTitle, TargetKind.allCases.map(Strings.App.targetKind), TargetKind.allCases.firstIndex(of: form.kind) ?? 0)
        case .periodicity(let form):
            (Strings.periodicityLabel, Periodicity.allCases.map(Strings.periodicity), Periodicity.allCases.firstIndex(of: form.periodicity) ?? 0)
        case .direction(let form):
            (Strings.App.directionTitle, Direction.allCases.map(Strings.App.directionChoice),
             Direction.allCases.firstIndex(of: form.direction) ?? 0)
        }
        state.modal = .picker(Picker(kind: .planning(choice), title: title, options: options, index: index))
    }

    static func choosePlanning(_ choice: PlanningChoice, index: Int, _ state: inout AppState) -> [Effect] {
        switch choice {
        case .targetKind(var form):
            form.kind = TargetKind.allCases[index]
            state.modal = .prompt(Prompt(kind: .planning(.indicatorTarget(form)), text: form.target))
        case .periodicity(var form):
            form.periodicity = Periodicity.allCases[index]
            // "öka" and "minska" say which way is better.
            if form.kind == .direction, case .direction(let direction) = Target(written: form.target) {
                form.direction = direction
                return [.planning(.saveIndicator(form))]
            }
            openChoice(.direction(form), &state)
        case .direction(var form):
            form.direction = Direction.allCases[index]
            return [.planning(.saveIndicator(form))]
        }
        return []
    }

    static func submitPlanning(_ step: PlanningPrompt, _ prompt: Prompt, _ state: inout AppState) -> [Effect] {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        func stay(_ message: String) -> [Effect] {
            state.status = StatusMessage(message, isError: true)
            state.modal = .prompt(prompt)
            return []
        }
        func ask(_ next: PlanningPrompt, _ text: String) {
            state.status = nil
            state.modal = .prompt(Prompt(kind: .planning(next), text: text))
        }
        switch step {
        case .indicatorName(var form):
            guard !text.isEmpty else { return stay(Strings.App.titleNeeded) }
            form.name = text
            openChoice(.targetKind(form), &state)
        case .indicatorTarget(var form):
            guard let target = try? form.kind.validate(text) else { return stay(Strings.App.targetRefused(text, kind: form.kind)) }
            form.target = target
            if form.measureUnit.isEmpty, case .number(_, let unit?) = Target(written: target) { form.measureUnit = unit }
            ask(.indicatorUnit(form), form.measureUnit)
        case .indicatorUnit(var form):
            form.measureUnit = text
            // A bare number ("80") is written with its unit ("80 %"), as the board's targets are,
            // so that the screen and the reports do not show the target without it.
            if !text.isEmpty, case .number(_, nil) = Target(written: form.target) { form.target += " " + text }
            openChoice(.periodicity(form), &state)
        case .startDate(let activity, let end):
            do { try EditRules.validateDate(text) } catch { return stay(EffectRunner.message(for: error)) }
            ask(.endDate(activity: activity, start: text), end)
        case .endDate(let activity, let start):
            do {
                try EditRules.validateActivityDates(start: start, end: text, year: state.plan?.ref.year ?? 0)
            } catch {
                return stay(EffectRunner.message(for: error))
            }
            return [.planning(.setDates(activity: activity, start: start, end: text))]
        case .newSection(let placement):
            guard !text.isEmpty else { return stay(Strings.App.titleNeeded) }
            return [.planning(.addSection(title: text, placement: placement, period: state.period))]
        case .renameSection(let id):
            guard !text.isEmpty else { return stay(Strings.App.titleNeeded) }
            return [.planning(.renameSection(id, title: text, period: state.period))]
        case .reopenReason(let period):
            guard !text.isEmpty else { return stay(Strings.App.reopenReasonNeeded) }
            return [.planning(.reopen(period, reason: text))]
        }
        return []
    }
}
