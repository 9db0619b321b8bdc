import Foundation
import PlanKit

/// A value column of an indicator table, as its header names it.
enum IndicatorColumn: Equatable {
    case target          // Årsmål
    case councilTarget   // KF:s årsmål
    case other           // a column vp-tui does not keep (Utfall, Enhet …)
}

/// Reading indicator table rows. pdftotext flattens a row into one to four blocks: the name
/// (alone when it wraps, else followed on its first line by the values), the values (which may
/// wrap inside their narrow cells) and the periodicity. A row ends with its periodicity.
enum IndicatorRow {
    /// Periodicitet as written in the tables.
    static let periodicities: [String: Periodicity] = [
        "tertial": .tertial, "tertialvis": .tertial,
        "termin": .term, "terminsvis": .term,
        "halvår": .halfYear, "halvårsvis": .halfYear,
        "år": .year, "helår": .year, "årsvis": .year, "årligen": .year,
    ]
    /// Words that name a periodicity vp-tui has no value for; they end a row and are stored as År.
    static let unsupportedPeriodicities: Set<String> = ["månad", "månadsvis", "kvartal", "kvartalsvis", "vecka"]

    /// The columns of a header line such as "Indikator Årsmål KF:s årsmål Periodicitet".
    static func columns(ofHeader text: String) -> [IndicatorColumn] {
        var rest = text.lowercased()
        var columns: [IndicatorColumn] = []
        let names: [(String, IndicatorColumn?)] = [("kf:s årsmål", .councilTarget), ("årsmål", .target), ("periodicitet", nil),
                                                   ("indikator", nil), ("utfall", .other), ("enhet", .other)]
        while !rest.isEmpty {
            rest = rest.trimmingCharacters(in: .whitespaces)
            guard let (name, column) = names.first(where: { rest.hasPrefix($0.0) }) else {
                rest = String(rest.drop { $0 != " " })
                continue
            }
            if let column { columns.append(column) }
            rest.removeFirst(name.count)
        }
        return columns.isEmpty ? [.target, .councilTarget] : columns
    }

    /// The periodicity that ends a line, with the rest of the line. The word must end the line
    /// without wrapping and be capitalised as in a table cell, or stand alone on its line.
    static func periodicityEnding(_ line: SourceLine) -> (word: String, periodicity: Periodicity?, rest: String)? {
        guard !line.soft, !line.text.isEmpty else { return nil }
        let lastSpace = line.text.lastIndex(of: " ") ?? line.text.startIndex
        let word = line.text[lastSpace...].trimmingCharacters(in: .whitespaces)
        let alone = !line.text.contains(" ")
        guard let first = word.first, alone || first.isUppercase else { return nil }
        let key = word.lowercased()
        let rest = alone ? "" : String(line.text[..<lastSpace]).trimmingCharacters(in: .whitespaces)
        if let periodicity = periodicities[key] { return (word, periodicity, rest) }
        if unsupportedPeriodicities.contains(key) { return (word, nil, rest) }
        return nil
    }

    /// A row split into its name and values.
    struct Split {
        var name: [SourceLine]
        var values: [String]
        /// Blocks before the name that belong to no row.
        var extra: [[SourceLine]]
    }

    /// Splits a row (its blocks, the periodicity already removed) into name and values: the
    /// values are what follows the earliest point at which the rest of the row reads as at most
    /// `valueColumns` values, that point lying on the first line of a block or at a block's end.
    static func split(_ blocks: [[SourceLine]], valueColumns: Int, joiner: TextJoiner) -> Split? {
        let blocks = blocks.filter { !$0.isEmpty }
        for (index, block) in blocks.enumerated() {
            let firstTokens = tokens(block[0].text)
            let later = Array(blocks[(index + 1)...])
            if firstTokens.count > 1 {
                for cut in 1..<firstTokens.count {
                    let name = firstTokens[..<cut].joined(separator: " ")
                    guard isPlausibleName(name) else { continue }
                    var rest = block
                    rest[0].text = firstTokens[cut...].joined(separator: " ")
                    if let values = values(of: [rest] + later, maxCount: valueColumns) {
                        var nameLine = block[0]
                        nameLine.text = name
                        return Split(name: [nameLine], values: values, extra: Array(blocks[..<index]))
                    }
                }
            }
            guard isPlausibleName(joiner.singleLine(block)) else { continue }
            if let values = values(of: later, maxCount: valueColumns) {
                return Split(name: block, values: values, extra: Array(blocks[..<index]))
            }
        }
        return nil
    }

    /// A name has a word of at least two letters that is not a unit or a target word.
    private static func isPlausibleName(_ text: String) -> Bool {
        tokens(text).contains { token in
            token.filter(\.isLetter).count >= 2 && !units.contains(token.lowercased()) && valueStart(token) == nil
        }
    }

    static func tokens(_ text: String) -> [String] {
        text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }

    /// The tokens of value cells: a line that ends without wrapping in the middle of a word
    /// ("nämnd/styrel" + "se") is glued to the next one; otherwise lines and blocks are separate.
    /// `extraGlue` glues more line ends of the same kind (letter, then a lower-case letter), for
    /// texts whose line ends do not say whether they wrap.
    private static func valueTokens(_ blocks: [[SourceLine]], extraGlue: Set<Int> = []) -> [String] {
        var result: [String] = []
        var boundary = 0
        for block in blocks {
            var previous: SourceLine?
            for line in block where !line.isBlank {
                var lineTokens = tokens(line.text)
                // "livs-" + "medel": a word broken with a hyphen inside a narrow value cell.
                if let before = previous, before.text.hasSuffix("-"), before.text.dropLast().last?.isLetter == true,
                   let first = line.text.first, first.isLowercase, let token = result.last, !lineTokens.isEmpty {
                    result[result.count - 1] = String(token.dropLast()) + lineTokens.removeFirst()
                    result += lineTokens
                    previous = line
                    continue
                }
                if let before = previous, let last = before.text.last, last.isLetter, let first = line.text.first,
                   first.isLowercase, !result.isEmpty, !lineTokens.isEmpty {
                    if !before.soft || extraGlue.contains(boundary) {
                        result[result.count - 1] += lineTokens.removeFirst()
                    }
                    boundary += 1
                }
                result += lineTokens
                previous = line
            }
        }
        return result
    }

    /// The number of line ends inside cells that could be a word broken without a hyphen.
    private static func glueCandidates(_ blocks: [[SourceLine]]) -> Int {
        var count = 0
        for block in blocks {
            for (before, line) in zip(block, block.dropFirst()) where !before.isBlank && !line.isBlank {
                if let last = before.text.last, last.isLetter, let first = line.text.first, first.isLowercase { count += 1 }
            }
        }
        return count
    }

    private static func values(of blocks: [[SourceLine]], maxCount: Int) -> [String]? {
        let plain = valueTokens(blocks)
        if plain.isEmpty { return [] }
        if let parse = bestParse(plain, maxCount: maxCount) { return parse.map(\.text) }
        // Try gluing wrapped cell lines, fewest glues first (at most three such line ends).
        let candidates = min(glueCandidates(blocks), 3)
        guard candidates > 0 else { return nil }
        let subsets = (1..<(1 << candidates)).sorted { $0.nonzeroBitCount < $1.nonzeroBitCount }
        for mask in subsets {
            let glue = Set((0..<candidates).filter { mask & (1 << $0) != 0 })
            if let parse = bestParse(valueTokens(blocks, extraGlue: glue), maxCount: maxCount) { return parse.map(\.text) }
        }
        return nil
    }

    // MARK: The value grammar

    /// Units that may follow a number. Anything after "per" (or a unit written "kr/brukare")
    /// belongs to the unit up to the next value: "kg CO2 per kg livsmedel".
    static let units: Set<String> = ["%", "st", "st.", "kr", "kronor", "tkr", "mnkr", "mdkr", "kg", "g", "ton", "gwh", "mwh", "kwh",
                                     "twh", "dagar", "dag", "timmar", "tim", "minuter", "min", "veckor", "m2", "m²", "kvm",
                                     "procent", "procentenheter", "poäng", "p", "ggr", "gånger"]
    private static let directionWords: Set<String> = ["öka", "ökning", "minska", "minskning", "öka.", "minska."]
    private static let deferredStarts: Set<String> = ["fastställs", "fastställes", "tas"]
    private static let boundStarts: Set<String> = ["max", "max.", "högst", "minst", "lägst", "under", "över", "mindre", "fler"]

    enum ValueKind: Equatable { case number(unit: String?), dash, direction, text }

    struct Value: Equatable {
        var text: String
        var kind: ValueKind
    }

    /// What kind of value a token can start, if any.
    private static func valueStart(_ token: String) -> ValueKind? {
        let lower = token.lowercased()
        if token == "-" || token == "–" || token == "—" { return .dash }
        if directionWords.contains(lower) { return .direction }
        if deferredStarts.contains(lower) || boundStarts.contains(lower) { return .text }
        if isNumberToken(token) || token == "+/-" || token == "±" { return .number(unit: nil) }
        return nil
    }

    private static let numberToken = Pattern(#"^(\+/-|±|\+/−)?[−-]?(0|[1-9][0-9]*)([.,][0-9]+)?%?$"#)
    private static let deferredWord = Pattern(#"^([tT][0-9]|[0-9]{4}|i|under|senare|av|nämnden?|KF)$"#)
    private static let thousandsHead = Pattern(#"^[0-9]{1,3}$"#)
    private static let thousandsTail = Pattern(#"^[0-9]{3}([.,][0-9]+)?%?$"#)

    /// "16", "2,7", "+/-1", "90%", "-0,5".
    static func isNumberToken(_ token: String) -> Bool {
        numberToken.matches(token)
    }

    /// Every way the tokens read as a list of values.
    private static func parses(_ tokens: [String], from start: Int, maxCount: Int) -> [[Value]] {
        if start == tokens.count { return [[]] }
        guard maxCount > 0 else { return [] }
        var result: [[Value]] = []
        for (value, next) in alternatives(tokens, at: start) {
            for rest in parses(tokens, from: next, maxCount: maxCount - 1) { result.append([value] + rest) }
        }
        return result
    }

    /// The best reading: numbers that share their unit before numbers that do not (so "1 945 GWh"
    /// is one value, not "1" and "945 GWh"), then as many values as possible.
    static func bestParse(_ tokens: [String], maxCount: Int) -> [Value]? {
        let all = parses(tokens, from: 0, maxCount: maxCount)
        func consistent(_ values: [Value]) -> Bool {
            let units = values.compactMap { value -> String? in
                if case .number(let unit) = value.kind { return unit ?? "" }
                return nil
            }
            return Set(units).count <= 1
        }
        return all.max { lhs, rhs in
            (consistent(lhs) ? 1 : 0, lhs.count) < (consistent(rhs) ? 1 : 0, rhs.count)
        }
    }

    /// The values that can start at a token, with the index after each.
    private static func alternatives(_ tokens: [String], at start: Int) -> [(Value, Int)] {
        let token = tokens[start]
        let lower = token.lowercased()
        func written(_ end: Int) -> String { tokens[start..<end].joined(separator: " ") }
        switch valueStart(token) {
        case .dash:
            return [(Value(text: "-", kind: .dash), start + 1)]
        case .direction:
            return [(Value(text: token, kind: .direction), start + 1)]
        case .text:
            var end = start + 1
            if lower == "tas" {
                guard end < tokens.count, tokens[end].lowercased() == "fram" else { return [] }
                end += 1
                if end < tokens.count, tokens[end].lowercased() == "av" {
                    end += 1
                    if end < tokens.count, valueStart(tokens[end]) == nil { end += 1 }
                }
            } else if deferredStarts.contains(lower) {
                // "Fastställs t1", "Fastställs 2021", "Fastställs i T2".
                while end < tokens.count, end - start <= 3,
                      deferredWord.matches(tokens[end]) {
                    end += 1
                }
            } else {
                // "Max 10 personer": a bound, a number and one word.
                guard end < tokens.count, isNumberToken(tokens[end]) else { return [] }
                end += 1
                if end < tokens.count, valueStart(tokens[end]) == nil { end += 1 }
            }
            return [(Value(text: written(end), kind: .text), end)]
        case .number:
            var starts: [Int] = []
            var end = start + 1
            if token == "+/-" || token == "±" {
                guard end < tokens.count, isNumberToken(tokens[end]) else { return [] }
                end += 1
            }
            starts.append(end)
            // Thousands written with spaces: "9 000", "1 945".
            let digits = tokens[end - 1]
            if thousandsHead.matches(digits) {
                var cursor = end
                while cursor < tokens.count, thousandsTail.matches(tokens[cursor]) {
                    cursor += 1
                    starts.append(cursor)
                    if tokens[cursor - 1].contains(",") || tokens[cursor - 1].contains(".") || tokens[cursor - 1].hasSuffix("%") { break }
                }
            }
            return starts.map { numberEnd in
                let (unitEnd, unit) = unitAfter(tokens, at: numberEnd, numberToken: tokens[numberEnd - 1])
                return (Value(text: written(unitEnd), kind: .number(unit: unit)), unitEnd)
            }
        case nil:
            return []
        }
    }

    /// The unit after a number: a known unit word, "CO2", and "per …" up to the next value.
    private static func unitAfter(_ tokens: [String], at start: Int, numberToken: String) -> (Int, String?) {
        if numberToken.hasSuffix("%") { return (start, "%") }
        var end = start
        guard end < tokens.count else { return (end, nil) }
        let base = tokens[end].lowercased()
        let baseUnit = base.split(separator: "/").first.map(String.init) ?? base
        guard units.contains(baseUnit) else { return (end, nil) }
        end += 1
        if end < tokens.count, ["co2", "co2e", "co₂", "co₂e"].contains(tokens[end].lowercased()) { end += 1 }
        if end < tokens.count, tokens[end].lowercased() == "per" || tokens[end].hasPrefix("/") {
            end += 1
            while end < tokens.count, valueStart(tokens[end]) == nil { end += 1 }
        }
        return (end, tokens[start..<end].joined(separator: " "))
    }

    /// The unit of a value as written: "2,7 %" → "%", "+/-1 %" → "%", "1,5 kg CO2 per kg livsmedel"
    /// → "kg CO2 per kg livsmedel"; nil for a bare number or a text.
    static func measureUnit(of written: String?) -> String? {
        guard let written else { return nil }
        let parts = tokens(written)
        guard let value = bestParse(parts, maxCount: 1)?.first, case .number(let unit) = value.kind else { return nil }
        return unit
    }
}
