import Foundation
import PlanKit

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
    private enum Target {
        case none
        case field(GoalNode, TextField)
        case table(TableReader)
    }

    private let lines: [SourceLine]
    let joiner: TextJoiner
    private(set) var roots: [GoalNode] = []
    private(set) var warnings: [TextImportWarning] = []
    /// What was read but may be wrong (a number missing, a title's end guessed, a row's cells
    /// odd, an indicator's direction unsure): listed by `--dry-run`, never blocking an import.
    var doubts: [TextImportWarning] = []
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

    let classifier: LineClassifier
    /// Inside a chapter outside the cascade: its text belongs to no goal and is not reported.
    private var outsideChapter = false

    init(source: SourceText) {
        lines = source.lines
        joiner = TextJoiner(words: source.words)
        classifier = LineClassifier(contents: Set(source.contents))
    }

    private var currentGoal: GoalNode? {
        skippingGoal || outsideChapter ? nil : unitGoal ?? boardGoal ?? area ?? direction
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
            let kind = classifier.classify(line.text)
            if outsideChapter {
                if case .marker = kind {} else {
                    index += 1
                    continue
                }
            }
            switch kind {
            case .marker(let level, let number, let rest):
                index = startGoal(level, number: number, rest: rest, at: index)
                continue
            case .label(let field, let text, let inline):
                handleLabel(field, text: text, line: line)
                if !inline.isEmpty {
                    var rest = line
                    rest.text = inline
                    feed(rest)
                }
            case .indicatorHeader(let columns):
                handleHeader(.indicator(columns), line: line)
            case .activityHeader:
                handleHeader(.activity, line: line)
            case .chapterHeading:
                closeTarget()
                flushUnplacedRun()
                if firstMarkerLine != nil { outsideChapter = true }
            case .text:
                feed(line)
            }
            index += 1
        }
        closeTarget()
        flushUnplacedRun()
        resolveDirections()
        finishWarnings()
    }

    /// Decides each indicator's direction once its goal's texts are known (see
    /// `IndicatorDirectionRules`); a direction the document does not state is a doubt.
    private func resolveDirections() {
        for goal in roots.flatMap(\.allNodes) {
            for indicator in goal.indicators {
                let (direction, stated, warning) = IndicatorDirectionRules.decide(
                    name: indicator.name, target: indicator.target, councilTarget: indicator.councilTarget)
                indicator.direction = direction
                indicator.directionIsStated = stated
                if let warning { warn(indicator.line, warning) }
                if !stated { doubts.append(TextImportWarning(line: indicator.line, message: Strings.TextImport.directionUnsure(indicator.name))) }
            }
        }
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
    private func startGoal(_ level: GoalLevel, number markerNumber: String?, rest: String, at index: Int) -> Int {
        closeTarget()
        flushUnplacedRun()
        outsideChapter = false
        let marker = lines[index]
        if firstMarkerLine == nil { firstMarkerLine = marker.number }
        let reader = GoalTitleReader(lines: lines, joiner: joiner, classifier: classifier)
        let found = reader.read(level, rest: rest, marker: index)
        let cursor = found.next
        let titleLines = found.lines
        var title = joiner.singleLine(titleLines)
        var number = markerNumber
        if level == .councilDirection || level == .councilArea,
           let groups = Self.numberedTitle.groups(title) {
            number = number ?? groups[0]
            title = groups[1] ?? title
        }
        if titleLines.isEmpty { warn(marker.number, Strings.TextImport.goalWithoutTitle(level)) }
        if (level == .councilDirection || level == .councilArea) && number == nil {
            doubts.append(TextImportWarning(line: marker.number, message: Strings.TextImport.missingNumber(level)))
        }
        if found.guessedEnd {
            doubts.append(TextImportWarning(line: marker.number, message: Strings.TextImport.titleEndGuessed(Self.excerpt(title))))
        }
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
                                    warn: { [unowned self] line, message in warn(line, message) },
                                    doubt: { [unowned self] line, message in
                                        doubts.append(TextImportWarning(line: line, message: message))
                                    }))
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

    /// "1.3 Title", "1. Title": a KF goal's number before its title.
    private static let numberedTitle = Pattern(#"^([0-9]+(?:\.[0-9]+)*)\.?\s+(.+)$"#)
}
