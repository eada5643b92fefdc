/// Ukrainian news sites' furniture: Українська правда, Суспільне, УНІАН, ТСН, Укрінформ,
/// Громадське and regional sites write their labels, bylines, dates and plugs in these shapes.
extension FurniturePhrases {
    static let ukrainian = FurniturePhrases(
        exact: [
            "реклама": "advertising label", "на правах реклами": "advertising label", "партнерський матеріал": "advertising label",
            "спецпроєкт": "advertising label", "спецпроект": "advertising label", "промо": "advertising label",
            "поділитися": "share buttons", "поширити": "share buttons", "поділитись": "share buttons",
            "коментарі": "comments link", "теги": "tag line", "мітки": "tag line", "категорія": "category and tag line",
            "рубрика": "category and tag line", "фото ілюстративне": "photo caption", "ілюстративне фото": "photo caption",
            "фото з відкритих джерел": "photo caption", "фото з соцмереж": "photo caption", "редагувати": "editing link",
        ],
        listMarkers: ["читайте також", "дивіться також", "також читайте", "читайте більше", "схожі новини", "інші новини",
                      "більше новин", "останні новини", "популярне", "найпопулярніше", "вас може зацікавити", "новини партнерів",
                      "рекомендуємо", "по темі", "за темою", "головне за день", "вибір редакції"],
        prefixes: [
            ("читайте також", "read-also link"), ("дивіться також", "read-also link"), ("також читайте", "read-also link"),
            ("читайте більше", "read-also link"),
            ("підписуйтесь", "newsletter or subscription plug"), ("підписуйтеся", "newsletter or subscription plug"),
            ("підпишіться", "newsletter or subscription plug"), ("приєднуйтесь", "newsletter or subscription plug"),
            ("приєднуйтеся", "newsletter or subscription plug"), ("стежте за нами", "newsletter or subscription plug"),
            ("слідкуйте за нами", "newsletter or subscription plug"), ("читайте нас у", "newsletter or subscription plug"),
            ("читайте нас в", "newsletter or subscription plug"), ("більше новин у", "newsletter or subscription plug"),
            ("підтримайте", "newsletter or subscription plug"), ("помітили помилку", "error-report note"),
            ("фото:", "photo caption"), ("фото —", "photo caption"), ("джерело фото", "photo caption"),
            ("ілюстрація:", "photo caption"), ("колаж:", "photo caption"), ("відео:", "video credit"),
            ("теги:", "tag line"), ("мітки:", "tag line"), ("теми:", "tag line"), ("категорія:", "category and tag line"),
            ("рубрика:", "category and tag line"),
        ],
        patterns: [
            // "Читати 5 хв", "Час читання: 3 хвилини", "5 хв читання"
            (#"^(?:читати|час читання)\s*:?\s*\d+\s*(?:хв|хвилин[аи]?)\.?$|^\d+\s*(?:хв|хвилин[аи]?)\.?\s+читання$"#, "reading time"),
            // "Солдати біля Харкова. Фото: Reuters": a credit closing the line, no full stop after it.
            (#"(?:^|[\s(])(?:фото|світлина|ілюстрація|джерело фото)\s*(?::|—|-)\s*[^.]{2,60}\)?$"#, "photo caption"),
            (#"^(?:\d+\s+коментар(?:і|ів)?|коментарі\s*\(\d+\))$"#, "comments link"),
            // "Джерело: Укрінформ": the agency a story came from, closing it.
            (#"^джерело\s*:\s*[^.]{2,60}$"#, "source credit"),
            // "Новини, Київ, Енергетика": handled by the shape rule; "Політика / Суспільство" here.
            (#"^[а-яіїєґ'’ ]{2,30}(?:\s*/\s*[а-яіїєґ'’ ]{2,30}){1,4}$"#, "category and tag line"),
        ],
        endMarkers: ["коментарі", "помітили помилку"],
        bylineWords: #"автор(?:ка|и|ки)?|текст|підготував|підготувала|підготували"#,
        nameJoiners: ["і", "та", "й"],
        datePattern: {
            let months = "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
            let weekday = #"(?:понеділок|вівторок|середа|четвер|п['’]ятниця|субота|неділя),?\s+"#
            let time = #"(?:,?\s+(?:о\s+)?\d{1,2}:\d{2})?"#
            return "(?:" + weekday + ")?(?:\\d{1,2}\\s+(?:" + months + #")\s+\d{4}(?:\s*(?:року|р\.))?"# + time
                + #"|\d{1,2}\.\d{1,2}\.\d{4}(?:\s*р\.)?"# + time + ")"
        }(),
        dateWords: #"(?:(?:опубліковано|оновлено|дата публікації|дата|додано)\s*:?\s*)?"#,
        // No year ("17 травня, 14:35" on this year's stories) or no day ("о 14:35"): kept as text.
        relativeDate: #"(?:сьогодні|вчора|учора|позавчора),?\s+(?:о\s+)?\d{1,2}:\d{2}|\d+\s+(?:хвилин[уи]?|годин[уи]?|дн(?:і|ів)|день)\s+тому|щойно"#
            + #"|(?:о\s+)?\d{1,2}:\d{2}|\d{1,2}\s+(?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня),?\s+(?:о\s+)?\d{1,2}:\d{2}"#,
        months: ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
                 "листопада", "грудня"])
}
