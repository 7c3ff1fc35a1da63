<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArchiveActions</name>
    <message numerus="yes">
        <source>Sample archive ready: %n article(s) to try. Add your own with Archive → Add Folder… (Ctrl+O).</source>
        <translation>
            <numerusform>Sample archive ready: %n article to try. Add your own with Archive → Add Folder… (Ctrl+O).</numerusform>
            <numerusform>Sample archive ready: %n articles to try. Add your own with Archive → Add Folder… (Ctrl+O).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message numerus="yes">
        <source>Compare the Whole S&amp;tory (%n events)</source>
        <translation>
            <numerusform>Compare the Whole S&amp;tory (%n event)</numerusform>
            <numerusform>Compare the Whole S&amp;tory (%n events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the Whole Stor&amp;y (%n events)</source>
        <translation>
            <numerusform>Show the Whole Stor&amp;y (%n event)</numerusform>
            <numerusform>Show the Whole Stor&amp;y (%n events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) merged</source>
        <translation>
            <numerusform>%n event merged</numerusform>
            <numerusform>%n events merged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) moved</source>
        <translation>
            <numerusform>%n report moved</numerusform>
            <numerusform>%n reports moved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventStrip</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsPane</name>
    <message numerus="yes">
        <source>The story of %n event(s), %1: how «%2» went on</source>
        <translation>
            <numerusform>The story of %n event, %1: how «%2» went on</numerusform>
            <numerusform>The story of %n events, %1: how «%2» went on</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeEventsDialog</name>
    <message numerus="yes">
        <source>The %n report(s) of these events become one event.</source>
        <translation>
            <numerusform>The %n report of these events becomes one event.</numerusform>
            <numerusform>The %n reports of these events become one event.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n report(s)</source>
        <translation>
            <numerusform>%1 — %n report</numerusform>
            <numerusform>%1 — %n reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutletAliasesDialog</name>
    <message numerus="yes">
        <source>Saved; %n article(s) refiled.</source>
        <translation>
            <numerusform>Saved; %n article refiled.</numerusform>
            <numerusform>Saved; %n articles refiled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message numerus="yes">
        <source>%n problem(s) met while importing. Files that could not be read keep their earlier articles; fix a file and add its folder again to retry.</source>
        <translation>
            <numerusform>%n problem met while importing. Files that could not be read keep their earlier articles; fix a file and add its folder again to retry.</numerusform>
            <numerusform>%n problems met while importing. Files that could not be read keep their earlier articles; fix a file and add its folder again to retry.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message numerus="yes">
        <source>Identical copy of %1, %n minute(s) later</source>
        <translation>
            <numerusform>Identical copy of %1, %n minute later</numerusform>
            <numerusform>Identical copy of %1, %n minutes later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message numerus="yes">
        <source>%n import problem(s)</source>
        <translation>
            <numerusform>%n import problem</numerusform>
            <numerusform>%n import problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityWindow</name>
    <message numerus="yes">
        <source>%Ln mention(s)</source>
        <translation>
            <numerusform>%Ln mention</numerusform>
            <numerusform>%Ln mentions</numerusform>
        </translation>
    </message>
</context>
</TS>
