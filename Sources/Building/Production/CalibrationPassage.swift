/// The text a voice's loudness calibration is measured on: ordinary news prose of our own,
/// about a minute spoken, with numbers already in words, as the normalizer leaves them.
enum CalibrationPassage {
    static func sentences(language: String) -> [String] {
        language.lowercased().hasPrefix("uk") ? ukrainian : english
    }

    static let english = [
        "The city council voted on Tuesday night to rebuild the old river bridge, ending a debate that has run for almost ten years.",
        "Engineers say the new crossing will carry twice as many buses and will open to traffic in the spring of next year.",
        "Some shop owners near the bridge worry that two summers of road works will keep their customers away.",
        "\"We have waited a long time for this,\" said one resident, who has lived beside the river since she was a child.",
        "The mayor promised that the footpath would stay open for the whole of the project.",
        "Work is expected to begin in March, once the last of the permits has been signed.",
        "Meanwhile, the regional weather service warned of heavy rain over the weekend, with the river likely to rise.",
        "Farmers in the valley said the wet autumn had already delayed the harvest by several weeks.",
        "Schools will stay open, but parents have been asked to check the council's website before they travel.",
        "The next meeting of the council is due on the first Monday of the month.",
    ]

    static let ukrainian = [
        "Міська рада у вівторок ухвалила рішення відбудувати старий міст через річку, і це завершило суперечку, що тривала майже десять років.",
        "Інженери кажуть, що нова переправа пропускатиме вдвічі більше автобусів і відкриється для руху наступної весни.",
        "Деякі власники крамниць біля мосту побоюються, що два літа дорожніх робіт відлякають покупців.",
        "«Ми довго на це чекали», — сказала мешканка, яка живе біля річки з дитинства.",
        "Міський голова пообіцяв, що пішохідна доріжка залишатиметься відкритою протягом усього проєкту.",
        "Роботи мають розпочатися в березні, щойно буде підписано останні дозволи.",
        "Тим часом обласна метеослужба попередила про сильні дощі у вихідні, тож рівень води в річці може піднятися.",
        "Фермери в долині розповіли, що дощова осінь уже затримала збір урожаю на кілька тижнів.",
        "Школи працюватимуть, але батьків просять перевіряти сайт міської ради перед поїздкою.",
        "Наступне засідання ради відбудеться в перший понеділок місяця.",
    ]
}
