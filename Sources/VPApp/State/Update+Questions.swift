import PlanKit

/// A question is read alone: when the app asks one (a line to type in the status line, a j/n
/// question, a list to choose from), the message the status line held before goes, so that an
/// old message is not read as part of the question, nor comes back once it is answered.
extension Update {
    /// Takes the status message away when `state` asks a question other than `before`, unless
    /// the same key or message said it (`said` is the message before it).
    static func forgetStatusOnQuestion(before: Question?, said: StatusMessage?, _ state: inout AppState) {
        guard state.status != nil, state.status == said, let now = Question(state.modal), now != before else { return }
        state.status = nil
    }
}

/// What an open modal asks, apart from what has been typed or chosen in it so far: typing into
/// a prompt or moving in a list asks nothing new, its next step does. Made without a copy of an
/// open editor, whose text must keep one owner (see `Update.handleEditorKey`).
enum Question: Equatable {
    case prompt(Prompt.Kind)
    case picker(Picker.Kind)
    case confirmDelete(item: String)
    case confirmStart(StartRequest)
    case draftFound
    case conflict
    case yearConfirm(YearModal)
    case yearList(YearList.Kind)

    /// nil: no modal, or the editor, which asks nothing.
    init?(_ modal: Modal?) {
        switch modal {
        case nil, .editor?: return nil
        case .prompt(let prompt)?: self = .prompt(prompt.kind)
        case .picker(let picker)?: self = .picker(picker.kind)
        case .confirmDelete(let item)?: self = .confirmDelete(item: item)
        case .confirmStart(let request)?: self = .confirmStart(request)
        case .draftFound?: self = .draftFound
        case .conflict?: self = .conflict
        case .year(.list(let list))?: self = .yearList(list.kind)
        case .year(let year)?: self = .yearConfirm(year)
        }
    }
}
