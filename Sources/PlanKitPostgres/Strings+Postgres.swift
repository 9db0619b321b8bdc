import PlanKit

/// The PostgreSQL database's words: its address, and what went wrong with it.
extension Strings {
    public enum Postgres {
        /// "databasen plan på /var/run/postgresql (port 5432) som anna"
        static func address(_ address: PostgresAddress) -> String {
            let place = switch address.server {
            case .socket(let folder): "\(folder) (port \(address.port))"
            case .tcp(let host): "\(host):\(address.port)"
            }
            return "databasen ”\(address.database)” på \(place) som ”\(address.login)”"
        }

        /// Where a server is, for "Databasservern på … svarar inte".
        static func server(_ address: PostgresAddress) -> String {
            switch address.server {
            case .socket(let folder): "\(folder) (port \(address.port))"
            case .tcp(let host): "\(host):\(address.port)"
            }
        }

        static func addressError(_ error: PostgresAddressError) -> String {
            let shown = shownURL(error.url)
            let problem: String = switch error.problem {
            case .notPostgresURL: "börjar inte med postgresql://"
            case .badEncoding(let part): "har en felaktig %-kodning i \(partName(part))"
            case .parameterWithoutValue(let text): "har parametern ”\(text)” utan värde (skriv namn=värde)"
            case .unknownParameter(let name):
                "har parametern ”\(name)”, som vp-tui inte känner till (kända: host, port, user, password, dbname, connect_timeout, application_name, sslmode)"
            case .encryptionRequired(let mode): "kräver kryptering (sslmode=\(mode)), som vp-tui ännu inte kan; anslut över Unix-socket"
            case .severalHosts(let hosts): "anger flera servrar (”\(hosts)”); vp-tui ansluter till en"
            case .unclosedBracket: "har en IPv6-adress utan avslutande ]"
            case .badPort(let text): "har portnumret ”\(text)”, som inte är ett heltal mellan 1 och 65535"
            case .badTimeout(let text): "har connect_timeout=\(text), som inte är ett antal sekunder större än noll"
            case .noLogin: "anger ingen användare, och inloggningsnamnet i systemet gick inte att läsa; skriv postgresql://NAMN@…"
            }
            return "Databasadressen \(shown) \(problem)."
        }

        static func partName(_ part: PostgresAddressError.Part) -> String {
            switch part {
            case .login: "användarnamnet"
            case .host: "servern (värden)"
            case .database: "databasnamnet"
            case .parameters: "parametrarna efter ?"
            }
        }

        /// The URL as given, its password (if any) hidden.
        static func shownURL(_ url: String) -> String {
            guard let schemeEnd = url.range(of: "://"), let at = url[schemeEnd.upperBound...].firstIndex(of: "@") else { return "”\(url)”" }
            let userInfo = url[schemeEnd.upperBound..<at]
            guard let colon = userInfo.firstIndex(of: ":") else { return "”\(url)”" }
            return "”" + url[..<colon] + ":•••" + url[at...] + "”"
        }

        static func storeError(_ error: PostgresStoreError) -> String {
            switch error {
            case .serverNotAnswering(let address, let silence):
                let why = switch silence {
                case .noSocket: "ingen server lyssnar där (socketfilen \(address.socketPath ?? "") saknas)"
                case .refused: "ingen server tar emot anslutningar där just nu"
                case .timedOut(let seconds): "inget svar på \(seconds) sekunder"
                case .unknownHost: "värdnamnet är okänt"
                case .lost: "anslutningen bröts"
                }
                return "Databasservern på \(server(address)) svarar inte: \(why). Inget har sparats. "
                    + "Kontrollera adressen (--db eller VP_TUI_DB) eller be den som sköter servern att starta den."
            case .loginRefused(let address, let needsPassword):
                let advice = needsPassword
                    ? "Servern kräver lösenord; vp-tui loggar in utan, som ”\(address.login)” över Unix-socket (peer)."
                    : "Be den som sköter databasen att ge rollen ”\(address.login)” rätt att logga in (vp-tui grant)."
                return "Databasservern på \(server(address)) släpper inte in ”\(address.login)” i databasen ”\(address.database)”. \(advice)"
            case .databaseMissing(let address):
                return "Databasen ”\(address.database)” finns inte på servern \(server(address)). Kontrollera namnet i adressen."
            case .tooManyConnections(let address):
                return "Databasservern på \(server(address)) tar inte emot fler anslutningar just nu. Försök igen om en stund."
            case .noSchema(let address):
                return "\(capitalised(Self.address(address))) har inga vp-tui-tabeller ännu. "
                    + "Databasens ägare lägger dit dem med vp-tui copy eller vp-tui grant."
            case .schemaNewer(let address, let found, let known):
                return "\(capitalised(Self.address(address))) är av en nyare vp-tui (schemaversion \(found); "
                    + "den här kan \(known)). Inget har ändrats; uppdatera vp-tui."
            case .schemaOlder(let address, let found, let known):
                return "\(capitalised(Self.address(address))) är av en äldre vp-tui (schemaversion \(found); "
                    + "den här behöver \(known)). Inget har ändrats. Be databasens ägare att öppna den med den här "
                    + "vp-tui en gång, så uppdateras tabellerna."
            case .notAllowed(let address):
                return "Du (”\(address.login)”) har inte behörighet till det i \(Self.address(address)). Inget har ändrats."
            case .refused(let address, let state):
                return "Databasservern vägrade i \(Self.address(address)) (felkod \(state.isEmpty ? "okänd" : state)). "
                    + "Inget har ändrats; försök igen, och om felet kommer tillbaka: visa felkoden för den som sköter databasen."
            }
        }

        static func rightsError(_ error: PostgresRightsError) -> String {
            switch error {
            case .unknownTarget(let scope, let id, let foundKind):
                let found = foundKind.flatMap(OrganisationKind.init(rawValue:)).map {
                    " (”\(id)” är en \(Strings.organisationKind($0).lowercased()))"
                } ?? ""
                return "\(scopeName(scope)) ”\(id)” finns inte i databasen\(found). Inget har ändrats; se vp-tui units för id:n."
            case .ambiguousTarget(let scope, let name, let candidates):
                return "Flera i databasen heter ”\(name)” (\(scopeName(scope).lowercased()) \(candidates.joined(separator: ", "))). "
                    + "Ange id:t; se vp-tui units. Inget har ändrats."
            case .notAllowed(let scope, let id):
                let board = scope == .board ? "nämnden" : "nämnden som \(scopeName(scope).lowercased()) hör till"
                return "Du har inte behörighet att dela ut rättigheter i \(scopeName(scope).lowercased()) ”\(id)”: det får bara "
                    + "databasens ägare och den som förvaltar \(board). Inget har ändrats."
            }
        }

        public static func scopeName(_ scope: AccessGrant.Scope) -> String {
            switch scope {
            case .unit: "Enheten"
            case .department: "Avdelningen"
            case .board: "Nämnden"
            }
        }

        static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
    }
}
