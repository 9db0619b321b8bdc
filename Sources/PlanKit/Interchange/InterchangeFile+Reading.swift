import Foundation

extension InterchangeFile {
    /// Reads and decodes the files to import, each named by its path; a missing or malformed
    /// file is refused (`ImportError`) before anything is imported.
    public static func reading(_ paths: [String]) throws -> [(String, InterchangeFile)] {
        try paths.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ImportError(file: path, message: ImportMessages.fileMissing())
            }
            return (path, try InterchangeDecoder.decode(data, file: path))
        }
    }

    /// The boards' years whose cascades or plans the file holds: what importing it changes
    /// besides the organisation tree.
    public var boardYears: Set<BoardYear> {
        Set((cascades ?? []).map { BoardYear(boardID: $0.board, year: $0.year) }
            + (plans ?? []).map { BoardYear(boardID: $0.board, year: $0.year) })
    }
}
