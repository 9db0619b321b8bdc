import PlanKit

/// The words the generated texts are made of, per kind of unit where they differ.
extension GeneratedText {
    static let openers = [
        "Under perioden", "Under året", "Sedan förra uppföljningen", "Under våren", "Under hösten", "Under tertialen",
        "I år", "Tillsammans med förvaltningen", "Efter en gemensam analys", "Utifrån förra årets resultat",
        "Under första halvåret", "I samverkan med andra enheter",
    ]

    static let commonSubjects = ["enheten", "medarbetarna", "vi", "ledningsgruppen", "enhetschefen", "arbetsgruppen"]

    static func subjects(_ field: GeneratedField) -> [String] {
        switch field {
        case .preschool: return ["arbetslagen", "förskollärarna", "barnskötarna", "pedagogerna", "rektor", "biträdande rektor", "utvecklingsgruppen"]
        case .elderlyCare: return ["omsorgspersonalen", "kontaktmännen", "sjuksköterskorna", "undersköterskorna", "aktivitetssamordnaren", "arbetsterapeuterna"]
        case .socialServices: return ["socialsekreterarna", "handläggarna", "behandlarna", "familjebehandlarna", "boendestödjarna", "mottagningsgruppen"]
        case .culture: return ["fritidsledarna", "bibliotekarierna", "parkleksledarna", "verksamhetens personal", "ungdomsrådet"]
        case .cityEnvironment: return ["parkingenjörerna", "projektledarna", "trygghetsvärdarna", "entreprenörerna", "handläggarna"]
        case .administration: return ["controllerna", "HR-specialisterna", "kommunikatörerna", "nämndsekreterarna", "utvecklingsledarna", "handläggarna"]
        }
    }

    static let pastVerbs = [
        "arbetat aktivt med", "fortsatt att utveckla", "genomfört en översyn av", "följt upp", "kartlagt", "fördjupat",
        "stärkt", "påbörjat arbetet med", "sett över", "utvärderat", "prioriterat", "dokumenterat", "analyserat",
        "tagit fram nya rutiner för", "lagt särskilt fokus på", "samverkat kring", "förbättrat",
    ]

    static let activityVerbs = [
        "genomföra en kartläggning av", "utveckla", "följa upp", "införa nya rutiner för", "erbjuda kompetensutveckling om",
        "se över", "dokumentera och analysera", "stärka", "utvärdera", "ta fram en handlingsplan för", "implementera",
    ]

    static func objects(_ field: GeneratedField) -> [String] {
        switch field {
        case .preschool:
            return ["barnens språkutveckling", "undervisningen i utemiljön", "lärmiljöerna inomhus", "barnens inflytande och delaktighet",
                    "samarbetet med vårdnadshavarna", "den pedagogiska dokumentationen", "arbetet med normer och värden",
                    "användningen av digitala verktyg", "introduktionen av nya barn", "måltidssituationen",
                    "arbetet med matematik och naturvetenskap", "övergången till förskoleklass", "barnens fysiska aktivitet",
                    "likabehandlingsplanen", "det systematiska kvalitetsarbetet"]
        case .elderlyCare:
            return ["genomförandeplanerna", "den sociala dokumentationen", "måltidssituationen", "aktiviteterna för de boende",
                    "kontinuiteten i hemtjänsten", "fallpreventionen", "läkemedelshanteringen", "samverkan med anhöriga",
                    "det förebyggande arbetet mot ensamhet", "det palliativa arbetet", "demensvården", "utevistelsen för de boende",
                    "brukarnas inflytande över insatserna"]
        case .socialServices:
            return ["utredningstiderna", "samverkan med skolan", "det förebyggande arbetet", "uppföljningen av placeringar",
                    "stödet till våldsutsatta", "arbetet med barnets bästa", "insatserna för unga vuxna",
                    "vägen till egen försörjning", "rutinerna för orosanmälningar", "den digitala ansökan om ekonomiskt bistånd",
                    "samverkan med Arbetsförmedlingen", "boendestödet"]
        case .culture:
            return ["utbudet för unga", "lovaktiviteterna", "samarbetet med föreningslivet", "tillgängligheten i lokalerna",
                    "läsfrämjandet", "verksamheten på kvällstid", "ungas inflytande över verksamheten", "sommarverksamheten",
                    "de kulturella aktiviteterna för barn", "det uppsökande arbetet"]
        case .cityEnvironment:
            return ["skötseln av parkerna", "trygghetsvandringarna", "belysningen i parkerna", "upprustningen av lekplatserna",
                    "den biologiska mångfalden", "hanteringen av nedskräpning", "dialogen med invånarna", "vinterväghållningen av parkvägar",
                    "planteringarna", "tillgängligheten i parkmiljön"]
        case .administration:
            return ["budgetuppföljningen", "rekryteringsprocessen", "introduktionen av nya medarbetare", "arbetsmiljöarbetet",
                    "ärendehanteringen", "den interna kommunikationen", "upphandlingarna", "digitaliseringen av arbetssätten",
                    "rutinerna för diarieföring", "kompetensförsörjningen", "internkontrollen"]
        }
    }

    static let tails = [
        " i nära samverkan med berörda parter", " utifrån resultaten i brukarundersökningen", " enligt plan",
        " trots den höga sjukfrånvaron", " med stöd av förvaltningens utvecklingsstrateg", ", vilket har gett goda resultat",
        ", men arbetet behöver fortsätta under nästa period", " i hela verksamheten", " i mindre grupper",
        " utifrån de behov som har framkommit", " inom ramen för budget", " med utgångspunkt i stadens riktlinjer",
        ", vilket har uppskattats av både medarbetare och brukare", " på ett strukturerat sätt",
    ]

    static let connectives = ["Dessutom", "Samtidigt", "Därutöver", "Vidare", "Parallellt med detta", "Som ett resultat av detta"]

    static let figureTemplates = [
        "Resultatet i den senaste mätningen visar {b} procent, jämfört med {a} procent föregående år.",
        "Sjukfrånvaron har förändrats från {a} procent till {b} procent.",
        "Andelen nöjda har gått från {a} till {b} procent.",
        "Under perioden har {n} medarbetare deltagit i utbildningen.",
        "Totalt har {n} tillfällen genomförts under perioden.",
        "Utfallet blev {b}, att jämföra med {a} vid samma tid förra året.",
        "I enkäten svarade {b} procent att de är nöjda eller mycket nöjda.",
        "Väntetiden har i genomsnitt varit {n} dagar.",
    ]

    static let deviationReasons = [
        "Aktiviteten har inte kunnat genomföras enligt plan på grund av pandemin.",
        "Aktiviteten har skjutits upp till nästa år då resurserna behövdes i den ordinarie verksamheten.",
        "Aktiviteten har försenats på grund av hög personalomsättning.",
        "Aktiviteten har förändrats efter dialog med förvaltningen.",
        "Aktiviteten har inte genomförts då upphandlingen drog ut på tiden.",
    ]

    static func ratingConclusions(_ rating: Rating) -> [String] {
        switch rating {
        case .fully: return ["Sammantaget bedöms målet uppfyllas helt.", "Enheten bedömer att målet uppfylls helt utifrån de aktiviteter som genomförts och resultaten i indikatorerna."]
        case .partly: return ["Sammantaget bedöms målet uppfyllas delvis.", "Målet bedöms uppfyllas delvis eftersom några aktiviteter har skjutits upp."]
        case .not: return ["Målet bedöms inte uppfyllas.", "Utifrån resultaten bedömer enheten att målet inte uppfylls i år."]
        }
    }

    static func goalSubjects(_ field: GeneratedField) -> [String] {
        switch field {
        case .preschool: return ["alla barn", "varje barn", "barnen på förskolan", "alla vårdnadshavare", "förskolans medarbetare"]
        case .elderlyCare: return ["alla äldre", "de boende", "brukarna i hemtjänsten", "varje brukare", "anhöriga"]
        case .socialServices: return ["barn och unga", "alla invånare som söker stöd", "våldsutsatta", "unga vuxna", "familjer med barn"]
        case .culture: return ["barn och unga", "alla besökare", "ungdomar i stadsdelen", "invånarna"]
        case .cityEnvironment: return ["invånarna", "parkerna", "alla som vistas i stadsdelen", "lekplatserna"]
        case .administration: return ["förvaltningens chefer", "medarbetarna", "nämnden", "förvaltningen"]
        }
    }

    static func goalPredicates(_ field: GeneratedField) -> [String] {
        switch field {
        case .preschool:
            return ["utvecklar sitt språk och sin kommunikation", "känner sig trygga och vågar pröva nya saker",
                    "möter en stimulerande lärmiljö varje dag", "har inflytande över sin vardag på förskolan",
                    "utvecklar sin förståelse för hållbar utveckling", "är fysiskt aktiva utifrån sina förutsättningar",
                    "får likvärdiga möjligheter att lära och utvecklas", "är delaktiga i förskolans arbete"]
        case .elderlyCare:
            return ["får insatser av hög kvalitet", "har inflytande över hur insatserna utförs", "upplever trygghet i vardagen",
                    "har en meningsfull tillvaro med sociala aktiviteter", "får god och näringsriktig mat", "möter få olika medarbetare"]
        case .socialServices:
            return ["får rätt stöd i rätt tid", "blir självförsörjande", "får en rättssäker handläggning", "får stöd som utgår från barnets bästa",
                    "upplever ett gott bemötande", "får del av förebyggande insatser"]
        case .culture:
            return ["har tillgång till meningsfulla fritidsaktiviteter", "får uppleva och skapa kultur", "upplever verksamheten som trygg",
                    "har inflytande över verksamhetens innehåll"]
        case .cityEnvironment:
            return ["upplever stadsdelen som trygg och ren", "har tillgång till välskötta grönområden", "är tillgängliga för alla",
                    "bidrar till en hög biologisk mångfald"]
        case .administration:
            return ["har goda förutsättningar att leda verksamheten", "har en god arbetsmiljö", "får ett väl underbyggt beslutsunderlag",
                    "arbetar kostnadseffektivt", "använder digitala verktyg som förenklar arbetet"]
        }
    }

    static let resourceLines = [
        "Kompetensutveckling inom ramen för budget.", "Handledning från förvaltningens utvecklingsstrateg.",
        "Gemensam planeringstid i arbetslagen.", "Nätverk inom avdelningen.", "Aktuell litteratur och forskning.",
        "Samverkan med andra enheter i stadsdelen.", "Medel från statsbidrag.", "Digitala verktyg och lärplattformar.",
    ]

    static func fieldResources(_ field: GeneratedField) -> [String] {
        switch field {
        case .preschool: return ["Förskollärarnas kompetens.", "Pedagogiska lärmiljöer inne och ute.", "Förskolans specialpedagog."]
        case .elderlyCare: return ["Sjuksköterskor och arbetsterapeuter.", "Aktivitetssamordnare.", "Anhörigstöd."]
        case .socialServices: return ["Metodstöd från förvaltningen.", "Familjebehandlare.", "Samverkansavtal med regionen."]
        case .culture: return ["Fritidsledare och bibliotekarier.", "Lokaler på kvällstid.", "Föreningsbidrag."]
        case .cityEnvironment: return ["Skötselentreprenör.", "Medel för parkinvesteringar.", "Trygghetsvärdar."]
        case .administration: return ["Stadens ekonomisystem.", "HR-stöd.", "Stödfunktioner på stadsledningskontoret."]
        }
    }

    static func indicatorTemplates(_ field: GeneratedField) -> [IndicatorTemplate] {
        switch field {
        case .preschool:
            return [
                IndicatorTemplate(name: "Andel vårdnadshavare som är nöjda med förskolans verksamhet", measureUnit: "%", low: 80, high: 95, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Andel legitimerade förskollärare", measureUnit: "%", low: 30, high: 60, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Antal barn per grupp, yngre barn", measureUnit: "st", low: 12, high: 15, decimals: 0, direction: .lowerIsBetter),
                IndicatorTemplate(name: "Självvärdering utifrån läroplansuppdraget", measureUnit: nil, low: 3, high: 3.8, decimals: 1, direction: .higherIsBetter),
                IndicatorTemplate(name: "Andel barn som är ute minst två timmar om dagen", measureUnit: "%", low: 70, high: 95, decimals: 0, direction: .higherIsBetter),
            ]
        case .elderlyCare:
            return [
                IndicatorTemplate(name: "Andel brukare som är nöjda med hemtjänsten", measureUnit: "%", low: 80, high: 95, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Antal personal som en brukare möter under 14 dagar", measureUnit: "st", low: 8, high: 16, decimals: 0, direction: .lowerIsBetter),
                IndicatorTemplate(name: "Andel boende med aktuell genomförandeplan", measureUnit: "%", low: 85, high: 100, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Andel fallskador bland boende", measureUnit: "%", low: 2, high: 8, decimals: 1, direction: .lowerIsBetter),
            ]
        case .socialServices:
            return [
                IndicatorTemplate(name: "Andel utredningar som avslutas inom fyra månader", measureUnit: "%", low: 70, high: 95, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Andel hushåll med ekonomiskt bistånd som blir självförsörjande", measureUnit: "%", low: 20, high: 45, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Väntetid till första besök", measureUnit: "dagar", low: 5, high: 20, decimals: 0, direction: .lowerIsBetter),
                IndicatorTemplate(name: "Andel brukare som upplever ett gott bemötande", measureUnit: "%", low: 80, high: 95, decimals: 0, direction: .higherIsBetter),
            ]
        case .culture:
            return [
                IndicatorTemplate(name: "Antal besökare per vecka", measureUnit: "st", low: 150, high: 900, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Andel flickor bland besökarna", measureUnit: "%", low: 30, high: 50, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Antal lovaktiviteter", measureUnit: "st", low: 10, high: 60, decimals: 0, direction: .higherIsBetter),
            ]
        case .cityEnvironment:
            return [
                IndicatorTemplate(name: "Andel invånare som upplever parkerna som trygga", measureUnit: "%", low: 60, high: 85, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Antal åtgärdade klotteranmälningar inom 24 timmar", measureUnit: "%", low: 80, high: 98, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Antal nyplanterade träd", measureUnit: "st", low: 20, high: 200, decimals: 0, direction: .higherIsBetter),
            ]
        case .administration:
            return [
                IndicatorTemplate(name: "Andel fakturor som betalas i tid", measureUnit: "%", low: 90, high: 99, decimals: 0, direction: .higherIsBetter),
                IndicatorTemplate(name: "Prognossäkerhet i tertialrapporterna", measureUnit: "%", low: 1, high: 3, decimals: 1, direction: .lowerIsBetter),
                IndicatorTemplate(name: "Andel ärenden som diarieförs inom två dagar", measureUnit: "%", low: 85, high: 99, decimals: 0, direction: .higherIsBetter),
            ]
        }
    }

    static let commonIndicators = [
        IndicatorTemplate(name: "Sjukfrånvaro bland medarbetarna", measureUnit: "%", low: 4, high: 9, decimals: 1, direction: .lowerIsBetter),
        IndicatorTemplate(name: "Medarbetarindex", measureUnit: nil, low: 75, high: 85, decimals: 0, direction: .higherIsBetter),
        IndicatorTemplate(name: "Aktivt medskapandeindex", measureUnit: nil, low: 75, high: 85, decimals: 0, direction: .higherIsBetter),
        IndicatorTemplate(name: "Matsvinn", measureUnit: "gram per portion", low: 15, high: 40, decimals: 0, direction: .lowerIsBetter),
        IndicatorTemplate(name: "Andel medarbetare som genomgått brandskyddsutbildning", measureUnit: "%", low: 80, high: 100, decimals: 0, direction: .higherIsBetter),
    ]

    static let places = [
        "Fruängen", "Västertorp", "Hägersten", "Hägerstensåsen", "Mälarhöjden", "Axelsberg", "Midsommarkransen", "Aspudden",
        "Liljeholmen", "Gröndal", "Telefonplan", "Västberga", "Älvsjö", "Solberga", "Långbro", "Herrängen", "Örby slott",
        "Liseberg", "Klubbensborg", "Personne",
    ]

    static let preschoolNames = [
        "Solrosen", "Blåklinten", "Ekorren", "Humlan", "Linden", "Vitsippan", "Tallen", "Lärkan", "Kastanjen", "Snigeln",
        "Myran", "Ugglan", "Näckrosen", "Kotten", "Ängen", "Regnbågen", "Skogsgläntan", "Pärlan", "Trollet", "Stjärnan",
        "Nyckelpigan", "Fjärilen", "Björken", "Rönnen", "Hasseln", "Ekbacken", "Lönnen", "Kvarnen", "Bäcken", "Sjöstjärnan",
        "Smultronet", "Blåbäret", "Tussilagon", "Gläntan", "Lyktan", "Svalan", "Måsen", "Igelkotten", "Krumelur", "Äventyret",
    ]

    // MARK: Document sections

    static func economy(_ rng: inout SplitMix64) -> String {
        let budget = Double(rng.int(40...900)) / 10
        let result = Double(rng.int(-30...30)) / 10
        var sentences = [
            "Enhetens budget för året uppgår till \(SwedishNumber.format(budget, maxDecimals: 1)) mnkr.",
            result >= 0
                ? "Prognosen visar ett överskott på \(SwedishNumber.format(result, maxDecimals: 1)) mnkr."
                : "Prognosen visar ett underskott på \(SwedishNumber.format(-result, maxDecimals: 1)) mnkr.",
        ]
        sentences.append(rng.pick([
            "Avvikelsen beror främst på lägre personalkostnader till följd av vakanser.",
            "Kostnaderna för vikarier har varit högre än beräknat.",
            "Intäkterna har ökat till följd av fler inskrivna barn.",
            "Enheten har vidtagit åtgärder för att nå en budget i balans.",
            "Inga investeringar utöver de planerade har gjorts.",
        ]))
        return sentences.joined(separator: " ")
    }

    static func decisionProposal(_ period: ReportPeriod) -> String {
        switch period {
        case .vp: return "Verksamhetsplanen godkänns."
        case .t1, .t2: return "Tertialrapporten godkänns och överlämnas till avdelningen."
        case .vb: return "Verksamhetsberättelsen godkänns och överlämnas till avdelningen."
        }
    }
}
