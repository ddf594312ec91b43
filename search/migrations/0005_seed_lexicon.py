"""Seed the social-domain lexicon: residents' own words, five languages, and the words that mean danger.

Written from the domain guide (who does what in Westland, the life situations and their words), never
from a particular query: each concept maps what residents type onto a life situation and the Dutch key
words the service texts use, so a sentence nobody wrote down here still finds the same help.

- ``CONCEPTS``: one row per concept and language (``nl``, ``en``, ``pl``, ``ro``, ``bg``, the languages of
  Westland's labour migrants). A trailing ``*`` matches every word starting with it, because Polish,
  Romanian and Bulgarian change word endings ("dług*": długi, długów, długami).
- ``DANGER``: the phrases the search code used to hold (``CRISIS_PHRASES``), plus despair and
  partner-violence wording, in the five languages; they put crisis help or Veilig Thuis first.
- ``CONTEXT``: words with two meanings, applied only next to words that decide which one is meant.

Editors change or delete these rows like any other; rows that already exist are left alone.
"""

from django.db import migrations

NOTE = "Basiswoordenlijst van het zoekteam (uit de domeingids); vrij aan te passen."

# Dutch key words per need: the words the service texts themselves use.
DEBTS = ["schulden", "schuldhulp", "geldzorgen", "geldzaken"]
RENT = ["huurachterstand", "rekeningen niet betalen", "schulden", "schuldhulp"]
FOOD = ["geldzorgen", "geldzaken", "schulden", "voedsel"]
WORK = ["werk zoeken", "baan vinden", "werkgever"]
HOMELESS = ["dakloos", "geen huis", "daklozenloket", "slaapplek"]
HOUSING = ["wonen", "woning", "wooncoach"]
DOCTOR = ["huisarts", "ziek", "medische klachten"]
LONELY = ["eenzaam", "maatje", "ontmoeten"]
CARER = ["mantelzorg", "mantelzorger", "zorg voor iemand"]
SCHOOL_COSTS = ["kindpakket", "westlandpas", "laag inkomen kind"]
FORMS = ["formulieren", "brief", "formulierenbrigade", "invullen"]
TAX = ["belastingaangifte", "formulieren"]
LANGUAGE = ["nederlands leren", "taalhuis", "taalmaatje"]
INTEGRATION = ["inburgering", "inburgeren", "nieuw in nederland"]
BENEFITS = ["bijstandsuitkering", "uitkering", "bijstand"]
AIDS = ["hulpmiddel", "rolstoel", "woningaanpassing"]
MENTAL = ["huisarts", "medische klachten", "somber", "depressief"]
HOUSEHOLD = ["huishoudelijke hulp", "huishouden"]
DEMENTIA = ["dementie", "geheugenproblemen", "vergeetachtig"]
ADDICTION = ["verslaving", "alcohol", "drugs"]
HEALTH_INSURANCE = ["zorgverzekering", "gemeentepolis"]
BULLYING = ["zorgen over je kind", "jeugdhulp", "jongerenwerk"]
PARENTING = ["advies over opvoeden", "opvoeden", "opvoeding"]
EVICTION = ["huis kwijt", "daklozenloket", "huurachterstand"]
GRIEF = ["eenzaam", "maatje", "ervaringen delen", "lotgenoten"]
ENERGY = ["rekeningen niet betalen", "schulden", "energie"]
VIOLENCE = ["huiselijk geweld", "veilig thuis", "mishandeld"]
DIGITAL = ["digisterker", "digitaalhuis", "digitale overheid", "online"]
WORRIED = ["zorgen over iemand melden", "slecht gaat", "bemoeizorg"]
SUICIDE = ["zelfmoord", "gedachten aan zelfmoord", "113"]

# (situation, Dutch key words, {language: words residents type})
CONCEPTS = [
    (
        "geld-en-schulden",
        DEBTS,
        {
            "nl": ["rood staan", "betalingsregeling", "incasso", "afbetalen", "lening", "leningen",
                   "geld lenen", "schuldeisers", "beslag", "loonbeslag", "beslaglegging", "achterstallig",
                   "aanmaning*", "herinnering betalen", "openstaande rekening*"],
            "en": ["debt*", "owe money", "money problems", "money worries", "unpaid bills", "bailiff",
                   "debt collector", "loan*", "cannot pay", "can t pay", "bills"],
            "pl": ["dług*", "zadłuż*", "komornik*", "rachunk*", "pożyczk*", "nie mogę zapłacić",
                   "problemy finansowe", "kłopoty z pieniędzmi"],
            "ro": ["datori*", "datorie", "facturi*", "executor*", "împrumut*", "nu pot plăti",
                   "probleme cu banii", "probleme financiare"],
            "bg": ["дълг*", "задлъж*", "сметк*", "заем*", "изпълнител*", "не мога да платя",
                   "проблеми с парите", "финансови проблеми"],
        },
    ),
    (
        "geld-en-schulden",
        RENT,
        {
            "nl": ["huurschuld", "huur niet betalen", "huur niet kunnen betalen", "achter met de huur",
                   "huur betalen lukt niet", "huurachterstanden"],
            "en": ["rent arrears", "behind on rent", "behind with the rent", "pay my rent", "pay the rent",
                   "pay rent", "rent debt"],
            "pl": ["czynsz*", "zaległ* czynsz*", "zaległości"],
            "ro": ["chiri*"],
            "bg": ["наем*"],
        },
    ),
    (
        "geld-en-schulden",
        FOOD,
        {
            "nl": ["voedselbank", "voedselpakket", "geen eten", "geld voor eten", "honger",
                   "boodschappen", "eten kopen", "boodschappen doen lukt niet"],
            "en": ["food", "food bank", "groceries", "hungry", "hunger", "nothing to eat"],
            "pl": ["jedzeni*", "żywnoś*", "głodn*", "zakupy", "bank żywności", "nie mam co jeść"],
            "ro": ["mâncar*", "alimente", "alimentele", "foame", "cumpărături", "banca de alimente", "nu am ce mânca"],
            "bg": ["храна", "храната", "хранителн*", "гладен", "гладна", "гладни", "нямам какво да ям"],
        },
    ),
    (
        "werk-en-dagbesteding",
        WORK,
        {
            "nl": ["werkloos", "baan kwijt", "ontslagen", "geen baan", "werk kwijt", "vacatures",
                   "sollicitatie", "aan het werk", "zoek werk", "zoek een baan", "betaald werk"],
            "en": ["job", "jobs", "looking for work", "find work", "unemployed", "employment",
                   "lost my job", "work permit"],
            "pl": ["prac*", "bezrobot*", "zatrudnieni*", "szukam pracy"],
            "ro": ["munc*", "lucru", "șomer*", "caut de lucru", "loc de muncă", "angajar*"],
            "bg": ["работ*", "безработ*", "търся работа"],
        },
    ),
    (
        "wonen-en-dakloosheid",
        HOMELESS,
        {
            "nl": ["thuisloos", "geen woning", "geen dak boven mijn hoofd", "slapen in de auto",
                   "bank slapen", "logeren bij vrienden", "nachtopvang"],
            "en": ["homeless", "nowhere to live", "nowhere to sleep", "on the street", "sleeping rough",
                   "shelter", "no place to sleep"],
            "pl": ["bezdomn*", "nie mam gdzie spać", "nie mam gdzie mieszkać", "na ulicy", "schronisk*",
                   "noclegowni*"],
            "ro": ["fără adăpost", "adăpost*", "fără locuință", "nu am unde să dorm", "pe stradă"],
            "bg": ["бездом*", "нямам къде да спя", "нямам къде да живея", "на улицата", "приют*",
                   "подслон*"],
        },
    ),
    (
        "wonen-en-dakloosheid",
        HOUSING,
        {
            "nl": ["woning zoeken", "flexwoning", "verhuizen", "woonruimte"],
            "en": ["housing", "place to live", "apartment", "accommodation", "house to rent",
                   "looking for a house", "looking for a flat"],
            "pl": ["mieszkani*", "szukam mieszkania", "zakwaterowani*"],
            "ro": ["locuinț*", "apartament*", "caut o casă", "cazare"],
            "bg": ["жилищ*", "квартир*", "търся жилище"],
        },
    ),
    (
        "gezondheid-en-leefstijl",
        DOCTOR,
        {
            "nl": ["dokter", "huisdokter", "doktersassistente", "pijn", "koorts", "ziekte", "medisch"],
            "en": ["doctor", "family doctor", "gp", "general practitioner", "sick", "ill", "illness",
                   "medical", "pain"],
            "pl": ["lekarz*", "chor*", "zdrowi*", "boli mnie"],
            "ro": ["medic", "medicul", "medic de familie", "doctorul", "bolnav*", "boal*", "durer*", "mă doare"],
            "bg": ["лекар*", "доктор*", "болен", "болна", "болн*", "болест*", "болк*", "боли ме"],
        },
    ),
    (
        "eenzaamheid-en-ontmoeting",
        LONELY,
        {
            "nl": ["alleen zijn", "vereenzaamd", "geen vrienden", "niemand om mee te praten",
                   "geen aanspraak", "sociale contacten"],
            "en": ["lonely", "loneliness", "isolated", "no friends", "meet people", "all alone",
                   "nobody to talk to"],
            "pl": ["samotn*", "nie mam przyjaciół", "nie mam z kim porozmawiać", "poznać ludzi"],
            "ro": ["singur*", "izolat*", "nu am prieteni", "nu am cu cine vorbi"],
            "bg": ["самот*", "сам съм", "сама съм", "нямам приятели", "нямам с кого да говоря"],
        },
    ),
    (
        "mantelzorg",
        CARER,
        {
            "nl": ["mantelzorgen", "zorgen voor mijn", "zorg voor mijn", "ik zorg voor", "verzorgen",
                   "zorgt voor", "zorgen voor een ziek", "overbelaste mantelzorger"],
            "en": ["carer", "caregiver", "caring for", "care for my", "take care of my", "look after my",
                   "looking after my"],
            "pl": ["opiekun*", "opiekuję się", "opieka nad", "opiekować się"],
            "ro": ["am grijă de", "îngrijesc", "îngrijitor*", "îngrijire*"],
            "bg": ["грижа за", "грижи за", "грижа се за", "полагам грижи", "гледам болн*"],
        },
    ),
    (
        "inkomen-en-regelingen",
        SCHOOL_COSTS,
        {
            "nl": ["schoolreisje", "schoolreis", "schoolkamp", "schoolspullen", "schoolkosten",
                   "ouderbijdrage", "vrijwillige ouderbijdrage", "zwemles", "zwemdiploma", "sportclub kind",
                   "contributie", "laptop voor school", "schoolboeken", "winterjas", "schooltas",
                   "leergeld", "verjaardag kind"],
            "en": ["school trip", "school costs", "school supplies", "school fees", "school things",
                   "school books", "swimming lessons", "sports club", "winter coat"],
            "pl": ["wycieczk* szkoln*", "przybory szkoln*", "wyprawk* szkoln*", "koszty szkoły",
                   "wycieczka szkolna", "lekcje pływania"],
            "ro": ["excursi* școlar*", "excursie cu școala", "rechizite", "taxe școlare",
                   "cursuri de înot"],
            "bg": ["екскурзи*", "училищн* екскурзи*", "училищни пособия", "пособия", "такси за училище"],
        },
    ),
    (
        "formulieren-en-brieven",
        FORMS,
        {
            "nl": ["brieven snappen", "brief begrijpen", "formulier invullen", "aanvraagformulier",
                   "papieren", "post openmaken", "toeslag aanvragen", "huurtoeslag", "zorgtoeslag",
                   "kinderopvangtoeslag"],
            "en": ["form", "forms", "letter*", "paperwork", "fill in", "fill out", "official letter",
                   "understand a letter"],
            "pl": ["formularz*", "list z", "pismo", "pisma", "wypełni*", "list od"],
            "ro": ["formular*", "scrisoar*", "hârtii", "acte", "completez", "completa*"],
            "bg": ["формуляр*", "писм*", "попълн*", "документи"],
        },
    ),
    (
        "formulieren-en-brieven",
        TAX,
        {
            "en": ["tax return", "taxes", "tax form", "tax office"],
            "pl": ["podat*", "zeznanie podatkowe"],
            "ro": ["impozit*", "declarați* fiscal*", "taxe"],
            "bg": ["данък*", "данъч*"],
        },
    ),
    (
        "taal-en-digitale-vaardigheden",
        LANGUAGE,
        {
            "nl": ["taalcursus", "nederlandse les", "nederlandse taal", "taal leren", "taalles",
                   "nt2", "beter nederlands"],
            "en": ["learn dutch", "dutch course", "dutch lessons", "dutch language", "language course",
                   "language class", "speak dutch"],
            "pl": ["niderlandzk*", "holendersk*", "nauka języka", "kurs języka", "lekcje języka"],
            "ro": ["olandez*", "neerlandez*", "curs de limbă", "limba olandeză", "învăț olandeza"],
            "bg": ["нидерландски", "холандск*", "нидерландск*", "курс по език", "езиков курс",
                   "уча холандски"],
        },
    ),
    (
        "taal-en-digitale-vaardigheden",
        INTEGRATION,
        {
            "en": ["civic integration", "integration exam", "integration course", "new in the netherlands"],
            "pl": ["integracj*", "egzamin integracyjny"],
            "ro": ["integrar*", "examen de integrare"],
            "bg": ["интеграци*"],
        },
    ),
    (
        "inkomen-en-regelingen",
        BENEFITS,
        {
            "nl": ["bijstandsgeld", "steun van de gemeente", "uitkering aanvragen", "geen inkomen",
                   "sociale dienst"],
            "en": ["benefit*", "social assistance", "welfare", "income support", "no income"],
            "pl": ["zasił*", "pomoc społeczna", "pomoc socjalna", "świadczeni*", "brak dochodu"],
            "ro": ["ajutor social", "ajutorul social", "indemnizați*", "alocați*", "beneficii sociale",
                   "fără venit"],
            "bg": ["социални помощи", "социална помощ", "помощи", "обезщетени*", "нямам доход*"],
        },
    ),
    (
        "zorg-en-hulp-thuis",
        AIDS,
        {
            "nl": ["rolator", "rollator", "rolater", "rollater", "looprek", "loophulp", "krukken",
                   "douchestoel", "tillift", "rolstoelen", "scootmobiel", "traplift", "aangepaste woning",
                   "drempels", "badkamer aanpassen", "invalide", "gehandicapt"],
            "en": ["wheelchair", "walker", "rollator", "walking frame", "mobility scooter", "stair lift",
                   "stairlift", "disability aid*", "crutches", "disabled"],
            "pl": ["wózek inwalidzki", "wózk*", "balkonik", "chodzik", "niepełnospraw*", "inwalid*",
                   "podnośnik*"],
            "ro": ["scaun cu rotile", "cărucior*", "cadru de mers", "dizabilit*", "invalid*"],
            "bg": ["инвалидна количка", "количк*", "проходилк*", "увреждане", "инвалид*"],
        },
    ),
    (
        "psychische-gezondheid",
        MENTAL,
        {
            "nl": ["depressie", "depressief", "somber", "neerslachtig", "down", "verdrietig", "angst", "angstig", "paniekaanvallen", "piekeren",
                   "slecht slapen", "niet lekker in mijn vel", "psychisch", "psycholoog", "gestrest"],
            "en": ["depress*", "anxiety", "anxious", "mental health", "panic attack*", "sad", "psychologist",
                   "worried all the time"],
            "pl": ["depresj*", "zdrowie psychiczne", "smutn*", "załaman*", "psycholog*", "lęki", "niepokój"],
            "ro": ["depresi*", "anxietat*", "tristeț*", "sănătate mintală", "psiholog*", "atacuri de panică"],
            "bg": ["депреси*", "тревожн*", "тъга", "тъжен", "тъжна", "психично здраве", "психолог*"],
        },
    ),
    (
        "zorg-en-hulp-thuis",
        HOUSEHOLD,
        {
            "en": ["cleaning help", "help at home", "household help", "home care"],
            "pl": ["pomoc w domu", "sprzątani*", "opieka domowa"],
            "ro": ["ajutor în casă", "ajutor la curățenie", "curățeni*", "îngrijire la domiciliu"],
            "bg": ["помощ вкъщи", "помощ в домакинството", "чистене", "домашни грижи"],
        },
    ),
    (
        "ouder-worden-en-dementie",
        DEMENTIA,
        {
            "nl": ["vergeet alles", "vergeet steeds", "dement", "geheugen gaat achteruit", "in de war"],
            "en": ["dementia", "alzheimer*", "memory problems", "forgetful"],
            "pl": ["demencj*", "alzheimer*", "problemy z pamięcią"],
            "ro": ["demenț*", "alzheimer*", "probleme de memorie"],
            "bg": ["деменци*", "алцхаймер*", "проблеми с паметта"],
        },
    ),
    (
        "gezondheid-en-leefstijl",
        ADDICTION,
        {
            "nl": ["verslaafd", "drankprobleem", "te veel drinken", "gokken", "gokverslaving", "blowen"],
            "en": ["addict*", "drinking problem", "drink too much", "gambling"],
            "pl": ["uzależni*", "alkoholi*", "narkotyk*", "hazard*"],
            "ro": ["dependenț*", "alcoolism", "droguri", "jocuri de noroc"],
            "bg": ["зависимост*", "алкохол*", "наркотиц*", "хазарт*"],
        },
    ),
    (
        "inkomen-en-regelingen",
        HEALTH_INSURANCE,
        {
            "nl": ["zorgverzekering te duur", "verzekering", "eigen risico"],
            "en": ["health insurance", "insurance"],
            "pl": ["ubezpieczeni*"],
            "ro": ["asigurar*"],
            "bg": ["осигуровк*", "застраховк*"],
        },
    ),
    (
        "opvoeden-en-opgroeien",
        BULLYING,
        {
            "nl": ["pesten", "pest", "gepest", "pestte", "pestkop", "pesterij", "pesterijen", "treiteren",
                   "getreiterd", "buitengesloten", "uitgescholden", "cyberpesten"],
            "en": ["bullying", "bullied", "bully"],
            "pl": ["dręczeni*", "nękani*", "prześladowan*"],
            "ro": ["bullying", "hărțui*", "agresat la școală"],
            "bg": ["тормоз*", "тормоз в училище"],
        },
    ),
    (
        "opvoeden-en-opgroeien",
        PARENTING,
        {
            "nl": ["opvoedvragen", "opvoedvraag", "opvoedingsvragen", "opvoedhulp", "opvoedondersteuning",
                   "opvoedingsondersteuning", "driftbuien", "lastig kind", "moeilijk kind", "luistert niet",
                   "huilbaby", "opvoedingsproblemen"],
            "en": ["parenting", "raising my child", "my child", "toddler", "teenager"],
            "pl": ["wychowani*", "moje dziecko", "nastolat*"],
            "ro": ["creșterea copil*", "copilul meu", "adolescent*"],
            "bg": ["възпитани*", "детето ми", "тийнейджър*"],
        },
    ),
    (
        "wonen-en-dakloosheid",
        EVICTION,
        {
            "nl": ["uitzetting", "huisuitzetting", "ontruiming", "ontruimd", "uit huis gezet", "uitgezet",
                   "huis uit moeten", "huis kwijt", "woning kwijt", "dreigende uitzetting"],
            "en": ["eviction", "evicted", "lose my home", "losing my home"],
            "pl": ["eksmisj*", "wyrzuc* z mieszkania"],
            "ro": ["evacuar*", "evacuat*", "dat afară din casă"],
            "bg": ["изгонва*", "изгонен*", "изгонят", "извеждане"],
        },
    ),
    (
        "eenzaamheid-en-ontmoeting",
        GRIEF,
        {
            "nl": ["rouw", "rouwen", "rouwverwerking", "overleden", "overlijden", "verlies", "weduwe",
                   "weduwnaar", "verdriet om", "gestorven", "dood gegaan", "begrafenis"],
            "en": ["grief", "grieving", "bereavement", "passed away", "died", "widow*"],
            "pl": ["żałob*", "zmarł*", "wdow*", "śmierć"],
            "ro": ["doliu", "a murit", "decedat*", "văduv*"],
            "bg": ["скръб", "траур", "почина", "почина*", "вдов*"],
        },
    ),
    (
        "geld-en-schulden",
        ENERGY,
        {
            "nl": ["energierekening", "energierekeningen", "energiekosten", "energietoeslag", "energieschuld",
                   "energiebedrijf", "stroom afgesloten", "gas afgesloten", "afsluiting", "stookkosten",
                   "gasrekening", "stroomrekening", "warmtefonds", "eindafrekening"],
            "en": ["energy bill*", "electricity bill*", "gas bill*", "heating costs"],
            "pl": ["rachunek za prąd", "rachunki za prąd", "prąd", "ogrzewani*", "rachunek za gaz"],
            "ro": ["factura la curent", "curent*", "energi* electric*", "încălzir*"],
            "bg": ["ток", "тока", "сметка за ток", "парно", "отоплени*"],
        },
    ),
    (
        "taal-en-digitale-vaardigheden",
        DIGITAL,
        {
            "nl": ["computerles", "computercursus", "computer leren", "internet leren", "digid",
                   "digitaal", "smartphone", "tablet", "online regelen", "mijn overheid"],
            "en": ["computer course", "computer class", "digital skills", "using the internet"],
            "pl": ["kurs komputerowy", "komputer*", "internet*"],
            "ro": ["curs de calculator", "calculator*", "internetul"],
            "bg": ["компютър*", "компютърен курс", "интернет*"],
        },
    ),
    (
        "psychische-gezondheid",
        WORRIED,
        {
            "nl": ["verward*", "zorgmijder", "verwaarloost", "verwaarloosd", "vervuil*",
                   "zorgen over iemand", "zorgen om iemand", "het gaat slecht met", "zorgen om de buurman",
                   "zorgen om de buurvrouw"],
            "en": ["worried about someone", "confused neighbour", "worried about my neighbour"],
            "pl": ["martwię się o", "zdezorientowan*"],
            "ro": ["îmi fac griji pentru", "confuz*"],
            "bg": ["притеснявам се за", "объркан*"],
        },
    ),
]

# (situation, Dutch key words, {language: phrases that mean someone may be in danger})
DANGER = [
    (
        "psychische-gezondheid",
        SUICIDE,
        {
            # The phrases search/understanding.py held in code until now, and despair wording.
            "nl": ["zelfmoord*", "zelfdoding*", "suicid*", "dood willen", "wil dood", "niet meer leven",
                   "niet meer willen leven", "zie het niet meer zitten",
                   "er een eind aan maken", "er een einde aan maken", "uit het leven stappen",
                   "levensmoe", "geen zin meer in het leven", "acute crisis", "psychische crisis"],
            "en": ["suicid*", "kill myself", "want to die", "end my life", "don t want to live",
                   "do not want to live", "no reason to live"],
            "pl": ["samobój*", "nie chcę żyć", "chcę umrzeć", "odebrać sobie życie"],
            "ro": ["sinucid*", "nu mai vreau să trăiesc", "vreau să mor", "să mă omor"],
            "bg": ["самоуби*", "не искам да живея", "искам да умра"],
        },
    ),
    (
        "veiligheid-en-huiselijk-geweld",
        VIOLENCE,
        {
            "nl": ["huiselijk geweld", "domestic violence", "mishandel*", "kindermishandel*",
                   "niet veilig thuis", "geslagen", "bedreigd", "hij slaat me", "hij slaat mij",
                   "slaat me", "slaat mij", "schopt me", "schopt mij", "bedreigt me", "bedreigt mij",
                   "ik word geslagen", "bang voor mijn partner", "bang voor mijn man",
                   "bang voor mijn vrouw", "bang voor mijn vriend", "bang voor mijn ex",
                   "bang voor mijn vader", "bang voor mijn moeder", "geweld thuis", "seksueel misbruik",
                   "misbruikt", "verkracht*", "eergerelateerd", "loverboy"],
            "en": ["domestic violence", "hits me", "beats me", "abused", "abusive", "abuse at home", "afraid of my husband",
                   "afraid of my partner", "scared of my partner", "scared of my husband", "threatens me",
                   "raped", "violent partner"],
            "pl": ["przemoc*", "bije mnie", "mnie bije", "mnie bił*", "uderzył mnie", "boję się męża", "boję się partnera", "grozi mi",
                   "znęca się"],
            "ro": ["violenț*", "mă bate", "mă lovește", "abuzat*", "abuz în familie", "mi-e frică de soțul meu",
                   "mi-e frică de partener*", "mă amenință"],
            "bg": ["насили*", "бие ме", "ме бие", "удря ме", "ме удря", "страх ме е от мъжа ми",
                   "страх ме е от партньора", "заплашва ме", "тормози ме"],
        },
    ),
    (
        "wonen-en-dakloosheid",
        HOMELESS,
        {
            "nl": ["geen slaapplek", "op straat", "vannacht geen plek", "nergens slapen"],
            "en": ["nowhere to sleep tonight"],
            "pl": ["śpię na ulicy"],
            "ro": ["dorm pe stradă"],
            "bg": ["спя на улицата"],
        },
    ),
]

# (situation, Dutch key words, words, words that decide this meaning)
CONTEXT = [
    (
        "gezondheid-en-leefstijl",
        ["huisarts", "medische klachten", "ziek"],
        ["klachten", "klacht", "last van"],
        ["pijn", "hoofdpijn", "buikpijn", "rugpijn", "lichamelijk*", "lichamelijke", "medisch*", "ziek",
         "koorts", "hoest", "moe", "duizelig", "misselijk", "benauwd", "huid", "hart", "psychisch*",
         "gezondheid*", "dokter"],
    ),
    (
        "formulieren-en-brieven",
        ["bezwaar", "klacht indienen", "ontevreden"],
        ["klachten", "klacht"],
        ["gemeente", "indienen", "besluit", "behandeld", "ontevreden", "beschikking", "thuiszorg",
         "zorgaanbieder", "medewerker", "instantie", "woningcorporatie", "over de"],
    ),
]


def rows(LifeSituation):
    situations = {s.slug: s for s in LifeSituation.objects.all()}
    for kind, table in (("one_way", CONCEPTS), ("danger", DANGER)):
        for situation, expansions, words in table:
            for language, terms in words.items():
                yield {
                    "kind": kind,
                    "language": language,
                    "terms": "\n".join(terms),
                    "expansions": "\n".join(expansions),
                    "life_situation": situations.get(situation),
                    "context": "",
                }
    for situation, expansions, terms, context in CONTEXT:
        yield {
            "kind": "one_way",
            "language": "nl",
            "terms": "\n".join(terms),
            "expansions": "\n".join(expansions),
            "life_situation": situations.get(situation),
            "context": "\n".join(context),
        }


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    LifeSituation = apps.get_model("services", "LifeSituation")
    for row in rows(LifeSituation):
        lookup = {key: row[key] for key in ("kind", "language", "terms")}
        Synonym.objects.get_or_create(**lookup, defaults={**row, "note": NOTE})


def unseed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    LifeSituation = apps.get_model("services", "LifeSituation")
    for row in rows(LifeSituation):
        Synonym.objects.filter(kind=row["kind"], language=row["language"], terms=row["terms"], note=NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_synonym_language_context_danger"),
        ("services", "0002_seed_kernen_and_taxonomies"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
