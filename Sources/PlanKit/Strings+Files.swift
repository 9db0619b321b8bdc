/// Words about files and paths: what could not be written or opened, and why.
extension Strings {
    public static func outputFileError(_ error: OutputFileError) -> String {
        let path = error.path
        let reason: String
        switch error.problem {
        case .noName: return "Inget filnamn angavs; inget skrevs."
        case .isFolder: reason = "\(path) är en katalog; ange ett filnamn i den"
        case .notAFolder: reason = "en del av sökvägen \(path) är en fil, inte en katalog"
        case .linkLoop: reason = "\(path) är en symbolisk länk som leder runt i en slinga"
        case .nameTooLong: reason = "sökvägen \(path) är för lång"
        case .permissionDenied: reason = "du har inte behörighet att skriva \(path)"
        case .readOnlyFileSystem: reason = "\(path) ligger på ett skrivskyddat filsystem"
        case .diskFull: reason = "disken är full"
        case .noReader: reason = "\(path) tar inte emot text (ingen läser i andra änden)"
        case .cannotCreateFolder(let folder): reason = "katalogen \(folder) finns inte och gick inte att skapa"
        case .other(let code): reason = "\(path) gick inte att skriva (systemets felkod \(code))"
        }
        return "Kan inte skriva filen: \(reason). Inget skrevs; det som fanns där är orört."
    }
}
