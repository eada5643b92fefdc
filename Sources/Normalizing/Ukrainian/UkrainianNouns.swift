/// The nouns news counts, with their genders and paradigms, and a guess from the ending for the
/// rest: enough to tell which case a written "5 гривень" or "у 2023 році" stands in.
enum UkNouns {
    static let lexicon: [String: UkNoun] = {
        var d: [String: UkNoun] = [:]
        func add(_ g: UkGender, animate: Bool = false, _ sg: String, _ pl: String, paucal: String? = nil) {
            let n = UkNoun(g, animate: animate, sg, pl, paucal: paucal)
            d[n.singular[0]] = n
        }
        /// A masculine hard stem with genitive in -а or -у ("долар-а", "відсотк-а").
        func masc(_ nom: String, _ stem: String? = nil, gen: String = "а", animate: Bool = false) {
            let s = stem ?? nom
            let loc = s.hasSuffix("к") || s.hasSuffix("г") || s.hasSuffix("х") ? "у" : "і"
            add(.masc, animate: animate, "\(nom) \(s)\(gen) \(s)у \(animate ? s + gen : nom) \(s)ом \(s)\(loc)",
                "\(s)и \(s)ів \(s)ам \(animate ? s + "ів" : s + "и") \(s)ами \(s)ах")
        }
        /// A feminine noun in -а with a hard stem ("ракет-а"); `genPl` is its bare genitive plural.
        func fem(_ stem: String, genPl: String, dat: String? = nil, animate: Bool = false) {
            let d = dat ?? stem + "і"
            add(.fem, animate: animate, "\(stem)а \(stem)и \(d) \(stem)у \(stem)ою \(d)",
                "\(stem)и \(genPl) \(stem)ам \(animate ? genPl : stem + "и") \(stem)ами \(stem)ах")
        }
        add(.fem, "гривня гривні гривні гривню гривнею гривні", "гривні гривень гривням гривні гривнями гривнях")
        fem("копійк", genPl: "копійок", dat: "копійці")
        masc("долар"); masc("цент"); masc("фунт"); masc("бал", gen: "а"); masc("дрон"); masc("літак"); masc("танк")
        masc("кілометр"); masc("метр"); masc("сантиметр"); masc("міліметр"); masc("кілограм"); masc("грам"); masc("гектар")
        masc("літр"); masc("градус"); masc("мегават"); masc("кіловат"); masc("гігават"); masc("снаряд", gen: "а")
        masc("шахед"); masc("депутат", animate: true); masc("пацієнт", animate: true); masc("студент", animate: true)
        masc("відсоток", "відсотк"); masc("пункт", gen: "у"); masc("голос", gen: "у"); masc("будинок", "будинк", gen: "у")
        masc("об'єкт", gen: "а"); masc("удар", gen: "у")
        masc("контракт", gen: "у"); masc("проєкт", gen: "у"); masc("закон", gen: "у"); masc("регіон", gen: "у")
        add(.masc, "рубль рубля рублю рубль рублем рублі", "рублі рублів рублям рублі рублями рублях")
        add(.neut, "євро євро євро євро євро євро", "євро євро євро євро євро євро")
        add(.masc, "рік року року рік роком році", "роки років рокам роки роками роках")
        add(.masc, "місяць місяця місяцю місяць місяцем місяці", "місяці місяців місяцям місяці місяцями місяцях")
        add(.masc, "день дня дню день днем дні", "дні днів дням дні днями днях")
        add(.masc, "тиждень тижня тижню тиждень тижнем тижні", "тижні тижнів тижням тижні тижнями тижнях")
        add(.masc, "раз раза разу раз разом разі", "рази разів разам рази разами разах")
        masc("з'їзд", gen: "у"); masc("форум", gen: "у"); masc("чемпіонат", gen: "у"); masc("тур", gen: "у"); masc("етап", gen: "у")
        masc("батальйон", gen: "у"); masc("корпус", gen: "у"); masc("полк", gen: "у"); masc("випадок", "випадк", gen: "у")
        fem("категорі", genPl: "категорій"); fem("груп", genPl: "груп"); fem("бригад", genPl: "бригад"); fem("армі", genPl: "армій")
        add(.masc, "ступінь ступеня ступеню ступінь ступенем ступені", "ступені ступенів ступеням ступені ступенями ступенях")
        add(.masc, animate: true, "мешканець мешканця мешканцю мешканця мешканцем мешканці", "мешканці мешканців мешканцям мешканців мешканцями мешканцях")
        add(.masc, animate: true, "житель жителя жителю жителя жителем жителі", "жителі жителів жителям жителів жителями жителях")
        add(.masc, animate: true, "громадянин громадянина громадянину громадянина громадянином громадянині", "громадяни громадян громадянам громадян громадянами громадянах")
        fem("годин", genPl: "годин"); fem("хвилин", genPl: "хвилин"); fem("секунд", genPl: "секунд"); fem("тонн", genPl: "тонн")
        fem("заявк", genPl: "заявок", dat: "заявці"); fem("ракет", genPl: "ракет"); fem("країн", genPl: "країн")
        fem("особ", genPl: "осіб", animate: true); fem("школ", genPl: "шкіл"); fem("сесі", genPl: "сесій")
        fem("компані", genPl: "компаній"); fem("одиниц", genPl: "одиниць"); fem("гармат", genPl: "гармат")
        fem("машин", genPl: "машин"); fem("сім'", genPl: "сімей"); fem("громад", genPl: "громад"); fem("квартир", genPl: "квартир")
        fem("атак", genPl: "атак", dat: "атаці"); fem("родин", genPl: "родин"); fem("заяв", genPl: "заяв"); fem("справ", genPl: "справ")
        fem("угод", genPl: "угод"); fem("ділянк", genPl: "ділянок", dat: "ділянці"); fem("установ", genPl: "установ")
        fem("вантажівк", genPl: "вантажівок", dat: "вантажівці"); fem("бронемашин", genPl: "бронемашин"); fem("хат", genPl: "хат"); fem("кіловат-годин", genPl: "кіловат-годин")
        fem("бомб", genPl: "бомб"); fem("авіабомб", genPl: "авіабомб"); fem("мін", genPl: "мін")
        for (stem, genPl) in [("лікарн", "лікарень"), ("будівл", "будівель")] {
            add(.fem, "\(stem)я \(stem)і \(stem)і \(stem)ю \(stem)ею \(stem)і", "\(stem)і \(genPl) \(stem)ям \(stem)і \(stem)ями \(stem)ях")
        }
        for stem in ["станці", "підстанці", "операці", "позиці"] {
            add(.fem, "\(stem)я \(stem)ї \(stem)ї \(stem)ю \(stem)єю \(stem)ї", "\(stem)ї \(stem)й \(stem)ям \(stem)ї \(stem)ями \(stem)ях")
        }
        for nom in ["працівник", "солдат", "офіцер", "пасажир", "рятувальник", "медик", "волонтер", "журналіст", "окупант"] {
            masc(nom, animate: true)
        }
        add(.masc, animate: true, "лікар лікаря лікарю лікаря лікарем лікарі", "лікарі лікарів лікарям лікарів лікарями лікарях")
        add(.masc, animate: true, "учень учня учневі учня учнем учневі", "учні учнів учням учнів учнями учнях")
        add(.fem, animate: true, "людина людини людині людину людиною людині", "люди людей людям людей людьми людях", paucal: "людини")
        add(.fem, animate: true, "дитина дитини дитині дитину дитиною дитині", "діти дітей дітям дітей дітьми дітях", paucal: "дитини")
        add(.fem, "область області області область областю області", "області областей областям області областями областях")
        add(.fem, "ніч ночі ночі ніч ніччю ночі", "ночі ночей ночам ночі ночами ночах")
        add(.neut, "місто міста місту місто містом місті", "міста міст містам міста містами містах")
        add(.neut, "село села селу село селом селі", "села сіл селам села селами селах")
        add(.neut, "місце місця місцю місце місцем місці", "місця місць місцям місця місцями місцях")
        add(.neut, "століття століття століттю століття століттям столітті", "століття століть століттям століття століттями століттях")
        add(.neut, "тисячоліття тисячоліття тисячоліттю тисячоліття тисячоліттям тисячолітті", "тисячоліття тисячоліть тисячоліттям тисячоліття тисячоліттями тисячоліттях")
        add(.neut, "скликання скликання скликанню скликання скликанням скликанні", "скликання скликань скликанням скликання скликаннями скликаннях")
        add(.neut, "підприємство підприємства підприємству підприємство підприємством підприємстві", "підприємства підприємств підприємствам підприємства підприємствами підприємствах")
        for stem in ["військов", "поранен", "загибл", "постраждал", "цивільн", "полонен", "затриман", "звільнен", "поліцейськ", "підозрюван", "ув'язнен"] {
            d[stem + "ий"] = .adjectival(stem)
        }
        for s in UkNumberWords.scales { d[s.singular[0]] = s }
        return d
    }()

    /// Every written form → the nouns it may belong to.
    static let byForm: [String: [UkNoun]] = {
        var d: [String: [UkNoun]] = [:]
        for n in lexicon.values {
            for f in Set(n.singular + n.plural + (n.paucal.map { [$0] } ?? [])) { d[f, default: []].append(n) }
        }
        return d
    }()

    /// What the word after a number says: its noun (when known) and the cases it may stand in.
    struct Reading {
        var noun: UkNoun?
        var gender: UkGender
        var animate: Bool
        var analyses: [(c: UkCase, plural: Bool)]
    }

    static func read(_ word: String) -> Reading? {
        let w = word.lowercased()
        if let nouns = byForm[w], let n = nouns.first {
            return Reading(noun: n, gender: n.gender, animate: n.animate, analyses: nouns.flatMap { $0.analyses(of: w) })
        }
        return guess(w)
    }

    /// The plural endings of any noun or adjective tell their case; that is all a count needs.
    static func guess(_ w: String) -> Reading? {
        guard w.count > 3 else { return nil }
        let table: [(String, [(UkCase, Bool)])] = [
            ("ями", [(.ins, true)]), ("ами", [(.ins, true)]), ("ими", [(.ins, true)]),
            ("ям", [(.dat, true)]), ("ам", [(.dat, true)]), ("ях", [(.loc, true)]), ("ах", [(.loc, true)]),
            ("ів", [(.gen, true), (.acc, true)]), ("їв", [(.gen, true), (.acc, true)]),
            ("их", [(.gen, true), (.loc, true), (.acc, true)]),
            ("ою", [(.ins, false)]), ("ею", [(.ins, false)]), ("єю", [(.ins, false)]),
        ]
        for (ending, analyses) in table where w.hasSuffix(ending) {
            let g: UkGender = ending.hasSuffix("ою") || ending.hasSuffix("ею") || ending.hasSuffix("єю") ? .fem : .masc
            return Reading(noun: nil, gender: g, animate: ending == "их", analyses: analyses)
        }
        // Neuter nouns in -ння, -ття, -цтво: "одне повідомлення", "сто одне підприємство".
        for ending in ["ння", "ття", "ччя", "сся", "лля", "ство", "цтво", "нно"] where w.hasSuffix(ending) {
            return Reading(noun: nil, gender: .neut, animate: false, analyses: [(.nom, false), (.acc, false), (.gen, false), (.nom, true), (.acc, true)])
        }
        // "-ії", "-ї": a feminine singular in the genitive, dative or locative ("на 1-й лінії"), or a plural.
        if w.hasSuffix("ї") {
            return Reading(noun: nil, gender: .fem, animate: false, analyses: [(.gen, false), (.dat, false), (.loc, false), (.nom, true), (.acc, true)])
        }
        // "-і": a locative singular ("у 5 класі", an ordinal) or a nominative plural ("2 класі" cannot be).
        if w.hasSuffix("і") { return Reading(noun: nil, gender: .masc, animate: false, analyses: [(.loc, false), (.nom, true), (.acc, true)]) }
        // Singular feminine forms, which tell gender and case after a "1": "одна бригада", "одну бригаду".
        if w.hasSuffix("а") || w.hasSuffix("я") { return Reading(noun: nil, gender: .fem, animate: false, analyses: [(.nom, false)]) }
        if w.hasSuffix("у") || w.hasSuffix("ю") { return Reading(noun: nil, gender: .fem, animate: false, analyses: [(.acc, false)]) }
        return nil
    }
}
