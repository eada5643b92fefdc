import Foundation

/// Word lists the rules share. Kept in one place so they can be read and extended.
enum Vocabulary {
    /// English words from the system's word lists (Debian's `wamerican` and `wbritish`), in
    /// lower case: what tells "BREAKING" (a word in capitals) from "NSDAP" (an acronym). Loaded
    /// once; empty if neither list is installed, and then capitals are read as before.
    static let dictionary = systemWords(names: false)

    /// The proper names of the same lists ("Paris", "Kremlin"), in lower case: names common
    /// enough that espeak-ng's spelling rules were made to read them. Entries the lists write in
    /// capitals ("ESPN", "USDA") are acronyms, not names, and are left out.
    static let names = systemWords(names: true)

    /// The words of the system lists that start in lower case, or (`names`) in capitals.
    private static func systemWords(names: Bool) -> Set<String> {
        let (low, high) = names ? (UInt8(ascii: "A"), UInt8(ascii: "Z")) : (UInt8(ascii: "a"), UInt8(ascii: "z"))
        var words = Set<String>()
        for path in ["/usr/share/dict/american-english", "/usr/share/dict/british-english"] {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            for line in data.split(separator: UInt8(ascii: "\n")) where !line.contains(UInt8(ascii: "'")) {
                guard let first = line.first, first >= low, first <= high else { continue }
                if names, line.count > 1, line[line.startIndex + 1] >= UInt8(ascii: "A"), line[line.startIndex + 1] <= UInt8(ascii: "Z") { continue }
                words.insert(String(decoding: line, as: UTF8.self).lowercased())
            }
        }
        return words
    }

    static func isWord(_ lowercased: String) -> Bool { dictionary.contains(lowercased) }

    /// Words before an amount or a count ("fell by 12K", "has 1 200 members", "some 20K"): what
    /// follows them is a quantity, not a name or two numbers.
    static let amountWords: Set<String> = ["by", "than", "about", "some", "nearly", "almost", "roughly", "around",
                                           "approximately", "over", "under", "added", "lost", "cut", "gained", "has",
                                           "have", "had", "of", "with", "employs", "employed", "another"]

    static let months: [String: String] = {
        let full = ["January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December"]
        var m: [String: String] = [:]
        for name in full { m[name] = name }
        let abbrev = ["Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April",
                      "Jun": "June", "Jul": "July", "Aug": "August", "Sep": "September",
                      "Sept": "September", "Oct": "October", "Nov": "November", "Dec": "December"]
        for (k, v) in abbrev { m[k] = v }
        return m
    }()
    static let monthNumbers = ["January", "February", "March", "April", "May", "June", "July", "August",
                               "September", "October", "November", "December"]

    static let weekdays: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Acronyms said as words. Everything else in capitals (up to five letters) is spelled out.
    static let wordAcronyms: [String: String] = {
        let list = ["NATO", "UNESCO", "UNICEF", "HIMARS", "NASA", "OPEC", "ASEAN", "FIFA", "UEFA", "COVID",
                    "AIDS", "NAFTA", "ISIS", "SWIFT", "INTERPOL", "EUROPOL", "FRONTEX", "NORAD", "SWAT", "SARS",
                    "MERS", "LIDAR", "RADAR", "SONAR", "LASER", "SCUBA", "ATACMS", "NASAMS", "MANPADS",
                    "UNRWA", "OSINT", "CENTCOM", "EUCOM", "DARPA", "FEMA", "CERN", "GAVI", "MIT", "PIN", "ZIP", "COP", "ICE", "NASCAR", "NASDAQ",
                    "SIM", "RAM", "ROM", "NIMBY", "FOMO", "YOLO", "ASAP", "PEN", "NAND", "DEFCON",
                    "SHAPE", "NEET", "OFCOM", "OFSTED", "OFGEM", "ACAS", "BAFTA", "SEAL", "SEALS", "JASSM",
                    "GLONASS", "ROSCOSMOS", "SEATO", "ANZAC", "ANC", "ACLU", "LEGO", "IKEA", "OK"]
        var m: [String: String] = [:]
        for a in list { m[a] = a.prefix(1) + a.dropFirst().lowercased() }
        // Pronounced-as-spelled exceptions and special readings.
        m["FTSE"] = "Footsie"
        m["MIT"] = "M I T"; m["PIN"] = "pin"; m["SIM"] = "sim"; m["RAM"] = "ram"; m["ROM"] = "rom"
        m["ANC"] = "Eh N C"; m["ACLU"] = "Eh C L U"; m["OK"] = "OK"; m["PEN"] = "pen"
        m["WWI"] = "World War one"; m["WWII"] = "World War two"
        // Said as the word they stand for, as newsreaders do; said as words, not letters.
        m["HQ"] = "headquarters"; m["MAX"] = "max"
        m["ATACMS"] = "attack-ems"; m["JASSM"] = "jazzem"; m["SEAL"] = "seal"; m["SEALS"] = "seals"
        return m
    }()

    /// Shouted capitals that are ordinary words, not acronyms (left for espeak to read).
    static let capitalWords: Set<String> = ["I", "A", "THE", "AND", "BUT", "FOR", "NOT", "ALL", "NEW", "WAR",
                                             "BREAKING", "LIVE", "UPDATE", "WATCH", "READ", "MORE", "NOW"]

    /// Mixed-case abbreviations that are spelled ("MoD", "PhD").
    static let mixedSpelled: [String: String] = ["MoD": "M O D", "PhD": "P H D", "PhDs": "P H D's", "MoU": "M O U",
                                                 "DfE": "D F E", "DfT": "D F T", "HoC": "H O C", "TfL": "T F L",
                                                 "McK": "McK", "NGOs": "N G O's", "iOS": "i O S"]

    struct Unit {
        let one: String
        let many: String
        let oneGB: String
        let manyGB: String
        init(_ one: String, _ many: String, gb: (String, String)? = nil) {
            self.one = one; self.many = many
            oneGB = gb?.0 ?? one; manyGB = gb?.1 ?? many
        }
    }

    /// Units after a number, longest first when matched. `spaced: false` units must touch the number.
    static let units: [(written: String, unit: Unit, spaced: Bool)] = {
        func metric(_ stem: String) -> Unit { Unit(stem + "meter", stem + "meters", gb: (stem + "metre", stem + "metres")) }
        func litre(_ stem: String) -> Unit { Unit(stem + "liter", stem + "liters", gb: (stem + "litre", stem + "litres")) }
        let list: [(String, Unit, Bool)] = [
            ("km/h", Unit("kilometer per hour", "kilometers per hour", gb: ("kilometre per hour", "kilometres per hour")), true),
            ("km/hr", Unit("kilometer per hour", "kilometers per hour", gb: ("kilometre per hour", "kilometres per hour")), true),
            ("kph", Unit("kilometer per hour", "kilometers per hour", gb: ("kilometre per hour", "kilometres per hour")), true),
            ("m/s", Unit("meter per second", "meters per second", gb: ("metre per second", "metres per second")), true),
            ("mph", Unit("mile per hour", "miles per hour"), true),
            ("mpg", Unit("mile per gallon", "miles per gallon"), true),
            ("sq km", Unit("square kilometer", "square kilometers", gb: ("square kilometre", "square kilometres")), true),
            ("sq m", Unit("square meter", "square meters", gb: ("square metre", "square metres")), true),
            ("sq ft", Unit("square foot", "square feet"), true), ("sq. ft.", Unit("square foot", "square feet"), true),
            ("sq-ft", Unit("square foot", "square feet"), true),
            ("sq. ft", Unit("square foot", "square feet"), true), ("sq ft.", Unit("square foot", "square feet"), true),
            ("sq mi", Unit("square mile", "square miles"), true),
            ("km²", Unit("square kilometer", "square kilometers", gb: ("square kilometre", "square kilometres")), true),
            ("m²", Unit("square meter", "square meters", gb: ("square metre", "square metres")), true),
            ("km2", Unit("square kilometer", "square kilometers", gb: ("square kilometre", "square kilometres")), false),
            ("m2", Unit("square meter", "square meters", gb: ("square metre", "square metres")), true),
            ("cm2", Unit("square centimeter", "square centimeters", gb: ("square centimetre", "square centimetres")), true),
            ("ft²", Unit("square foot", "square feet"), true), ("sqft", Unit("square foot", "square feet"), true),
            ("m³", Unit("cubic meter", "cubic meters", gb: ("cubic metre", "cubic metres")), true),
            ("m3", Unit("cubic meter", "cubic meters", gb: ("cubic metre", "cubic metres")), true),
            ("km", metric("kilo"), true), ("cm", metric("centi"), true), ("mm", metric("milli"), true),
            ("m", metric(""), true), ("nm", metric("nano"), false),
            ("kg", Unit("kilogram", "kilograms"), true), ("mg", Unit("milligram", "milligrams"), true),
            ("g", Unit("gram", "grams"), true), ("t", Unit("tonne", "tonnes"), true),
            ("Gt", Unit("gigatonne", "gigatonnes"), true), ("Mt", Unit("megatonne", "megatonnes"), true),
            // Food energy: "2,000 kcal" is what labels and listeners call calories.
            ("kcal", Unit("calorie", "calories"), true),
            ("lbs", Unit("pound", "pounds"), true), ("lb", Unit("pound", "pounds"), true),
            ("oz", Unit("ounce", "ounces"), true), ("ft", Unit("foot", "feet"), true),
            ("in.", Unit("inch", "inches"), true), ("ft.", Unit("foot", "feet"), true),
            ("in", Unit("inch", "inches"), false),   // glued only ("6ft 2in"): spaced, "in" is the word
            ("mi", Unit("mile", "miles"), true), ("ha", Unit("hectare", "hectares"), true),
            // Written with an abbreviation's full stop ("20 mi. south"): the stop is part of the unit.
            ("mi.", Unit("mile", "miles"), true), ("lb.", Unit("pound", "pounds"), true),
            ("lbs.", Unit("pound", "pounds"), true), ("oz.", Unit("ounce", "ounces"), true),
            ("gal", Unit("gallon", "gallons"), true), ("gal.", Unit("gallon", "gallons"), true),
            ("gals", Unit("gallon", "gallons"), true), ("fl oz", Unit("fluid ounce", "fluid ounces"), true),
            ("tbsp", Unit("tablespoon", "tablespoons"), true), ("tsp", Unit("teaspoon", "teaspoons"), true),
            ("tbsp.", Unit("tablespoon", "tablespoons"), true), ("tsp.", Unit("teaspoon", "teaspoons"), true),
            ("qt.", Unit("quart", "quarts"), true), ("pts.", Unit("point", "points"), true),
            ("µg", Unit("microgram", "micrograms"), true), ("μg", Unit("microgram", "micrograms"), true),
            ("qt", Unit("quart", "quarts"), true), ("pts", Unit("point", "points"), true),
            // A box score: "28 pts, 11 reb, 7 ast, 3 stl, 2 blk".
            ("reb", Unit("rebound", "rebounds"), true), ("ast", Unit("assist", "assists"), true),
            ("stl", Unit("steal", "steals"), true), ("blk", Unit("block", "blocks"), true),
            ("reb.", Unit("rebound", "rebounds"), true), ("ast.", Unit("assist", "assists"), true),
            ("ppg", Unit("point per game", "points per game"), true), ("rpg", Unit("rebound per game", "rebounds per game"), true),
            ("apg", Unit("assist per game", "assists per game"), true),
            ("fps", Unit("frame per second", "frames per second"), true), ("inn.", Unit("inning", "innings"), true),
            ("wk", Unit("week", "weeks"), true), ("wks", Unit("week", "weeks"), true),
            ("wk.", Unit("week", "weeks"), true), ("wks.", Unit("week", "weeks"), true),
            // A listing: "4 bd/3 ba", "3 bed, 2 bath".
            ("bd", Unit("bedroom", "bedrooms"), true), ("ba", Unit("bath", "baths"), true),
            ("bdrm", Unit("bedroom", "bedrooms"), true), ("BR", Unit("bedroom", "bedrooms"), false),
            ("BA", Unit("bath", "baths"), false),
            ("yd", Unit("yard", "yards"), true), ("yds", Unit("yard", "yards"), true),
            ("yd.", Unit("yard", "yards"), true), ("yds.", Unit("yard", "yards"), true),
            ("hr.", Unit("hour", "hours"), true), ("hrs.", Unit("hour", "hours"), true),
            ("min.", Unit("minute", "minutes"), true), ("sec.", Unit("second", "seconds"), true),
            ("MP", Unit("megapixel", "megapixels"), true),
            ("ml", litre("milli"), true), ("mL", litre("milli"), true), ("dL", litre("deci"), true), ("l", litre(""), false), ("L", litre(""), true),
            ("bbl", Unit("barrel", "barrels"), true), ("bpd", Unit("barrel per day", "barrels per day"), true),
            ("°C", Unit("degree Celsius", "degrees Celsius"), true), ("ºC", Unit("degree Celsius", "degrees Celsius"), true),
            ("° C", Unit("degree Celsius", "degrees Celsius"), true),
            ("°F", Unit("degree Fahrenheit", "degrees Fahrenheit"), true), ("ºF", Unit("degree Fahrenheit", "degrees Fahrenheit"), true),
            ("C", Unit("degree Celsius", "degrees Celsius"), false), ("F", Unit("degree Fahrenheit", "degrees Fahrenheit"), false),
            ("°", Unit("degree", "degrees"), false), ("º", Unit("degree", "degrees"), false),
            ("kWh", Unit("kilowatt hour", "kilowatt hours"), true), ("MWh", Unit("megawatt hour", "megawatt hours"), true),
            ("GWh", Unit("gigawatt hour", "gigawatt hours"), true), ("TWh", Unit("terawatt hour", "terawatt hours"), true),
            ("kW", Unit("kilowatt", "kilowatts"), true), ("MW", Unit("megawatt", "megawatts"), true),
            ("GW", Unit("gigawatt", "gigawatts"), true), ("TW", Unit("terawatt", "terawatts"), true),
            ("kV", Unit("kilovolt", "kilovolts"), true), ("V", Unit("volt", "volts"), false),
            ("W", Unit("watt", "watts"), false),
            ("KB", Unit("kilobyte", "kilobytes"), true), ("kB", Unit("kilobyte", "kilobytes"), true),
            ("ppm", Unit("part per million", "parts per million"), true), ("ppb", Unit("part per billion", "parts per billion"), true),
            ("mb", Unit("millibar", "millibars"), true), ("mbar", Unit("millibar", "millibars"), true),
            ("hPa", Unit("hectopascal", "hectopascals"), true),
            ("MB", Unit("megabyte", "megabytes"), true), ("GB", Unit("gigabyte", "gigabytes"), true),
            ("TB", Unit("terabyte", "terabytes"), true),
            ("Mbps", Unit("megabit per second", "megabits per second"), true),
            ("Gbps", Unit("gigabit per second", "gigabits per second"), true),
            ("kbps", Unit("kilobit per second", "kilobits per second"), true),
            ("Tbps", Unit("terabit per second", "terabits per second"), true),
            ("kHz", Unit("kilohertz", "kilohertz"), true), ("MHz", Unit("megahertz", "megahertz"), true),
            ("GHz", Unit("gigahertz", "gigahertz"), true), ("Hz", Unit("hertz", "hertz"), true),
            ("hrs", Unit("hour", "hours"), true), ("hr", Unit("hour", "hours"), true), ("h", Unit("hour", "hours"), false),
            ("mins", Unit("minute", "minutes"), true), ("min", Unit("minute", "minutes"), true),
            ("secs", Unit("second", "seconds"), true), ("sec", Unit("second", "seconds"), true),
            ("ms", Unit("millisecond", "milliseconds"), true),
            ("yrs", Unit("year", "years"), true), ("yr", Unit("year", "years"), true),
            ("mths", Unit("month", "months"), true), ("mth", Unit("month", "months"), true),
            ("mos", Unit("month", "months"), true), ("mos.", Unit("month", "months"), true),
            ("kt", Unit("kiloton", "kilotons"), false),
        ]
        return list.sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
    }()

    /// Units also found in another case ("40KG", "100 gbps", "55 MPH"): only those whose letters
    /// mean one thing whatever the case ("mb" is a millibar, "MM" and "T" are not units).
    static let caselessUnits: Set<String> = ["km", "kg", "lbs", "lb", "mph", "mpg", "kph", "km/h", "kbps", "mbps", "gbps",
                                             "tbps", "gb", "tb", "kb", "kwh", "mwh", "gwh", "twh", "kw", "mw", "gw",
                                             "hrs", "mins", "secs", "cm", "ghz", "mhz", "khz", "sqft", "yrs"]

    /// The units grouped by their first scalar, so a lookup only tries the few that can match.
    static let unitsByFirst: [Unicode.Scalar: [(written: String, unit: Unit, spaced: Bool)]] = {
        var m: [Unicode.Scalar: [(written: String, unit: Unit, spaced: Bool)]] = [:]
        for u in units { m[u.written.unicodeScalars.first!, default: []].append(u) }
        return m
    }()

    /// Scale words and their short forms after a number or an amount of money.
    static let scales: [(written: String, word: String, spaced: Bool)] = [
        ("trillion", "trillion", true), ("billion", "billion", true), ("million", "million", true),
        ("thousand", "thousand", true), ("lakh crore", "lakh crore", true), ("lakh", "lakh", true),
        ("crore", "crore", true), ("tn", "trillion", true), ("trn", "trillion", true),
        ("bn", "billion", true), ("bln", "billion", true), ("mn", "million", true), ("mln", "million", true),
        ("m", "million", false), ("M", "million", false), ("b", "billion", false), ("B", "billion", false),
        ("k", "thousand", false), ("K", "thousand", false), ("T", "trillion", false),
    ]

    struct Currency {
        let one: String, many: String, centOne: String?, centMany: String?
    }
    /// Currency signs (longest first) and their names.
    static let currencySigns: [(String, Currency)] = [
        ("US$", Currency(one: "U S dollar", many: "U S dollars", centOne: "cent", centMany: "cents")),
        ("NZ$", Currency(one: "New Zealand dollar", many: "New Zealand dollars", centOne: "cent", centMany: "cents")),
        ("HK$", Currency(one: "Hong Kong dollar", many: "Hong Kong dollars", centOne: "cent", centMany: "cents")),
        ("C$", Currency(one: "Canadian dollar", many: "Canadian dollars", centOne: "cent", centMany: "cents")),
        ("A$", Currency(one: "Australian dollar", many: "Australian dollars", centOne: "cent", centMany: "cents")),
        ("$", Currency(one: "dollar", many: "dollars", centOne: "cent", centMany: "cents")),
        ("€", Currency(one: "euro", many: "euros", centOne: "cent", centMany: "cents")),
        ("£", Currency(one: "pound", many: "pounds", centOne: "penny", centMany: "pence")),
        ("¥", Currency(one: "yen", many: "yen", centOne: nil, centMany: nil)),
        ("₴", Currency(one: "hryvnia", many: "hryvnias", centOne: "kopiyka", centMany: "kopiykas")),
        ("₽", Currency(one: "ruble", many: "rubles", centOne: "kopek", centMany: "kopeks")),
        ("₹", Currency(one: "rupee", many: "rupees", centOne: nil, centMany: nil)),
        ("₩", Currency(one: "won", many: "won", centOne: nil, centMany: nil)),
    ]
    /// ISO codes written after (or before) an amount.
    static let currencyCodes: [String: Currency] = [
        "USD": Currency(one: "U S dollar", many: "U S dollars", centOne: "cent", centMany: "cents"),
        "EUR": Currency(one: "euro", many: "euros", centOne: "cent", centMany: "cents"),
        "GBP": Currency(one: "pound", many: "pounds", centOne: "penny", centMany: "pence"),
        "UAH": Currency(one: "hryvnia", many: "hryvnias", centOne: "kopiyka", centMany: "kopiykas"),
        "RUB": Currency(one: "ruble", many: "rubles", centOne: "kopek", centMany: "kopeks"),
        "JPY": Currency(one: "yen", many: "yen", centOne: nil, centMany: nil),
        "CHF": Currency(one: "Swiss franc", many: "Swiss francs", centOne: "centime", centMany: "centimes"),
        "CNY": Currency(one: "yuan", many: "yuan", centOne: nil, centMany: nil),
        "Rs": Currency(one: "rupee", many: "rupees", centOne: nil, centMany: nil),
        "INR": Currency(one: "rupee", many: "rupees", centOne: nil, centMany: nil),
        "ZAR": rand,
        "AUD": Currency(one: "Australian dollar", many: "Australian dollars", centOne: "cent", centMany: "cents"),
        "CAD": Currency(one: "Canadian dollar", many: "Canadian dollars", centOne: "cent", centMany: "cents"),
    ]
    static let rand = Currency(one: "rand", many: "rand", centOne: "cent", centMany: "cents")
}
