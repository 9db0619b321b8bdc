import Foundation

/// Turns the bytes of an interchange file into records, with errors that say where.
public enum InterchangeDecoder {
    public static func decode(_ data: Data, file: String) throws -> InterchangeFile {
        switch utf8Problem(in: data) {
        case .none: break
        case .cutShort:
            let (line, column) = position(ofByte: data.count, in: data)
            throw ImportError(file: file, line: line, column: column, message: ImportMessages.truncated())
        case .invalid(let offset):
            let (line, column) = position(ofByte: offset, in: data)
            throw ImportError(file: file, line: line, column: column, message: ImportMessages.notUTF8())
        }
        if data.allSatisfy(isWhitespace) {
            throw ImportError(file: file, message: ImportMessages.empty())
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw syntaxError(error as NSError, data: data, file: file)
        }
        // Read the header first, so that a file of a later version gets the right message
        // even where its structure has changed.
        guard let top = object as? [String: Any] else {
            throw ImportError(file: file, message: ImportMessages.notAnObject())
        }
        guard let format = top["format"] as? String else {
            throw ImportError(file: file, path: "format", message: ImportMessages.missingField("format"))
        }
        guard format == InterchangeFile.formatName else {
            throw ImportError(file: file, path: "format", message: ImportMessages.wrongFormat(format))
        }
        guard let version = top["version"] as? Int else {
            throw ImportError(file: file, path: "version", message: ImportMessages.missingField("version"))
        }
        guard version <= InterchangeFile.currentVersion else {
            throw ImportError(file: file, path: "version", message: ImportMessages.futureVersion(version))
        }
        guard version >= 1 else {
            throw ImportError(file: file, path: "version", message: ImportMessages.unknownVersion(version))
        }
        try checkValues(object, path: "", file: file)
        if let (offset, written, problem) = OutcomeDigits.firstProblem(in: data) {
            let (line, column) = position(ofByte: offset, in: data)
            throw ImportError(file: file, line: line, column: column,
                              message: problem == .tooManyDigits ? ImportMessages.inexactOutcome(written) : ImportMessages.outcomeOutOfRange(written))
        }
        do {
            return try JSONDecoder().decode(InterchangeFile.self, from: data)
        } catch let error as DecodingError {
            throw decodingError(error, file: file)
        }
    }

    private enum UTF8Problem {
        case invalid(offset: Int)
        /// The bytes end in the middle of a character: the file was cut short.
        case cutShort
    }

    /// The first byte that is not valid UTF-8, if any.
    private static func utf8Problem(in data: Data) -> UTF8Problem? {
        // The usual case, valid text, takes the fast path; only bad bytes are looked for one by one.
        if String(data: data, encoding: .utf8) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error:
                let rest = data.dropFirst(offset)
                if let lead = rest.first, rest.count < sequenceLength(lead),
                   rest.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) {
                    return .cutShort
                }
                return .invalid(offset: offset)
            }
        }
    }

    /// How many bytes a UTF-8 sequence starting with `lead` has (0 for a byte that cannot lead).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Whether the text stops inside a string, an object or a list: cut short rather than wrong.
    private static func endsEarly(_ data: Data) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return inString || depth > 0
    }

    /// Checks what the decoder below would lose or misreport: text with a NUL character (the
    /// database would cut the text there) and a year that is not a whole number (which the
    /// decoder reports without saying where).
    private static func checkValues(_ value: Any, path: String, file: String) throws {
        switch value {
        case let text as String:
            if text.unicodeScalars.contains("\u{0}") {
                throw ImportError(file: file, path: path, message: ImportMessages.nulCharacter())
            }
        case let list as [Any]:
            for (index, element) in list.enumerated() {
                try checkValues(element, path: "\(path)[\(index)]", file: file)
            }
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                let element = object[key]!
                if key == "year", element is NSNumber, element as? Int == nil {
                    throw ImportError(file: file, path: child, message: ImportMessages.wrongType("heltal"))
                }
                try checkValues(element, path: child, file: file)
            }
        default:
            break
        }
    }

    private static func syntaxError(_ error: NSError, data: Data, file: String) -> ImportError {
        // Read for the kind of error and its place, never shown.
        let detail = error.userInfo["NSDebugDescription"] as? String ?? error.localizedDescription
        var line: Int?
        var column: Int?
        if let range = detail.range(of: #"(character|at) (\d+)"#, options: .regularExpression),
           let offset = Int(detail[range].split(separator: " ").last ?? "") {
            (line, column) = position(ofByte: offset, in: data)
        }
        let cutShort = detail.contains("end of file") || detail.contains("Unexpected end") || (line == nil && column == nil)
        if cutShort && endsEarly(data) && !detail.contains("surrogate") {
            let (line, column) = position(ofByte: data.count, in: data)
            return ImportError(file: file, line: line, column: column, message: ImportMessages.truncated())
        }
        let reason: String
        if detail.contains("control character") {
            reason = "okodat styrtecken i en sträng"
        } else if detail.contains("surrogate") || detail.contains("hex") {
            reason = "ogiltig \\u-kod i en sträng"
        } else if detail.contains("escape") {
            reason = "ogiltig \\-sekvens i en sträng"
        } else if detail.contains("not representable") {
            reason = "ett tal är för stort"
        } else if detail.contains("leading zero") {
            reason = "ett tal börjar med en nolla"
        } else if detail.contains("Too many nested") {
            reason = "för många listor eller objekt i varandra"
        } else if detail.contains("did not start with array or object") {
            return ImportError(file: file, message: ImportMessages.notAnObject())
        } else if detail.contains("Invalid value") || detail.contains("Unexpected character") {
            reason = "oväntat tecken"
        } else if detail.contains("end of file") {
            reason = "ett ogiltigt ord eller värde"
        } else {
            // Foundation's own words are English: only what they are about is said.
            reason = "ett fel i filens JSON"
        }
        return ImportError(file: file, line: line, column: column, message: ImportMessages.malformed(reason))
    }

    /// Line and column (both from 1) of a byte offset.
    static func position(ofByte offset: Int, in data: Data) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private static func decodingError(_ error: DecodingError, file: String) -> ImportError {
        func path(_ codingPath: [CodingKey], appending key: CodingKey? = nil) -> String {
            var text = ""
            for key in codingPath + (key.map { [$0] } ?? []) {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ImportError(file: file, path: path(context.codingPath, appending: key), message: ImportMessages.missingField(key.stringValue))
        case .typeMismatch(let type, let context):
            return ImportError(file: file, path: path(context.codingPath), message: ImportMessages.wrongType(typeName(type)))
        case .valueNotFound(let type, let context):
            return ImportError(file: file, path: path(context.codingPath), message: ImportMessages.wrongType(typeName(type)))
        case .dataCorrupted(let context):
            // "Cannot initialize Periodicity from invalid String value kvartal"
            let description = context.debugDescription
            if let typeRange = description.range(of: #"^Cannot initialize \w+ from invalid String value "#, options: .regularExpression) {
                let typeName = description[typeRange].split(separator: " ")[2]
                let value = String(description[typeRange.upperBound...])
                return ImportError(file: file, path: path(context.codingPath),
                                   message: ImportMessages.notAllowed(value, allowed: allowedValues[String(typeName)] ?? []))
            }
            return ImportError(file: file, path: path(context.codingPath), message: ImportMessages.invalidValue())
        @unknown default:
            return ImportError(file: file, message: ImportMessages.invalidValue())
        }
    }

    /// The values each enumeration of the format allows, by type name.
    private static let allowedValues: [String: [String]] = [
        "\(GoalLevel.self)": GoalLevel.allCases.map(\.rawValue),
        "\(OrganisationKind.self)": OrganisationKind.allCases.map(\.rawValue),
        "\(ReportPeriod.self)": ReportPeriod.allCases.map(\.rawValue),
        "\(ActivityStatus.self)": ActivityStatus.allCases.map(\.rawValue),
        "\(Periodicity.self)": Periodicity.allCases.map(\.rawValue),
        "\(Direction.self)": Direction.allCases.map(\.rawValue),
        "\(Consolidation.self)": Consolidation.allCases.map(\.rawValue),
        "\(SectionPlacement.self)": [SectionPlacement.beforeGoals, .afterGoals].map(\.rawValue),
        "\(RatingRecord.self)": [RatingRecord.fully, .partly, .not, .none].map(\.rawValue),
    ]

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "heltal"
        case is Double.Type, is Decimal.Type: return "tal"
        case is Bool.Type: return "sant/falskt"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") ? "lista" : name.hasPrefix("Dictionary") ? "objekt" : "objekt"
        }
    }
}
