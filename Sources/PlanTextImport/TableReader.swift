import Foundation
import PlanKit

/// Reads the rows of one table, block by block (blocks are separated by blank lines).
final class TableReader {
    enum Kind {
        case indicator([IndicatorColumn])
        case activity

        func sameKind(as other: Kind) -> Bool {
            switch (self, other) {
            case (.indicator, .indicator), (.activity, .activity): return true
            default: return false
            }
        }
    }

    let kind: Kind
    let goal: GoalNode
    private let joiner: TextJoiner
    private let unplace: ([SourceLine]) -> Void
    private let warn: (Int, String) -> Void
    private let doubt: (Int, String) -> Void
    private var block: [SourceLine] = []
    /// Blocks of a row whose end (the dates, the periodicity) has not come yet.
    private var pending: [[SourceLine]] = []
    private var afterRepeatedHeader = false
    private var commentNext = false
    private var lastIndicator: IndicatorNode?
    private var lastActivity: ActivityNode?
    private var lastActivityWraps = false

    init(kind: Kind, goal: GoalNode, joiner: TextJoiner, unplace: @escaping ([SourceLine]) -> Void,
         warn: @escaping (Int, String) -> Void, doubt: @escaping (Int, String) -> Void) {
        self.kind = kind
        self.goal = goal
        self.joiner = joiner
        self.unplace = unplace
        self.warn = warn
        self.doubt = doubt
    }

    /// A line that starts a new page starts a new block: pdftotext puts the next page's first
    /// line right under the last row's dates.
    func add(_ line: SourceLine) {
        if line.breakBefore { endBlock() }
        block.append(line)
        // A row ends with its dates or its periodicity, also when no blank line follows.
        switch kind {
        case .activity where line.text.endsInDigit && Self.datesPattern.matches(line.text): endBlock()
        case .indicator where IndicatorRow.periodicityEnding(line) != nil: endBlock()
        default: break
        }
    }

    func endBlock() {
        guard !block.isEmpty else { return }
        let taken = block
        block = []
        take(taken)
    }

    func repeatedHeader() {
        endBlock()
        afterRepeatedHeader = true
    }

    func takesComment() -> Bool {
        endBlock()
        if case .indicator = kind { return lastIndicator != nil && pending.isEmpty }
        return false
    }

    func expectComment() { commentNext = true }

    func finish() {
        endBlock()
        pending.forEach(unplace)
        pending = []
    }

    private func take(_ block: [SourceLine]) {
        defer { afterRepeatedHeader = false }
        if commentNext, let indicator = lastIndicator {
            commentNext = false
            indicator.comment = joiner.text(block, hardBreakEndsParagraph: true)
            indicator.lastLine = block.last?.number ?? indicator.lastLine
            return
        }
        switch kind {
        case .activity: takeActivity(block)
        case .indicator(let columns): takeIndicator(block, columns: columns)
        }
    }

    // MARK: Activities

    private static let datesPattern = Pattern(#"^(.*?) ?([0-9]{4}-[0-9]{2}-[0-9]{2})(?: ?[–-]? ?([0-9]{4}-[0-9]{2}-[0-9]{2}))?$"#)

    private func takeActivity(_ block: [SourceLine]) {
        guard let last = block.last else { return }
        let dates = Self.datesPattern.groups(last.text)
        // A cell that went on after a page break: "… kring" | header | "personal- och …".
        // A title never starts in lower case, and a finished one ends with its sentence.
        if dates == nil, afterRepeatedHeader, pending.isEmpty, let activity = lastActivity,
           lastActivityWraps || !(activity.title.last.map { ".!?".contains($0) } ?? true),
           let first = block.first?.text.first, first.isLowercase {
            activity.title += " " + joiner.singleLine(block)
            activity.lastLine = last.number
            lastActivityWraps = last.soft
            return
        }
        guard let dates else {
            pending.append(block)
            if pending.count > 1 { unplace(pending.removeFirst()) }
            return
        }
        var textLines = Array(block.dropLast())
        if let before = dates[0], !before.isEmpty {
            var line = last
            line.text = before
            textLines.append(line)
        }
        var titleBlocks = pending + (textLines.isEmpty ? [] : [textLines])
        pending = []
        // A title cut by a page break and a repeated header goes on in lower case: one title.
        if titleBlocks.count >= 2, let first = titleBlocks.last?.first?.text.first, first.isLowercase {
            let tail = titleBlocks.removeLast()
            titleBlocks[titleBlocks.count - 1] += tail
        }
        guard let titleBlock = titleBlocks.popLast(), let first = titleBlock.first else {
            warn(last.number, Strings.TextImport.datesWithoutActivity(last.text))
            return
        }
        titleBlocks.forEach(unplace)
        var start = dates[1]
        var end = dates[2]
        if end == nil, let only = start { warn(last.number, Strings.TextImport.singleDate(only)) }
        for date in [start, end].compactMap({ $0 }) where (try? EditRules.validateDate(date)) == nil {
            warn(last.number, Strings.TextImport.invalidDate(date))
            if date == start { start = nil } else { end = nil }
        }
        let activity = ActivityNode(line: first.number, lastLine: last.number, title: joiner.singleLine(titleBlock),
                                    start: start, end: end)
        goal.activities.append(activity)
        lastActivity = activity
        lastActivityWraps = titleBlock.last?.soft ?? false
    }

    // MARK: Indicators

    /// A row whose cells the converter kept apart with tabs: name, one cell per value column
    /// (an empty cell is an empty value), the periodicity last. Returns false for other lines.
    private func takeIndicatorCells(_ block: [SourceLine], columns: [IndicatorColumn]) -> Bool {
        guard pending.isEmpty, block.count == 1, let line = block.first, let cells = line.cells, cells.count >= 3,
              let last = cells.last, let periodicity = IndicatorRow.periodicities[last.lowercased()]
                ?? (IndicatorRow.unsupportedPeriodicities.contains(last.lowercased()) ? Periodicity.year : nil) else { return false }
        let name = cells[0]
        guard !name.isEmpty else { return false }
        let values = cells[1..<(cells.count - 1)].map { $0.isEmpty || $0 == "-" ? nil : Optional($0) }
        if values.count != columns.count {
            doubt(line.number, Strings.TextImport.oddCells(values.count, expected: columns.count))
        }
        if IndicatorRow.periodicities[last.lowercased()] == nil { warn(line.number, Strings.TextImport.periodicityUnknown(last)) }
        var target: String?
        var councilTarget: String?
        for (column, value) in zip(columns, values) {
            switch column {
            case .target: target = value
            case .councilTarget: councilTarget = value
            case .other: break
            }
        }
        let indicator = IndicatorNode(line: line.number, lastLine: line.number, name: name, target: target,
                                      councilTarget: councilTarget, periodicity: periodicity, direction: .higherIsBetter)
        goal.indicators.append(indicator)
        lastIndicator = indicator
        return true
    }

    private func takeIndicator(_ block: [SourceLine], columns: [IndicatorColumn]) {
        if takeIndicatorCells(block, columns: columns) { return }
        guard let last = block.last, let ending = IndicatorRow.periodicityEnding(last) else {
            pending.append(block)
            // A row has at most a name, one block per value and the periodicity.
            if pending.count > columns.count + 2 { unplace(pending.removeFirst()) }
            return
        }
        var blocks = pending + [block]
        pending = []
        var lastBlock = blocks.removeLast()
        if ending.rest.isEmpty {
            lastBlock.removeLast()
        } else {
            lastBlock[lastBlock.count - 1].text = ending.rest
        }
        if !lastBlock.isEmpty { blocks.append(lastBlock) }
        let firstLine = blocks.first?.first?.number ?? last.number
        guard let split = IndicatorRow.split(blocks, valueColumns: columns.count, joiner: joiner) else {
            let text = joiner.singleLine(blocks.flatMap { $0 })
            warn(firstLine, Strings.TextImport.indicatorRowUnreadable(TextPlanParser.excerpt(text + " " + ending.word)))
            return
        }
        split.extra.forEach(unplace)
        let name = joiner.singleLine(split.name)
        var target: String?
        var councilTarget: String?
        let values = split.values.map { $0 == "-" ? nil : $0 }
        if values.count == 1, columns.count > 1, columns.contains(.target), columns.contains(.councilTarget), let value = values[0] {
            // One value in two columns: a target to be set later is KF's ("Fastställs t1",
            // "Tas fram av nämnd"); anything else is the Årsmål.
            let lower = value.lowercased()
            if lower.hasPrefix("fastställ") || lower.hasPrefix("tas fram") {
                councilTarget = value
            } else {
                target = value
                if goal.level == .councilDirection || goal.level == .councilArea {
                    warn(split.name.first?.number ?? firstLine, Strings.TextImport.singleValueAmbiguous(value))
                }
            }
        } else {
            for (column, value) in zip(columns, values) {
                switch column {
                case .target: target = value
                case .councilTarget: councilTarget = value
                case .other: break
                }
            }
        }
        let periodicity: Periodicity
        if let known = ending.periodicity {
            periodicity = known
        } else {
            periodicity = .year
            warn(last.number, Strings.TextImport.periodicityUnknown(ending.word))
        }
        let indicator = IndicatorNode(line: split.name.first?.number ?? firstLine, lastLine: last.number, name: name,
                                      target: target, councilTarget: councilTarget, periodicity: periodicity,
                                      direction: .higherIsBetter)
        goal.indicators.append(indicator)
        lastIndicator = indicator
    }
}
