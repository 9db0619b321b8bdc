import Foundation
import PlanKit

/// A goal while the text is being read.
final class GoalNode {
    let level: GoalLevel
    let line: Int
    var titleLastLine: Int
    var number: String?
    var title: String
    var fields: [TextField: [TextJoiner.Paragraph]] = [:]
    /// The description so far came without a "Beskrivning" label (text right after the title).
    var implicitDescription = false
    /// The order (see `TextPlanParser.fieldOrder`) of the last field a label opened.
    var lastFieldOrder = -1
    var indicators: [IndicatorNode] = []
    var activities: [ActivityNode] = []
    var children: [GoalNode] = []

    init(level: GoalLevel, line: Int, titleLastLine: Int, number: String?, title: String) {
        self.level = level
        self.line = line
        self.titleLastLine = titleLastLine
        self.number = number
        self.title = title
    }

    /// The last line of the text that went into this goal or anything below it.
    var lastLine: Int {
        let fieldEnd = fields.values.flatMap { $0 }.map(\.lastLine).max() ?? 0
        return max(titleLastLine, fieldEnd, indicators.map(\.lastLine).max() ?? 0, activities.map(\.lastLine).max() ?? 0,
                   children.map(\.lastLine).max() ?? 0)
    }
}

final class IndicatorNode {
    let line: Int
    var lastLine: Int
    var name: String
    var target: String?
    var councilTarget: String?
    var periodicity: Periodicity
    var direction: Direction
    var comment: String?

    init(line: Int, lastLine: Int, name: String, target: String?, councilTarget: String?, periodicity: Periodicity,
         direction: Direction) {
        self.line = line
        self.lastLine = lastLine
        self.name = name
        self.target = target
        self.councilTarget = councilTarget
        self.periodicity = periodicity
        self.direction = direction
    }
}

final class ActivityNode {
    let line: Int
    var lastLine: Int
    var title: String
    var start: String?
    var end: String?

    init(line: Int, lastLine: Int, title: String, start: String?, end: String?) {
        self.line = line
        self.lastLine = lastLine
        self.title = title
        self.start = start
        self.end = end
    }
}

/// Reads the goal cascade out of a document's lines, driven by its structure only:
///
/// - markers start goals: "KF:s inriktningsmål:", "KF:s mål för verksamhetsområdet:", "Nämndmål:",
///   "Enhetsmål:" (the title on the same line or the next); each level must sit under the one above;
/// - labels on a line of their own open a goal's text field: "Beskrivning", "Förväntat resultat",
///   "Arbetssätt", "Resursanvändning", "Uppföljning", "Utveckling", "Kommentar"; the text right after
///   a KF goal's title is its description;
/// - table headers "Indikator … Periodicitet" and "Aktivitet Startdatum Slutdatum" open tables of
///   the goal above; a repeated header (a new page) continues the table;
/// - text that fits nowhere between the first and the last goal becomes a warning; text before the
///   first goal and after the last one is the rest of the document and is left alone.
final class TextPlanParser {
    enum LineKind: Equatable {
        case marker(GoalLevel, rest: String)
        /// A field label; nil for a label vp-tui does not keep ("Analys").
        case label(TextField?, text: String)
        case indicatorHeader([IndicatorColumn])
        case activityHeader
        case text
    }

    private enum Target {
        case none
        case field(GoalNode, TextField)
        case table(TableReader)
    }

    private let lines: [SourceLine]
    let joiner: TextJoiner
    private(set) var roots: [GoalNode] = []
    private(set) var warnings: [TextImportWarning] = []
    private(set) var firstMarkerLine: Int?

    private var direction: GoalNode?
    private var area: GoalNode?
    private var boardGoal: GoalNode?
    private var unitGoal: GoalNode?
    /// Inside a goal that could not be placed: what follows it goes nowhere until the next marker.
    private var skippingGoal = false
    private var target: Target = .none
    private var fieldLines: [SourceLine] = []
    private var lastField: (GoalNode, TextField)?
    private var unplaced: [[SourceLine]] = []
    private var unplacedRun: [SourceLine] = []
    /// Warnings about text that may turn out to be the rest of the document after the last goal.
    private var conditionalWarnings: [TextImportWarning] = []

    init(source: SourceText) {
        lines = source.lines
        joiner = TextJoiner(words: source.words)
    }

    private var currentGoal: GoalNode? {
        skippingGoal ? nil : unitGoal ?? boardGoal ?? area ?? direction
    }

    // MARK: Reading

    func run() {
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                feedBlank(line)
                index += 1
                continue
            }
            switch Self.classify(line.text) {
            case .marker(let level, let rest):
                index = startGoal(level, rest: rest, at: index)
                continue
            case .label(let field, let text):
                handleLabel(field, text: text, line: line)
            case .indicatorHeader(let columns):
                handleHeader(.indicator(columns), line: line)
            case .activityHeader:
                handleHeader(.activity, line: line)
            case .text:
                feed(line)
            }
            index += 1
        }
        closeTarget()
        flushUnplacedRun()
        finishWarnings()
    }

    static let markers: [(String, GoalLevel)] = [
        ("KF:s inriktningsmål", .councilDirection), ("KF:s mål för verksamhetsområdet", .councilArea),
        ("Nämndmål", .boardGoal), ("Enhetsmål", .unitGoal),
    ]
    static let labels: [String: TextField?] = [
        "beskrivning": .description, "förväntat resultat": .expectedResult, "förväntade resultat": .expectedResult,
        "arbetssätt": .method, "resursanvändning": .resources, "uppföljning": .followUp, "utveckling": .development,
        "kommentar": .comment, "analys": nil,
    ]

    static func classify(_ text: String) -> LineKind {
        let lower = text.lowercased()
        for (word, level) in markers where lower.hasPrefix(word.lowercased()) {
            let rest = text.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            if rest.isEmpty { return .marker(level, rest: "") }
            if rest.hasPrefix(":") { return .marker(level, rest: rest.dropFirst().trimmingCharacters(in: .whitespaces)) }
        }
        var key = lower
        if key.hasSuffix(":") { key.removeLast() }
        if let field = labels[key.trimmingCharacters(in: .whitespaces)] { return .label(field, text: text) }
        if lower.hasPrefix("indikator"), lower.contains("periodicitet") || lower.contains("årsmål") {
            return .indicatorHeader(IndicatorRow.columns(ofHeader: text))
        }
        if lower.hasPrefix("aktivitet"), lower.contains("startdatum") { return .activityHeader }
        return .text
    }

    private func feed(_ line: SourceLine) {
        switch target {
        case .none: unplacedRun.append(line)
        case .field: fieldLines.append(line)
        case .table(let table): table.add(line)
        }
    }

    private func feedBlank(_ line: SourceLine) {
        switch target {
        case .none: flushUnplacedRun()
        case .field: fieldLines.append(line)
        case .table(let table): table.endBlock()
        }
    }

    private func flushUnplacedRun() {
        if !unplacedRun.isEmpty { unplaced.append(unplacedRun) }
        unplacedRun = []
    }

    private func warn(_ line: Int, _ message: String) {
        warnings.append(TextImportWarning(line: line, message: message))
    }

    // MARK: Goals

    /// Reads a goal's marker and title; returns the index of the first line after the title.
    private func startGoal(_ level: GoalLevel, rest: String, at index: Int) -> Int {
        closeTarget()
        flushUnplacedRun()
        let marker = lines[index]
        if firstMarkerLine == nil { firstMarkerLine = marker.number }
        var titleLines: [SourceLine] = []
        var cursor = index + 1
        if !rest.isEmpty {
            var first = marker
            first.text = rest
            titleLines = [first]
        } else {
            var blanks = 0
            while cursor < lines.count, lines[cursor].isBlank, blanks < 2 {
                cursor += 1
                blanks += 1
            }
            if cursor < lines.count, !lines[cursor].isBlank, Self.classify(lines[cursor].text) == .text {
                titleLines = [lines[cursor]]
                cursor += 1
            }
        }
        func isTitleText(_ line: SourceLine) -> Bool { !line.isBlank && Self.classify(line.text) == .text }
        while let last = titleLines.last, last.soft, cursor < lines.count, isTitleText(lines[cursor]) {
            titleLines.append(lines[cursor])
            cursor += 1
        }
        // A board or unit goal's title is its whole first block: a description comes after a label.
        if level == .boardGoal || level == .unitGoal {
            while !titleLines.isEmpty, cursor < lines.count, isTitleText(lines[cursor]), !lines[cursor].breakBefore,
                  joiner.singleLine(titleLines).count < 400 {
                titleLines.append(lines[cursor])
                cursor += 1
            }
        }
        var title = joiner.singleLine(titleLines)
        var number: String?
        if level == .councilDirection || level == .councilArea,
           let groups = Self.groups(#"^([0-9]+(?:\.[0-9]+)*)\.?\s+(.+)$"#, title) {
            number = groups[0]
            title = groups[1] ?? title
        }
        if titleLines.isEmpty { warn(marker.number, Strings.TextImport.goalWithoutTitle(level)) }
        let node = GoalNode(level: level, line: marker.number, titleLastLine: titleLines.last?.number ?? marker.number,
                            number: number, title: title)
        var placed = true
        switch level {
        case .councilDirection:
            roots.append(node)
            direction = node
            area = nil
            boardGoal = nil
            unitGoal = nil
        case .councilArea:
            if let direction {
                direction.children.append(node)
                area = node
                if let number, let parentNumber = direction.number, number.split(separator: ".").first.map(String.init) != parentNumber {
                    warn(marker.number, Strings.TextImport.numberMismatch(area: number, direction: parentNumber))
                }
            } else {
                placed = false
                area = nil
            }
            boardGoal = nil
            unitGoal = nil
        case .boardGoal:
            if let area {
                area.children.append(node)
                boardGoal = node
            } else {
                placed = false
                boardGoal = nil
            }
            unitGoal = nil
        case .unitGoal:
            if let boardGoal {
                boardGoal.children.append(node)
                unitGoal = node
            } else {
                placed = false
                unitGoal = nil
            }
        }
        if placed {
            skippingGoal = false
            node.implicitDescription = true
            target = .field(node, .description)
        } else {
            skippingGoal = true
            warn(marker.number, Strings.TextImport.goalWithoutParent(level))
        }
        return cursor
    }

    /// The order in which a goal's fields follow each other in the documents.
    static func fieldOrder(_ field: TextField) -> Int {
        switch field {
        case .title: return -1
        case .description: return 0
        case .expectedResult: return 1
        case .method: return 2
        case .resources: return 3
        case .followUp: return 4
        case .development: return 5
        case .comment: return 6
        }
    }

    /// Fields written as running prose, where a line end without wrapping ends a paragraph.
    static func isProse(_ field: TextField) -> Bool { field == .description || field == .comment }

    static func allowedFields(_ level: GoalLevel) -> Set<TextField> {
        switch level {
        case .councilDirection, .councilArea, .boardGoal: return [.description, .expectedResult, .comment]
        case .unitGoal: return [.description, .expectedResult, .method, .resources, .followUp, .development, .comment]
        }
    }

    private func handleLabel(_ field: TextField?, text: String, line: SourceLine) {
        // "Kommentar" right after an indicator row is that indicator's comment.
        if field == .comment, case .table(let table) = target, table.takesComment() {
            table.expectComment()
            return
        }
        closeTarget()
        guard let goal = currentGoal else {
            if !skippingGoal, firstMarkerLine != nil {
                conditionalWarnings.append(TextImportWarning(line: line.number, message: Strings.TextImport.labelOutsideGoal(text)))
            }
            return
        }
        guard let field else {
            // A follow-up label ("Analys"): its text is not part of a plan.
            conditionalWarnings.append(TextImportWarning(line: line.number, message: Strings.TextImport.followUpLabelSkipped(text)))
            return
        }
        let repeated = goal.fields[field] != nil && !(field == .description && goal.implicitDescription)
        let order = Self.fieldOrder(field)
        guard Self.allowedFields(goal.level).contains(field), !repeated, order >= goal.lastFieldOrder else {
            // Not this goal's label: the goal's text has ended, and a heading just before this
            // label belongs to what follows, not to the goal.
            stripTrailingHeading()
            conditionalWarnings.append(TextImportWarning(line: line.number, message: Strings.TextImport.labelEndsGoal(text)))
            return
        }
        if field == .description { goal.implicitDescription = false }
        goal.lastFieldOrder = order
        target = .field(goal, field)
    }

    private func stripTrailingHeading() {
        guard let (node, field) = lastField, var paragraphs = node.fields[field], paragraphs.count > 1,
              let last = paragraphs.last, last.isHeadingLike else { return }
        paragraphs.removeLast()
        node.fields[field] = paragraphs
        unplaced.append([SourceLine(number: last.firstLine, text: last.text, soft: false, breakBefore: false,
                                    isBullet: false, softHyphen: false)])
    }

    private func handleHeader(_ kind: TableReader.Kind, line: SourceLine) {
        if case .table(let table) = target, table.kind.sameKind(as: kind), table.goal === currentGoal {
            table.repeatedHeader()
            return
        }
        closeTarget()
        flushUnplacedRun()
        guard let goal = currentGoal else {
            if firstMarkerLine != nil {
                conditionalWarnings.append(TextImportWarning(line: line.number, message: Strings.TextImport.tableOutsideGoal()))
            }
            return
        }
        target = .table(TableReader(kind: kind, goal: goal, joiner: joiner,
                                    unplace: { [unowned self] block in unplaced.append(block) },
                                    warn: { [unowned self] line, message in warn(line, message) }))
    }

    private func closeTarget() {
        switch target {
        case .none:
            break
        case .field(let node, let field):
            let paragraphs = joiner.paragraphs(fieldLines, hardBreakEndsParagraph: Self.isProse(field))
            if !paragraphs.isEmpty {
                node.fields[field, default: []] += paragraphs
                lastField = (node, field)
            }
        case .table(let table):
            table.finish()
        }
        fieldLines = []
        target = .none
    }

    // MARK: Warnings

    private func finishWarnings() {
        let lastPlaced = roots.map(\.lastLine).max() ?? 0
        let first = firstMarkerLine ?? Int.max
        func inside(_ line: Int) -> Bool { line > first && line < lastPlaced }
        for block in unplaced {
            guard let line = block.first?.number, inside(line) else { continue }
            warn(line, Strings.TextImport.unplacedText(Self.excerpt(joiner.singleLine(block))))
        }
        warnings += conditionalWarnings.filter { inside($0.line) }
        warnings.sort { ($0.line, $0.message) < ($1.line, $1.message) }
    }

    static func excerpt(_ text: String, length: Int = 70) -> String {
        text.count <= length ? text : String(text.prefix(length)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// The capture groups of a regular expression's first match, or nil.
    static func groups(_ pattern: String, _ text: String) -> [String?]? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
    }
}

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
    private var block: [SourceLine] = []
    /// Blocks of a row whose end (the dates, the periodicity) has not come yet.
    private var pending: [[SourceLine]] = []
    private var afterRepeatedHeader = false
    private var commentNext = false
    private var lastIndicator: IndicatorNode?
    private var lastActivity: ActivityNode?
    private var lastActivityWraps = false

    init(kind: Kind, goal: GoalNode, joiner: TextJoiner, unplace: @escaping ([SourceLine]) -> Void,
         warn: @escaping (Int, String) -> Void) {
        self.kind = kind
        self.goal = goal
        self.joiner = joiner
        self.unplace = unplace
        self.warn = warn
    }

    /// A line that starts a new page starts a new block: pdftotext puts the next page's first
    /// line right under the last row's dates.
    func add(_ line: SourceLine) {
        if line.breakBefore { endBlock() }
        block.append(line)
        // A row ends with its dates or its periodicity, also when no blank line follows.
        switch kind {
        case .activity where TextPlanParser.groups(Self.datesPattern, line.text) != nil: endBlock()
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

    private static let datesPattern = #"^(.*?) ?([0-9]{4}-[0-9]{2}-[0-9]{2})(?: ?[–-]? ?([0-9]{4}-[0-9]{2}-[0-9]{2}))?$"#

    private func takeActivity(_ block: [SourceLine]) {
        guard let last = block.last else { return }
        let dates = TextPlanParser.groups(Self.datesPattern, last.text)
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

    private func takeIndicator(_ block: [SourceLine], columns: [IndicatorColumn]) {
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
        let (direction, doubt) = IndicatorDirectionRules.decide(name: name, target: target, councilTarget: councilTarget)
        if let doubt { warn(split.name.first?.number ?? firstLine, doubt) }
        let indicator = IndicatorNode(line: split.name.first?.number ?? firstLine, lastLine: last.number, name: name,
                                      target: target, councilTarget: councilTarget, periodicity: periodicity,
                                      direction: direction)
        goal.indicators.append(indicator)
        lastIndicator = indicator
    }
}
