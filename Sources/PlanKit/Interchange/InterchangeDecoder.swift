import Foundation

/// Turns the bytes of an interchange file into records, with errors that say where.
enum InterchangeDecoder {
    static func decode(_ data: Data, file: String) throws -> InterchangeFile {
        guard String(data: data, encoding: .utf8) != nil else {
            throw ImportError(file: file, message: ImportMessages.notUTF8())
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
        do {
            return try JSONDecoder().decode(InterchangeFile.self, from: data)
        } catch let error as DecodingError {
            throw decodingError(error, file: file)
        }
    }

    private static func syntaxError(_ error: NSError, data: Data, file: String) -> ImportError {
        let detail = error.userInfo["NSDebugDescription"] as? String ?? error.localizedDescription
        if detail.contains("end of file") || detail.contains("Unexpected end") {
            let (line, column) = position(ofByte: data.count, in: data)
            return ImportError(file: file, line: line, column: column, message: ImportMessages.truncated())
        }
        var line: Int?
        var column: Int?
        if let range = detail.range(of: #"character (\d+)"#, options: .regularExpression),
           let offset = Int(detail[range].dropFirst("character ".count)) {
            (line, column) = position(ofByte: offset, in: data)
        }
        let reason: String
        if detail.contains("control character") {
            reason = "okodat styrtecken i en sträng"
        } else if detail.contains("Invalid value") || detail.contains("Unexpected character") {
            reason = "oväntat tecken"
        } else {
            reason = detail
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
            return ImportError(file: file, path: path(context.codingPath), message: ImportMessages.invalidValue(context.debugDescription))
        @unknown default:
            return ImportError(file: file, message: ImportMessages.invalidValue("\(error)"))
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "heltal"
        case is Double.Type: return "tal"
        case is Bool.Type: return "sant/falskt"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") ? "lista" : name.hasPrefix("Dictionary") ? "objekt" : "objekt"
        }
    }
}
