import EditionCore
import Foundation
import Reading
import XCTest

/// Ukrainian pages read as English ones are: the story kept word for word, the furniture
/// (tag lines, bylines of either gender, weekday and numeric date lines, reading time, photo
/// credits, "read also" links, advertising labels, subscription plugs) dropped with its reason.
final class UkrainianReadingTests: XCTestCase {
    func testScrapedText() throws {
        let article = try Fixture.read("uk-scraped.txt")
        XCTAssertEqual(article.headline, "У Києві скасували графіки відключень світла до кінця тижня")
        XCTAssertEqual(article.authors, ["Олена Петренко"])
        XCTAssertEqual(utcParts(article.published?.date), [2021, 5, 17, 14, 35])
        XCTAssertEqual(article.published?.hasTime, true)
        XCTAssertEqual(article.language, "uk")
        assertBody(article, [
            "Київські енергетики завершили ремонт двох підстанцій, тому графіки відключень світла до кінця тижня не застосовуватимуть.",
            "Про це повідомили у компанії, яка постачає електроенергію столиці.",
            "«Ми відновили живлення для всіх споживачів лівого берега», — сказала речниця компанії.",
            "## Що буде далі",
            "Наступного тижня фахівці перевірять ще чотири підстанції на правому березі.",
        ])
        assertRemoved(article, "Новини, Київ, Енергетика, Відключення світла", reason: "category and tag line")
        assertRemoved(article, "Економіка", reason: "category label")
        assertRemoved(article, "Понеділок, 17 травня 2021, 14:35", reason: "date line")
        assertRemoved(article, "Авторка: Олена Петренко", reason: "byline")
        assertRemoved(article, "Читати 5 хв", reason: "reading time")
        assertRemoved(article, "Енергетики працюють біля пошкодженої підстанції на Троєщині. Фото: Reuters", reason: "photo caption")
        assertRemoved(article, "Читайте також: Як підготуватися до зими без світла", reason: "read-also link")
        assertRemoved(article, "Реклама", reason: "advertising label")
        assertRemoved(article, "Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися новини", reason: "newsletter or subscription plug")
        assertRemoved(article, "Приєднуйтесь до нас у Facebook", reason: "newsletter or subscription plug")
        assertRemoved(article, "Теги: Київ, енергетика, світло", reason: "tag line")
        assertRemoved(article, "Найпопулярніше за добу", reason: "page furniture after the article")
        assertNothingDroppedSilently(article, source: try Fixture.text("uk-scraped.txt"))
    }

    func testHTMLPage() throws {
        let article = try Fixture.read("uk-page.html")
        XCTAssertEqual(article.headline, "Львівські школи перейдуть на змішане навчання")
        XCTAssertEqual(article.authors, ["Ірина Коваль"])
        XCTAssertEqual(utcParts(article.published?.date), [2021, 5, 17, 14, 35])
        XCTAssertEqual(article.language, "uk")
        assertBody(article, [
            "Міська рада Львова ухвалила рішення, за яким із вересня школи міста працюватимуть у змішаному режимі: частину уроків діти проводитимуть онлайн.",
            "За словами заступниці міського голови, такий розклад дозволить зменшити навантаження на укриття під час повітряних тривог.",
            "## Що кажуть батьки",
            "Батьківські комітети загалом підтримали рішення, проте попросили залишити очні заняття для молодших класів.",
        ])
        assertRemoved(article, "17.05.2021 14:35", reason: "date line")
        assertRemoved(article, "Час читання: 3 хвилини", reason: "reading time")
        assertRemoved(article, "Джерело фото: пресслужба міськради", reason: "photo caption")
        assertRemoved(article, "Дивіться також: Як працюватимуть дитсадки восени", reason: "read-also link")
        assertRemoved(article, "На правах реклами", reason: "advertising label")
        assertRemoved(article, "Підписуйтеся на наш Telegram-канал, щоб не пропустити важливе", reason: "newsletter or subscription plug")
    }

    func testMarkdownWithFrontMatterLanguage() throws {
        let article = try Fixture.read("uk-front-matter.md")
        XCTAssertEqual(article.headline, "Харківське метро продовжить роботу до півночі")
        XCTAssertEqual(article.authors, ["Андрій Мельник"])
        XCTAssertEqual(utcParts(article.published?.date)?.prefix(3), [2019, 5, 17])
        XCTAssertEqual(article.language, "uk")
        assertBody(article, [
            "Метрополітен Харкова з наступного понеділка працюватиме на годину довше, повідомили у міській раді.",
            "У мерії пояснили, що продовжений графік діятиме щонайменше до кінця літа.",
        ])
        assertRemoved(article, "Вчора, 18:02", reason: "date line")
        assertRemoved(article, "Читайте також", reason: "site furniture")
        assertRemoved(article, "Підпишіться на нашу розсилку, щоб отримувати головні новини щоранку.", reason: "newsletter or subscription plug")
    }

    /// A byline naming several authors, joined the Ukrainian way, with the date in another part.
    func testBylineWithSeveralAuthorsAndDate() throws {
        let text = """
            Уряд затвердив нову програму житлових кредитів
            Автори: Марія Шевченко та Тарас Бойко | 3 березня 2024 р., 09:15 | Читати 4 хв

            Кабінет міністрів ухвалив постанову, яка знижує ставку за іпотекою для вчителів і медиків.
            """
        let article = try ArticleReader().read(Data(text.utf8), name: "uk.txt")
        XCTAssertEqual(article.authors, ["Марія Шевченко", "Тарас Бойко"])
        XCTAssertEqual(utcParts(article.published?.date), [2024, 3, 3, 9, 15])
        XCTAssertEqual(article.removed.first?.reason, "byline")
    }

    /// Prose that opens with a furniture word is not furniture.
    func testSentencesOpeningWithFurnitureWordsStay() throws {
        let text = """
            Парламент ухвалив закон про медіа
            Автори законопроєкту вважають, що він наблизить українське законодавство до європейського.

            Фото, які опублікували депутати, показують порожню залу під час голосування.
            """
        let article = try ArticleReader().read(Data(text.utf8), name: "uk.txt")
        XCTAssertEqual(article.blocks.count, 2, "\(article.removed)")
        XCTAssertEqual(article.authors, [])
    }

    /// The English rules still hold on the same kinds of line.
    func testEnglishFurnitureIsUnchanged() throws {
        let article = try Fixture.read("several-authors.txt")
        XCTAssertNil(article.language)
        XCTAssertEqual(article.authors, ["Anna Kovalenko", "Martin Fornusek", "Olena Goncharova"])
    }
}
