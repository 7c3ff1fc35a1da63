"""Russian function words, as lemmas, that say nothing about which story an article tells.

Document frequencies already give such words a low weight, but an archive of a few hundred
articles estimates them poorly, and leaving them out keeps every fingerprint small. The list
holds only closed-class words (prepositions, conjunctions, particles, pronouns, the commonest
auxiliaries and adverbs of degree and time); content words are never listed here, since which
of them are common is a property of the archive and is left to its frequencies.
"""

from __future__ import annotations

_LIST = """
а без более бы был быть в вам вас весь во вот все всего всех вы где да даже для до его
ее если есть еще же за здесь и из или им их к как какой кто когда ко который кроме ли
либо между меня мне много может мой мы на над надо наш не него нее нет ни них но ну о
об однако он она они оно от очень по под при про с сам свой себя со так также такой там
тем то тогда того тоже только том тот ту тут ты у уже хотя чем через что чтобы чей эта
эти это этот я около после перед против среди вокруг ради вместо вроде благодаря согласно
словно будто пусть лишь именно ведь вообще почти еще всегда иногда никогда сейчас теперь
затем потом тоже либо нибудь кое ибо причем притом зато поэтому потому отчего почему
зачем куда откуда туда сюда оттуда столь настолько сколько столько весьма слишком
наиболее менее самый каждый любой иной другой некоторый всякий сей оный никто ничто
нечто некто нечего некого мочь стать являться вне помимо
сквозь вдоль внутри возле близ подле мимо напротив вслед навстречу ввиду вследствие
насчет посредством путем касательно относительно включая исключая спустя
"""

STOPWORDS: frozenset[str] = frozenset(_LIST.split())
