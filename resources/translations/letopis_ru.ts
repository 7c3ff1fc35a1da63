<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Letopis</source>
        <translation>О программе «Летопись»</translation>
    </message>
    <message>
        <source>Letopis %1</source>
        <translation>Летопись %1</translation>
    </message>
    <message>
        <source>An archive of news coverage: Russian full-text search, facets and reading.</source>
        <translation>Архив новостных публикаций: полнотекстовый поиск по-русски, фильтры и чтение.</translation>
    </message>
    <message>
        <source>Qt %1 · PySide6 %2 · Python %3</source>
        <translation>Qt %1 · PySide6 %2 · Python %3</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>OpenCorpora dictionaries</source>
        <translation>Словари OpenCorpora</translation>
    </message>
    <message>
        <source>Letopis is free software: you can redistribute it and modify it under the terms of the GNU General Public License, version 3 or any later version. It comes with no warranty.</source>
        <translation>«Летопись» — свободная программа: её можно распространять и изменять на условиях GNU General Public License версии 3 или любой более поздней. Программа поставляется без каких-либо гарантий.</translation>
    </message>
    <message>
        <source>Components and their licences:</source>
        <translation>Компоненты и их лицензии:</translation>
    </message>
</context>
<context>
    <name>ArchiveActions</name>
    <message>
        <source>Add Folder to the Archive</source>
        <translation>Добавить папку в архив</translation>
    </message>
    <message>
        <source>Add Files to the Archive</source>
        <translation>Добавить файлы в архив</translation>
    </message>
    <message>
        <source>News files (*.txt *.md *.html *.htm *.json *.jsonl *.ndjson *.gz);;All files (*)</source>
        <translation>Файлы новостей (*.txt *.md *.html *.htm *.json *.jsonl *.ndjson *.gz);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Импорт: %1</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Re-scanning</source>
        <translation>Повторный просмотр</translation>
    </message>
    <message>
        <source>Importing the sample archive</source>
        <translation>Импорт примера архива</translation>
    </message>
    <message numerus="yes">
        <source>Sample archive ready: %n article(s) to try. Add your own with Archive → Add Folder… (Ctrl+O).</source>
        <translation>
            <numerusform>Пример архива готов: %n статья для пробы. Добавьте свои: Архив → Добавить папку… (Ctrl+O).</numerusform>
            <numerusform>Пример архива готов: %n статьи для пробы. Добавьте свои: Архив → Добавить папку… (Ctrl+O).</numerusform>
            <numerusform>Пример архива готов: %n статей для пробы. Добавьте свои: Архив → Добавить папку… (Ctrl+O).</numerusform>
        </translation>
    </message>
    <message>
        <source>Import finished: %1 added, %2 updated, %3 removed, %4 duplicates, %5 problems (%6 s).</source>
        <translation>Импорт завершён: добавлено %1, обновлено %2, удалено %3, дубликатов %4, ошибок %5 (%6 с).</translation>
    </message>
    <message>
        <source>Import cancelled; nothing from it was added.</source>
        <translation>Импорт отменён; из него ничего не добавлено.</translation>
    </message>
    <message>
        <source>Another program is importing into this archive; try again when it ends.</source>
        <translation>В этот архив уже импортирует другая программа; повторите, когда она закончит.</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Импорт не удался: %1</translation>
    </message>
    <message>
        <source>Export Results as CSV</source>
        <translation>Экспорт результатов в CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>Экспортировано: %1 в %2</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Экспорт отменён.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Экспорт не удался: %1</translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation>Удаление: %1</translation>
    </message>
    <message>
        <source>Removed %1 from the archive.</source>
        <translation>Из архива удалено: %1.</translation>
    </message>
</context>
<context>
    <name>ArchiveStages</name>
    <message>
        <source>Grouping into events</source>
        <translation>Группировка по событиям</translation>
    </message>
    <message>
        <source>Grouping into events…</source>
        <translation>Группировка по событиям…</translation>
    </message>
    <message>
        <source>Finding names</source>
        <translation>Поиск имён</translation>
    </message>
    <message>
        <source>Finding names…</source>
        <translation>Поиск имён…</translation>
    </message>
    <message>
        <source>Finding names stopped with %1 left; it continues at the next start or import.</source>
        <translation>Поиск имён остановлен, осталось: %1. Он продолжится при следующем запуске или импорте.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1: ошибка — %2</translation>
    </message>
</context>
<context>
    <name>CompareLegend</name>
    <message>
        <source>Same wording</source>
        <translation>Тот же текст</translation>
    </message>
    <message>
        <source>Paraphrase</source>
        <translation>Пересказ</translation>
    </message>
    <message>
        <source>Only in this report</source>
        <translation>Только в этой публикации</translation>
    </message>
    <message>
        <source>Figures that differ</source>
        <translation>Расхождения в цифрах</translation>
    </message>
    <message>
        <source>The sentence appears in another report word for word or nearly so</source>
        <translation>Предложение есть в другой публикации дословно или почти дословно</translation>
    </message>
    <message>
        <source>Another report says the same in other words</source>
        <translation>Другая публикация говорит то же другими словами</translation>
    </message>
    <message>
        <source>No other report has a counterpart of this sentence</source>
        <translation>Ни в одной другой публикации нет соответствия этому предложению</translation>
    </message>
    <message>
        <source>A figure another report gives differently (see Discrepancies)</source>
        <translation>Цифра, которую другая публикация приводит иначе (см. «Расхождения»)</translation>
    </message>
</context>
<context>
    <name>ComparePanels</name>
    <message>
        <source>Choose a row to see both places in the columns.</source>
        <translation>Выберите строку, чтобы увидеть оба места в колонках.</translation>
    </message>
    <message>
        <source>The reports agree on every figure that could be compared, and on who said what.</source>
        <translation>Публикации сходятся во всех цифрах, которые удалось сопоставить, и в том, кто что сказал.</translation>
    </message>
    <message>
        <source>No direct or reported speech was found.</source>
        <translation>Прямой и косвенной речи не найдено.</translation>
    </message>
    <message>
        <source>No people, organisations or places are known for these reports yet. They are found in the background after an import; compare again when that has finished.</source>
        <translation>Люди, организации и места в этих публикациях ещё не найдены. Их поиск идёт в фоне после импорта; сравните снова, когда он закончится.</translation>
    </message>
    <message>
        <source>Discrepancies (%1)</source>
        <translation>Расхождения (%1)</translation>
    </message>
    <message>
        <source>Quotes (%1)</source>
        <translation>Цитаты (%1)</translation>
    </message>
    <message>
        <source>Entities (%1)</source>
        <translation>Имена (%1)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare Reports</source>
        <translation>Сравнение публикаций</translation>
    </message>
    <message>
        <source>Select two or more articles to compare.</source>
        <translation>Выберите для сравнения две статьи или больше.</translation>
    </message>
    <message>
        <source>Hold Ctrl or Shift while clicking to select several articles in the list.</source>
        <translation>Чтобы выбрать в списке несколько статей, щёлкайте по ним, удерживая Ctrl или Shift.</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <source>Comparing the reports…</source>
        <translation>Сравниваю публикации…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>There is nothing to compare: at least two reports are needed.</source>
        <translation>Сравнивать нечего: нужны хотя бы две публикации.</translation>
    </message>
    <message>
        <source>An article to compare is no longer in the archive.</source>
        <translation>Одной из статей для сравнения больше нет в архиве.</translation>
    </message>
    <message>
        <source>The reports could not be compared.</source>
        <translation>Не удалось сравнить публикации.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>Reports: %1 · first: %2</source>
        <translation>Публикаций: %1 · первой: %2</translation>
    </message>
    <message>
        <source>one event</source>
        <translation>одно событие</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>Экспорт в HTML…</translation>
    </message>
    <message>
        <source>A page that opens offline and prints</source>
        <translation>Страница, которая открывается без сети и хорошо печатается</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>The discrepancies, for a spreadsheet</source>
        <translation>Расхождения — для электронной таблицы</translation>
    </message>
    <message>
        <source>Export Comparison as HTML</source>
        <translation>Экспорт сравнения в HTML</translation>
    </message>
    <message>
        <source>Export Discrepancies as CSV</source>
        <translation>Экспорт расхождений в CSV</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Веб-страницы (*.html)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспортирую…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>The comparison could not be exported.</source>
        <translation>Не удалось экспортировать сравнение.</translation>
    </message>
    <message>
        <source>Remove from Event</source>
        <translation>Исключение из события</translation>
    </message>
    <message>
        <source>Take «%1» out of the event?</source>
        <translation>Исключить «%1» из события?</translation>
    </message>
    <message>
        <source>It becomes an event of its own, and the event «%1» keeps the other reports.</source>
        <translation>Публикация станет отдельным событием, а в событии «%1» останутся остальные.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Исключить</translation>
    </message>
    <message>
        <source>The report could not be taken out of the event: %1</source>
        <translation>Не удалось исключить публикацию из события: %1</translation>
    </message>
    <message>
        <source>The report was taken out of the event. One report is left, nothing to compare.</source>
        <translation>Публикация исключена из события. Осталась одна публикация — сравнивать нечего.</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Most of the other reports name this; this one does not</source>
        <translation>Большинство других публикаций это называют, а эта — нет</translation>
    </message>
</context>
<context>
    <name>DateHistogram</name>
    <message>
        <source>Articles by month</source>
        <translation>Статьи по месяцам</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Выбрано: %1</translation>
    </message>
    <message>
        <source>No dated articles</source>
        <translation>Нет статей с датой</translation>
    </message>
    <message>
        <source>%1 – %2: no articles</source>
        <translation>%1 – %2: статей нет</translation>
    </message>
</context>
<context>
    <name>DiscrepancyModel</name>
    <message>
        <source>Number</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>Ordinal</source>
        <translation>Порядковый номер</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Процент</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Автор слов</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О чём</translation>
    </message>
    <message>
        <source>One report says</source>
        <translation>В одной публикации</translation>
    </message>
    <message>
        <source>Another says</source>
        <translation>В другой</translation>
    </message>
    <message>
        <source>Both can hold</source>
        <translation>Совместимы</translation>
    </message>
    <message>
        <source>who said it</source>
        <translation>кто сказал</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Whether both statements can be true at once, given words such as «more than»</source>
        <translation>Могут ли оба утверждения быть верны одновременно с учётом слов вроде «более»</translation>
    </message>
</context>
<context>
    <name>EntitiesDialog</name>
    <message>
        <source>Entities</source>
        <translation>Объекты</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Фильтр по имени</translation>
    </message>
    <message>
        <source>Show hidden</source>
        <translation>Показывать скрытые</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>Объединить с…</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>показано: %1</translation>
    </message>
    <message>
        <source>%1 hidden</source>
        <translation>скрыто: %1</translation>
    </message>
    <message>
        <source>Show Again</source>
        <translation>Показать снова</translation>
    </message>
</context>
<context>
    <name>EntityArticlesModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Издание</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>(no longer in the archive)</source>
        <translation>(больше нет в архиве)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
</context>
<context>
    <name>EntityCurator</name>
    <message>
        <source>Rename Entity</source>
        <translation>Переименовать объект</translation>
    </message>
    <message>
        <source>A new name for «%1». An existing name makes the two one entity.</source>
        <translation>Новое имя для «%1». Если такое имя уже есть, объекты объединятся.</translation>
    </message>
    <message>
        <source>Merge Entities</source>
        <translation>Объединить объекты</translation>
    </message>
    <message>
        <source>Merge %1 into the entity:</source>
        <translation>Объединить %1 с объектом:</translation>
    </message>
</context>
<context>
    <name>EntityLegend</name>
    <message>
        <source>Hide the highlights of this type</source>
        <translation>Скрыть подсветку этого типа</translation>
    </message>
    <message>
        <source>Highlight this type again</source>
        <translation>Снова подсвечивать этот тип</translation>
    </message>
</context>
<context>
    <name>EntityNameDialog</name>
    <message>
        <source>Type a name.</source>
        <translation>Введите имя.</translation>
    </message>
    <message>
        <source>Choose another entity than the one being merged.</source>
        <translation>Выберите другой объект, а не тот, что объединяется.</translation>
    </message>
    <message>
        <source>No entity of the archive has this name.</source>
        <translation>В архиве нет объекта с таким именем.</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Hidden: not highlighted, counted or offered</source>
        <translation>Скрыт: не подсвечивается, не считается и не предлагается</translation>
    </message>
</context>
<context>
    <name>EntityTypes</name>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
</context>
<context>
    <name>EntityWindow</name>
    <message>
        <source>Entity</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Back to the previous entity (Alt+Left)</source>
        <translation>К предыдущему объекту (Alt+Left)</translation>
    </message>
    <message>
        <source>Filter by It</source>
        <translation>Отфильтровать по нему</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>Объединить с…</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Together</source>
        <translation>Вместе</translation>
    </message>
    <message>
        <source>Named with it</source>
        <translation>Упоминаются вместе</translation>
    </message>
    <message>
        <source>%1 — Entity</source>
        <translation>%1 — объект</translation>
    </message>
    <message>
        <source>Show Again</source>
        <translation>Показать снова</translation>
    </message>
    <message>
        <source>«%1» is hidden: it is not highlighted, counted or offered.</source>
        <translation>«%1» скрыт: не подсвечивается, не считается и не предлагается.</translation>
    </message>
    <message>
        <source>No article of the archive names «%1».</source>
        <translation>Ни одна статья архива не упоминает «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%Ln mention(s)</source>
        <translation>
            <numerusform>%Ln упоминание</numerusform>
            <numerusform>%Ln упоминания</numerusform>
            <numerusform>%Ln упоминаний</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>с %1 по %2</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <source>Back to «%1» (Alt+Left)</source>
        <translation>Назад к «%1» (Alt+Left)</translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message>
        <source>&amp;Show Articles</source>
        <translation>Показать ст&amp;атьи</translation>
    </message>
    <message>
        <source>Show the event&apos;s reports in the Articles tab (Enter)</source>
        <translation>Показать публикации события на вкладке «Статьи» (Enter)</translation>
    </message>
    <message>
        <source>&amp;Compare Reports</source>
        <translation>&amp;Сравнить публикации</translation>
    </message>
    <message>
        <source>&amp;Rename Event…</source>
        <translation>&amp;Переименовать событие…</translation>
    </message>
    <message>
        <source>&amp;Merge Events…</source>
        <translation>&amp;Объединить события…</translation>
    </message>
    <message>
        <source>S&amp;plit Event…</source>
        <translation>&amp;Разделить событие…</translation>
    </message>
    <message>
        <source>Mo&amp;ve Reports…</source>
        <translation>П&amp;еренести публикации…</translation>
    </message>
    <message>
        <source>P&amp;in Event</source>
        <translation>&amp;Закрепить событие</translation>
    </message>
    <message>
        <source>&amp;Not This Event</source>
        <translation>&amp;Не это событие</translation>
    </message>
    <message>
        <source>Take the open article out of its event</source>
        <translation>Убрать открытую статью из её события</translation>
    </message>
    <message>
        <source>Compare the event&apos;s reports side by side</source>
        <translation>Сравнить публикации события бок о бок</translation>
    </message>
    <message>
        <source>Compare the Whole S&amp;tory</source>
        <translation>Сравнить всю &amp;историю</translation>
    </message>
    <message>
        <source>Compare every report of the events that continue this one over days (its story)</source>
        <translation>Сравнить все публикации событий, продолжающих это в следующие дни (всю историю)</translation>
    </message>
    <message>
        <source>Show the Whole Stor&amp;y</source>
        <translation>Показать всю ист&amp;орию</translation>
    </message>
    <message>
        <source>List the events of this story alone, oldest first: its timeline</source>
        <translation>Показать только события этой истории, от ранних к поздним: её хронику</translation>
    </message>
    <message numerus="yes">
        <source>Show the Whole Stor&amp;y (%n events)</source>
        <translation>
            <numerusform>Показать всю ист&amp;орию (%n событие)</numerusform>
            <numerusform>Показать всю ист&amp;орию (%n события)</numerusform>
            <numerusform>Показать всю ист&amp;орию (%n событий)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compare the Whole S&amp;tory (%n events)</source>
        <translation>
            <numerusform>Сравнить всю &amp;историю (%n событие)</numerusform>
            <numerusform>Сравнить всю &amp;историю (%n события)</numerusform>
            <numerusform>Сравнить всю &amp;историю (%n событий)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unp&amp;in Event</source>
        <translation>О&amp;ткрепить событие</translation>
    </message>
    <message>
        <source>The event is pinned: unpin it to change its reports</source>
        <translation>Событие закреплено: открепите его, чтобы изменить состав публикаций</translation>
    </message>
    <message>
        <source>The events could not be read: %1</source>
        <translation>Не удалось прочитать события: %1</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>The correction could not be made.</source>
        <translation>Не удалось внести исправление.</translation>
    </message>
    <message>
        <source>The event is renamed</source>
        <translation>Событие переименовано</translation>
    </message>
    <message>
        <source>«%1» is pinned: unpin it first, or keep its name</source>
        <translation>Событие «%1» закреплено: сначала открепите его или оставьте его название</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) merged</source>
        <translation>
            <numerusform>Объединено %n событие</numerusform>
            <numerusform>Объединены %n события</numerusform>
            <numerusform>Объединено %n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>The event is split</source>
        <translation>Событие разделено</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) moved</source>
        <translation>
            <numerusform>Перенесена %n публикация</numerusform>
            <numerusform>Перенесены %n публикации</numerusform>
            <numerusform>Перенесено %n публикаций</numerusform>
        </translation>
    </message>
    <message>
        <source>The event is pinned</source>
        <translation>Событие закреплено</translation>
    </message>
    <message>
        <source>The event is unpinned</source>
        <translation>Событие откреплено</translation>
    </message>
    <message>
        <source>The article is taken out of its event</source>
        <translation>Статья убрана из события</translation>
    </message>
</context>
<context>
    <name>EventStrip</name>
    <message>
        <source>Not this event</source>
        <translation>Не это событие</translation>
    </message>
    <message>
        <source>unknown outlet</source>
        <translation>издание не указано</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Also reported by:</source>
        <translation>Об этом также писали:</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
    <message>
        <source>The event is pinned: unpin it to change its reports</source>
        <translation>Событие закреплено: открепите его, чтобы изменить состав публикаций</translation>
    </message>
    <message>
        <source>Take this article out of the event «%1»</source>
        <translation>Убрать эту статью из события «%1»</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Pinned: kept as it is when reports are grouped again</source>
        <translation>Закреплено: при повторной группировке остаётся как есть</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>Издания</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Публ.</translation>
    </message>
    <message>
        <source>Number of reports</source>
        <translation>Число публикаций</translation>
    </message>
</context>
<context>
    <name>EventsPane</name>
    <message>
        <source>Several reports only</source>
        <translation>Без одиночных публикаций</translation>
    </message>
    <message>
        <source>Hide the stories that only one report tells</source>
        <translation>Скрыть сюжеты, о которых есть лишь одна публикация</translation>
    </message>
    <message>
        <source>Find an event by its name, an outlet or a name in it…</source>
        <translation>Найти событие по названию, изданию или имени…</translation>
    </message>
    <message>
        <source>All Events</source>
        <translation>Все события</translation>
    </message>
    <message>
        <source>Show every event again</source>
        <translation>Снова показать все события</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Исправить</translation>
    </message>
    <message numerus="yes">
        <source>The story of %n event(s), %1: how «%2» went on</source>
        <translation>
            <numerusform>История из %n события, %1: как развивалось «%2»</numerusform>
            <numerusform>История из %n событий, %1: как развивалось «%2»</numerusform>
            <numerusform>История из %n событий, %1: как развивалось «%2»</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the events…</source>
        <translation>Читаю события…</translation>
    </message>
    <message>
        <source>Rename, merge, split, move reports, pin</source>
        <translation>Переименовать, объединить, разделить, перенести публикации, закрепить</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 из %n события</numerusform>
            <numerusform>%1 из %n событий</numerusform>
            <numerusform>%1 из %n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>No events yet.
Reports are grouped into events when they are imported.</source>
        <translation>Событий пока нет.
Публикации группируются в события при импорте.</translation>
    </message>
    <message>
        <source>No events match.
Try another word, or show the single reports too.</source>
        <translation>Подходящих событий нет.
Попробуйте другое слово или покажите и одиночные публикации.</translation>
    </message>
</context>
<context>
    <name>FacetModel</name>
    <message>
        <source>Person</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>Показать меньше</translation>
    </message>
    <message>
        <source>Show all %1</source>
        <translation>Показать все %1</translation>
    </message>
    <message>
        <source>Only the most frequent values are shown; show them all</source>
        <translation>Показаны только самые частые значения; показать все</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Издание</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Excluded: articles with this value are hidden</source>
        <translation>Исключено: статьи с этим значением скрыты</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Drag across the months to choose dates</source>
        <translation>Проведите по месяцам, чтобы выбрать даты</translation>
    </message>
    <message>
        <source>Clear the dates</source>
        <translation>Сбросить даты</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>Показать меньше</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Показать все</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Сбросить все</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Сбросить все фильтры</translation>
    </message>
    <message>
        <source>Find a value…</source>
        <translation>Найти значение…</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Включить</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Исключить</translation>
    </message>
    <message>
        <source>Only this</source>
        <translation>Только это</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Clear this filter</source>
        <translation>Сбросить этот фильтр</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Развернуть все</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Свернуть все</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>Найти в статье</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Предыдущее совпадение (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Следующее совпадение (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
</context>
<context>
    <name>FoldersDialog</name>
    <message>
        <source>Archive Folders</source>
        <translation>Папки архива</translation>
    </message>
    <message>
        <source>Letopis reads these folders and files. Re-scan picks up new, changed and deleted files.</source>
        <translation>«Летопись» читает эти папки и файлы. Повторный просмотр находит новые, изменённые и удалённые файлы.</translation>
    </message>
    <message>
        <source>Folder or file</source>
        <translation>Папка или файл</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Добавить папку…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Re-scan All</source>
        <translation>Просмотреть все заново</translation>
    </message>
    <message>
        <source>sample archive</source>
        <translation>пример архива</translation>
    </message>
    <message>
        <source>Remove Folder</source>
        <translation>Убрать папку</translation>
    </message>
    <message>
        <source>Stop following this folder? Its articles leave the archive; the files themselves stay.</source>
        <translation>Больше не следить за этой папкой? Её статьи уйдут из архива; сами файлы останутся на месте.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln статья</numerusform>
            <numerusform>%Ln статьи</numerusform>
            <numerusform>%Ln статей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LagText</name>
    <message>
        <source>no date</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>first</source>
        <translation>первой</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 д</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 ч</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>%1 · identical copy of %2</source>
        <translation>%1 · точная копия: %2</translation>
    </message>
</context>
<context>
    <name>ListTabs</name>
    <message>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>The articles the search finds (Alt+1)</source>
        <translation>Статьи, найденные поиском (Alt+1)</translation>
    </message>
    <message>
        <source>Reports of the same story, grouped into events (Alt+2)</source>
        <translation>Публикации об одном и том же, сгруппированные в события (Alt+2)</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>Sa&amp;ved Searches</source>
        <translation>Сохранённые &amp;поиски</translation>
    </message>
    <message>
        <source>&amp;Save Search…</source>
        <translation>&amp;Сохранить поиск…</translation>
    </message>
    <message>
        <source>&amp;Manage Saved Searches…</source>
        <translation>&amp;Управление сохранёнными поисками…</translation>
    </message>
    <message>
        <source>&amp;Entities…</source>
        <translation>&amp;Объекты…</translation>
    </message>
    <message>
        <source>Next &amp;Name</source>
        <translation>Следующее &amp;имя</translation>
    </message>
    <message>
        <source>Previous Na&amp;me</source>
        <translation>Предыдущее и&amp;мя</translation>
    </message>
    <message>
        <source>Co&amp;mpare Selected Articles</source>
        <translation>&amp;Сравнить выбранные статьи</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Архив</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>Добавить &amp;папку…</translation>
    </message>
    <message>
        <source>Add F&amp;iles…</source>
        <translation>Добавить &amp;файлы…</translation>
    </message>
    <message>
        <source>&amp;Re-scan Folders</source>
        <translation>Просмотреть папки &amp;заново</translation>
    </message>
    <message>
        <source>F&amp;olders…</source>
        <translation>Па&amp;пки архива…</translation>
    </message>
    <message>
        <source>Import &amp;Problems…</source>
        <translation>&amp;Ошибки импорта…</translation>
    </message>
    <message>
        <source>Outlet &amp;Aliases…</source>
        <translation>&amp;Синонимы изданий…</translation>
    </message>
    <message>
        <source>&amp;Export Results as CSV…</source>
        <translation>&amp;Экспорт результатов в CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Поиск</translation>
    </message>
    <message>
        <source>&amp;Find in Archive</source>
        <translation>&amp;Искать в архиве</translation>
    </message>
    <message>
        <source>&amp;Recent Searches</source>
        <translation>&amp;Недавние запросы</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>&amp;Сбросить фильтры</translation>
    </message>
    <message>
        <source>Most &amp;Relevant First</source>
        <translation>Сначала &amp;наиболее подходящие</translation>
    </message>
    <message>
        <source>&amp;Newest First</source>
        <translation>Сначала н&amp;овые</translation>
    </message>
    <message>
        <source>A&amp;rticle</source>
        <translation>&amp;Статья</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>&amp;Найти в статье…</translation>
    </message>
    <message>
        <source>&amp;Next Hit</source>
        <translation>&amp;Следующее совпадение</translation>
    </message>
    <message>
        <source>&amp;Previous Hit</source>
        <translation>&amp;Предыдущее совпадение</translation>
    </message>
    <message>
        <source>Next &amp;Article</source>
        <translation>Следующая с&amp;татья</translation>
    </message>
    <message>
        <source>Previous A&amp;rticle</source>
        <translation>Предыдущая ст&amp;атья</translation>
    </message>
    <message>
        <source>&amp;Open Original in Browser</source>
        <translation>&amp;Открыть оригинал в браузере</translation>
    </message>
    <message>
        <source>&amp;Copy Link</source>
        <translation>&amp;Копировать ссылку</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Filters Panel</source>
        <translation>Панель &amp;фильтров</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>Со&amp;бытия</translation>
    </message>
    <message>
        <source>&amp;Articles List</source>
        <translation>Список &amp;статей</translation>
    </message>
    <message>
        <source>&amp;Events List</source>
        <translation>Список со&amp;бытий</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>&amp;Крупнее</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>&amp;Мельче</translation>
    </message>
    <message>
        <source>&amp;Normal Size</source>
        <translation>&amp;Обычный размер</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Query Language</source>
        <translation>&amp;Язык запросов</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Клавиатурные сокращения</translation>
    </message>
    <message>
        <source>&amp;About Letopis</source>
        <translation>&amp;О программе «Летопись»</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the archive…</source>
        <translation>Открываю архив…</translation>
    </message>
    <message>
        <source>The archive could not be opened</source>
        <translation>Не удалось открыть архив</translation>
    </message>
    <message>
        <source>Letopis</source>
        <translation>Летопись</translation>
    </message>
    <message>
        <source>The archive could not be opened.</source>
        <translation>Не удалось открыть архив.</translation>
    </message>
    <message>
        <source>empty archive</source>
        <translation>пустой архив</translation>
    </message>
    <message>
        <source>sample archive</source>
        <translation>пример архива</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 и ещё %n</numerusform>
            <numerusform>%1 и ещё %n</numerusform>
            <numerusform>%1 и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Index up to date</source>
        <translation>Индекс актуален</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>Индексирую…</translation>
    </message>
    <message>
        <source>Importing the sample archive…</source>
        <translation>Импортирую пример архива…</translation>
    </message>
    <message>
        <source>Drop to add to the archive</source>
        <translation>Отпустите, чтобы добавить в архив</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Останавливаю…</translation>
    </message>
</context>
<context>
    <name>MergeEventsDialog</name>
    <message>
        <source>Merge Events</source>
        <translation>Объединение событий</translation>
    </message>
    <message numerus="yes">
        <source>The %n report(s) of these events become one event.</source>
        <translation>
            <numerusform>%n публикация этих событий станет одним событием.</numerusform>
            <numerusform>%n публикации этих событий станут одним событием.</numerusform>
            <numerusform>%n публикаций этих событий станут одним событием.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Keep the name of:</source>
        <translation>Оставить название:</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n report(s)</source>
        <translation>
            <numerusform>%1 — %n публикация</numerusform>
            <numerusform>%1 — %n публикации</numerusform>
            <numerusform>%1 — %n публикаций</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveReportsDialog</name>
    <message>
        <source>Split Event</source>
        <translation>Разделение события</translation>
    </message>
    <message>
        <source>Move Reports</source>
        <translation>Перенос публикаций</translation>
    </message>
    <message>
        <source>Reports of «%1»:</source>
        <translation>Публикации события «%1»:</translation>
    </message>
    <message>
        <source>A new event of their own, named:</source>
        <translation>В новое событие с названием:</translation>
    </message>
    <message>
        <source>the first report&apos;s title</source>
        <translation>заголовок первой публикации</translation>
    </message>
    <message>
        <source>No event: each report stands on its own</source>
        <translation>Вне событий: каждая публикация сама по себе</translation>
    </message>
    <message>
        <source>Another event:</source>
        <translation>В другое событие:</translation>
    </message>
    <message>
        <source>Find an event by its name, an outlet or a name in it…</source>
        <translation>Найти событие по названию, изданию или имени…</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Разделить</translation>
    </message>
    <message>
        <source>Move the checked reports to:</source>
        <translation>Перенести отмеченные публикации:</translation>
    </message>
    <message>
        <source>Check the reports to move.</source>
        <translation>Отметьте публикации, которые нужно перенести.</translation>
    </message>
    <message>
        <source>To split the event, leave at least one report in it.</source>
        <translation>Чтобы разделить событие, оставьте в нём хотя бы одну публикацию.</translation>
    </message>
    <message>
        <source>Choose the event they go to.</source>
        <translation>Выберите событие, куда их перенести.</translation>
    </message>
</context>
<context>
    <name>OutletAliasesDialog</name>
    <message>
        <source>Outlet Aliases</source>
        <translation>Синонимы изданий</translation>
    </message>
    <message>
        <source>Articles whose outlet is written one of these ways, or whose address is on one of these hosts, are filed under the outlet on the right.</source>
        <translation>Статьи, у которых издание записано одним из этих способов или адрес ведёт на один из этих сайтов, относятся к изданию справа.</translation>
    </message>
    <message>
        <source>Spelling or host</source>
        <translation>Написание или сайт</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Издание</translation>
    </message>
    <message>
        <source>e.g. omskzdes.ru or Омск-здесь</source>
        <translation>например, omskzdes.ru или Омск-здесь</translation>
    </message>
    <message>
        <source>e.g. Омск Здесь</source>
        <translation>например, Омск Здесь</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Spelling or host:</source>
        <translation>Написание или сайт:</translation>
    </message>
    <message>
        <source>Outlet:</source>
        <translation>Издание:</translation>
    </message>
    <message>
        <source>Waiting for the import to finish…</source>
        <translation>Жду окончания импорта…</translation>
    </message>
    <message>
        <source>Refiling articles…</source>
        <translation>Переношу статьи…</translation>
    </message>
    <message numerus="yes">
        <source>Saved; %n article(s) refiled.</source>
        <translation>
            <numerusform>Сохранено; перенесена %n статья.</numerusform>
            <numerusform>Сохранено; перенесены %n статьи.</numerusform>
            <numerusform>Сохранено; перенесено %n статей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Import Problems</source>
        <translation>Ошибки импорта</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Filter by file or problem</source>
        <translation>Отбор по файлу или тексту ошибки</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the selected rows (or all) as tab-separated text</source>
        <translation>Скопировать выбранные строки (или все) как текст с табуляциями</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) met while importing. Files that could not be read keep their earlier articles; fix a file and add its folder again to retry.</source>
        <translation>
            <numerusform>При импорте встретилась %n ошибка. У непрочитанных файлов остаются прежние статьи; исправьте файл и добавьте его папку снова.</numerusform>
            <numerusform>При импорте встретились %n ошибки. У непрочитанных файлов остаются прежние статьи; исправьте файл и добавьте его папку снова.</numerusform>
            <numerusform>При импорте встретилось %n ошибок. У непрочитанных файлов остаются прежние статьи; исправьте файл и добавьте его папку снова.</numerusform>
        </translation>
    </message>
    <message>
        <source>No import problems.</source>
        <translation>Ошибок импорта нет.</translation>
    </message>
</context>
<context>
    <name>QueryHelp</name>
    <message>
        <source>Both words, in any form («форума», «Омске»)</source>
        <translation>Оба слова, в любой форме («форума», «Омске»)</translation>
    </message>
    <message>
        <source>Either word (also ИЛИ); AND / И; NOT / НЕ</source>
        <translation>Любое из слов (или ИЛИ); AND / И; NOT / НЕ</translation>
    </message>
    <message>
        <source>Leave out articles with the word after the minus</source>
        <translation>Без статей, где есть слово после минуса</translation>
    </message>
    <message>
        <source>A phrase: these words, in this order</source>
        <translation>Фраза: эти слова в этом порядке</translation>
    </message>
    <message>
        <source>The phrase&apos;s words up to 3 words apart</source>
        <translation>Слова фразы на расстоянии до 3 слов</translation>
    </message>
    <message>
        <source>In the title only (заголовок:); body: in the text only (текст:)</source>
        <translation>Только в заголовке (заголовок:); body: — только в тексте (текст:)</translation>
    </message>
    <message>
        <source>Outlet (издание:), author (автор:): exact value, any case</source>
        <translation>Издание (издание:), автор (автор:): точное значение, регистр не важен</translation>
    </message>
    <message>
        <source>Published on a day, in a month or a year (дата:)</source>
        <translation>Опубликовано в день, месяц или год (дата:)</translation>
    </message>
    <message>
        <source>Published between two dates</source>
        <translation>Опубликовано между двумя датами</translation>
    </message>
    <message>
        <source>A year (год:), a month (месяц:)</source>
        <translation>Год (год:), месяц (месяц:)</translation>
    </message>
    <message>
        <source>Wildcards over dictionary forms</source>
        <translation>Шаблоны по словарным формам</translation>
    </message>
    <message>
        <source>Fuzzy: within 1 (or 2) letters, for misspellings</source>
        <translation>Нечётко: с разницей в 1 (или 2) буквы, для опечаток</translation>
    </message>
    <message>
        <source>This word form only (точно:); also a &quot;phrase&quot;</source>
        <translation>Только эта форма слова (точно:); можно и «фразу» в кавычках</translation>
    </message>
    <message>
        <source>Query language</source>
        <translation>Язык запросов</translation>
    </message>
    <message>
        <source>Words are found in any grammatical form, and ё and е are the same letter. Click an example to try it.</source>
        <translation>Слова находятся в любой грамматической форме, ё и е считаются одной буквой. Щёлкните пример, чтобы попробовать.</translation>
    </message>
    <message>
        <source>Filters in the panel on the left combine with the query.</source>
        <translation>Фильтры на панели слева действуют вместе с запросом.</translation>
    </message>
</context>
<context>
    <name>QuoteModel</name>
    <message>
        <source>Speaker</source>
        <translation>Кто говорит</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Публикация</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Слова</translation>
    </message>
    <message>
        <source>Also in</source>
        <translation>Также в</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>прямая речь</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>косвенная речь</translation>
    </message>
    <message>
        <source>The same remark, quoted or retold by these reports</source>
        <translation>То же высказывание приводят или пересказывают эти публикации</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>%1: %2 — click to filter by it or open it</source>
        <translation>%1: %2 — щёлкните, чтобы отфильтровать или открыть</translation>
    </message>
    <message>
        <source>Filter by «%1»</source>
        <translation>Отфильтровать по «%1»</translation>
    </message>
    <message>
        <source>Open «%1»</source>
        <translation>Открыть «%1»</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>Open original</source>
        <translation>Открыть оригинал</translation>
    </message>
    <message>
        <source>Select an article in the list to read it here.</source>
        <translation>Выберите статью в списке, чтобы прочитать её здесь.</translation>
    </message>
    <message>
        <source>This article has no web address</source>
        <translation>У этой статьи нет веб-адреса</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>Source file:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Open in the web browser</source>
        <translation>Открыть в браузере</translation>
    </message>
    <message>
        <source>Hidden by the outlet as a spoiler</source>
        <translation>Издание скрыло это как спойлер</translation>
    </message>
    <message>
        <source>The outlet&apos;s standing text (a footer, credit or signature it repeats): left out of events, entities and comparisons</source>
        <translation>Постоянный текст издания (подпись, призыв подписаться, указание источника фото): не учитывается в событиях, именах и сравнении</translation>
    </message>
    <message>
        <source>Identical copy of %1</source>
        <translation>Точная копия публикации: %1</translation>
    </message>
    <message numerus="yes">
        <source>Identical copy of %1, %n minute(s) later</source>
        <translation>
            <numerusform>Точная копия публикации: %1, на %n минуту позже</numerusform>
            <numerusform>Точная копия публикации: %1, на %n минуты позже</numerusform>
            <numerusform>Точная копия публикации: %1, на %n минут позже</numerusform>
        </translation>
    </message>
    <message>
        <source>No hits in this article</source>
        <translation>В этой статье совпадений нет</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message>
        <source>Hit %1 of %2</source>
        <translation>Совпадение %1 из %2</translation>
    </message>
</context>
<context>
    <name>RenameEventDialog</name>
    <message>
        <source>Rename Event</source>
        <translation>Переименование события</translation>
    </message>
    <message>
        <source>Leave it empty to go back to the name Letopis chose.</source>
        <translation>Оставьте поле пустым, чтобы вернуть название, выбранное «Летописью».</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
</context>
<context>
    <name>ReportColumn</name>
    <message>
        <source>Unknown outlet</source>
        <translation>Издание неизвестно</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Без даты</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>Remove from event</source>
        <translation>Исключить из события</translation>
    </message>
    <message>
        <source>Take this report out of the event; it becomes an event of its own</source>
        <translation>Исключить публикацию из события: она станет отдельным событием</translation>
    </message>
</context>
<context>
    <name>ResultDelegate</name>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
    <message>
        <source>No outlet or date</source>
        <translation>Издание и дата не указаны</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <source>Compare the selected articles side by side (Ctrl+Shift+C)</source>
        <translation>Сравнить выбранные статьи бок о бок (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Compare (%1)</source>
        <translation>Сравнить (%1)</translation>
    </message>
    <message>
        <source>Most relevant first</source>
        <translation>Сначала подходящие</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>Order of the results</source>
        <translation>Порядок результатов</translation>
    </message>
    <message>
        <source>Opening the archive…</source>
        <translation>Открываю архив…</translation>
    </message>
    <message>
        <source>No articles match.
Try fewer words, other forms of a name, or clear the filters.</source>
        <translation>Подходящих статей нет.
Попробуйте меньше слов, другое написание имени или сбросьте фильтры.</translation>
    </message>
    <message>
        <source>The archive is empty.
Add a folder of news with Archive → Add Folder… or drop it here.</source>
        <translation>Архив пуст.
Добавьте папку с новостями: Архив → Добавить папку… — или перетащите её сюда.</translation>
    </message>
</context>
<context>
    <name>SampleBanner</name>
    <message>
        <source>A small sample archive to try Letopis with. Add your own news here, or drop folders onto the window.</source>
        <translation>Это небольшой пример архива, чтобы попробовать «Летопись». Добавьте свои новости здесь или перетащите папки в окно.</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Добавить папку…</translation>
    </message>
</context>
<context>
    <name>SavedSearchActions</name>
    <message>
        <source>No saved searches yet</source>
        <translation>Сохранённых поисков пока нет</translation>
    </message>
    <message>
        <source>There is no saved search called «%1» any more.</source>
        <translation>Сохранённого поиска «%1» больше нет.</translation>
    </message>
    <message>
        <source>Saved search «%1»</source>
        <translation>Сохранённый поиск «%1»</translation>
    </message>
    <message>
        <source>Search saved as «%1»</source>
        <translation>Поиск сохранён как «%1»</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>Сохранить поиск</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation>Переименовать сохранённый поиск</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Saved search «%1» deleted</source>
        <translation>Сохранённый поиск «%1» удалён</translation>
    </message>
    <message>
        <source>all articles</source>
        <translation>все статьи</translation>
    </message>
    <message>
        <source>not %1: %2</source>
        <translation>%1, кроме: %2</translation>
    </message>
    <message>
        <source>newest first</source>
        <translation>сначала новые</translation>
    </message>
    <message>
        <source>most relevant first</source>
        <translation>сначала наиболее подходящие</translation>
    </message>
</context>
<context>
    <name>SavedSearchesDialog</name>
    <message>
        <source>Saved Searches</source>
        <translation>Сохранённые поиски</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Finds</source>
        <translation>Что ищет</translation>
    </message>
    <message>
        <source>No saved searches yet. Search, then choose Saved Searches → Save Search… (Ctrl+S).</source>
        <translation>Сохранённых поисков пока нет. Выполните поиск и выберите «Сохранённые поиски → Сохранить поиск…» (Ctrl+S).</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Выполнить</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search the archive: words in any form, &quot;phrases&quot;, title:, outlet:, date:…</source>
        <translation>Поиск по архиву: слова в любой форме, &quot;фразы&quot;, заголовок:, издание:, дата:…</translation>
    </message>
    <message>
        <source>Recent searches</source>
        <translation>Недавние запросы</translation>
    </message>
    <message>
        <source>Query language (F1)</source>
        <translation>Язык запросов (F1)</translation>
    </message>
    <message>
        <source>Cannot run this query: %1</source>
        <translation>Запрос не выполнить: %1</translation>
    </message>
</context>
<context>
    <name>SearchNameDialog</name>
    <message>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
    <message>
        <source>Save over the search of that name</source>
        <translation>Сохранить поверх поиска с этим названием</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Give the search a name.</source>
        <translation>Дайте поиску название.</translation>
    </message>
    <message>
        <source>The name is too long; shorten it.</source>
        <translation>Название слишком длинное; сократите его.</translation>
    </message>
    <message>
        <source>There is already a saved search called «%1».</source>
        <translation>Сохранённый поиск «%1» уже есть.</translation>
    </message>
    <message>
        <source>There is no saved search called «%1» any more.</source>
        <translation>Сохранённого поиска «%1» больше нет.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Enter (in the search field)</source>
        <translation>Enter (в строке поиска)</translation>
    </message>
    <message>
        <source>Search at once</source>
        <translation>Искать сразу</translation>
    </message>
    <message>
        <source>Down (in the search field)</source>
        <translation>Вниз (в строке поиска)</translation>
    </message>
    <message>
        <source>Go to the results</source>
        <translation>Перейти к результатам</translation>
    </message>
    <message>
        <source>Down (in the empty search field)</source>
        <translation>Вниз (в пустой строке поиска)</translation>
    </message>
    <message>
        <source>Recent searches</source>
        <translation>Недавние запросы</translation>
    </message>
    <message>
        <source>Esc (in the search field)</source>
        <translation>Esc (в строке поиска)</translation>
    </message>
    <message>
        <source>Clear the query</source>
        <translation>Очистить запрос</translation>
    </message>
    <message>
        <source>Up, Down (in the results)</source>
        <translation>Вверх, Вниз (в результатах)</translation>
    </message>
    <message>
        <source>Read the previous, next article</source>
        <translation>Читать предыдущую, следующую статью</translation>
    </message>
    <message>
        <source>Space (in the filters)</source>
        <translation>Пробел (в фильтрах)</translation>
    </message>
    <message>
        <source>Include or clear a value</source>
        <translation>Включить значение или сбросить его</translation>
    </message>
    <message>
        <source>Enter, Shift+Enter (in Find)</source>
        <translation>Enter, Shift+Enter (в поиске по статье)</translation>
    </message>
    <message>
        <source>Next, previous match</source>
        <translation>Следующее, предыдущее совпадение</translation>
    </message>
    <message>
        <source>Esc (in Find)</source>
        <translation>Esc (в поиске по статье)</translation>
    </message>
    <message>
        <source>Close Find</source>
        <translation>Закрыть поиск по статье</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Клавиатурные сокращения</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>files</source>
        <translation>файлов</translation>
    </message>
    <message>
        <source>articles</source>
        <translation>статей</translation>
    </message>
    <message>
        <source>Show the files that could not be imported</source>
        <translation>Показать файлы, которые не удалось импортировать</translation>
    </message>
    <message>
        <source>%1 in the archive</source>
        <translation>В архиве: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n import problem(s)</source>
        <translation>
            <numerusform>%n ошибка импорта</numerusform>
            <numerusform>%n ошибки импорта</numerusform>
            <numerusform>%n ошибок импорта</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Scanning folders</source>
        <translation>Просмотр папок</translation>
    </message>
    <message>
        <source>Reading files</source>
        <translation>Чтение файлов</translation>
    </message>
    <message>
        <source>Saving the index</source>
        <translation>Сохранение индекса</translation>
    </message>
    <message>
        <source>Learning each outlet&apos;s footers and credits</source>
        <translation>Изучение подписей и ссылок, повторяющихся у каждого издания</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Останавливаю…</translation>
    </message>
    <message>
        <source>%1 / %2 · %3 %4/s · %5 left</source>
        <translation>%1 / %2 · %3 %4/с · осталось %5</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
</context>
</TS>
