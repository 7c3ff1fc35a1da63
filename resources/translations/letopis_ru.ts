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
    <name>FacetModel</name>
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
    <name>MainActions</name>
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
        <source>The phrase's words up to 3 words apart</source>
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
        <source>This word form only (точно:); also a "phrase"</source>
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
    <name>ReaderView</name>
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
    <name>ResultDelegate</name>
    <message>
        <source>(untitled)</source>
        <translation>(без заголовка)</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
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
    <name>SearchBar</name>
    <message>
        <source>Search the archive: words in any form, "phrases", title:, outlet:, date:…</source>
        <translation>Поиск по архиву: слова в любой форме, "фразы", заголовок:, издание:, дата:…</translation>
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
</TS>
