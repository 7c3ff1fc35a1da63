"""Which documents match a query, as a set, computed with set operations where possible.

Facet counts need every matching document, not the best few. Whoosh finds them by stepping
matcher trees document by document in Python; for the common shapes — terms combined with
AND, OR and NOT — reading each term's posting list once and combining Python sets is many
times faster. Anything else (phrases, ranges, exact forms) falls back to whoosh's matchers
for that branch only.
"""

from __future__ import annotations

from whoosh import query
from whoosh.searching import Searcher


def matching_docs(searcher: Searcher, q: query.Query) -> set[int]:
    """Global document numbers of the live documents matching ``q``."""
    parts = searcher.subsearchers or [(searcher, 0)]
    found: set[int] = set()
    for sub, offset in parts:
        reader = sub.reader()
        docs = _docs(sub, reader, q)
        if reader.has_deletions():
            docs = {d for d in docs if not reader.is_deleted(d)}
        found.update(d + offset for d in docs) if offset else found.update(docs)
    return found


def _docs(searcher: Searcher, reader: object, q: query.Query) -> set[int]:
    if isinstance(q, query.Term):
        if (q.fieldname, q.text) not in reader:  # type: ignore[operator]
            return set()
        return set(reader.postings(q.fieldname, q.text).all_ids())  # type: ignore[attr-defined]
    if isinstance(q, query.Or):
        result: set[int] = set()
        for child in q.subqueries:
            result |= _docs(searcher, reader, child)
        return result
    if isinstance(q, query.And):
        children = sorted(q.subqueries, key=lambda c: not isinstance(c, query.Term))
        result = _docs(searcher, reader, children[0]) if children else set()
        for child in children[1:]:
            if not result:
                break
            if isinstance(child, query.Not):
                result -= _docs(searcher, reader, child.query)
            else:
                result &= _docs(searcher, reader, child)
        return result
    if isinstance(q, query.AndNot):
        return _docs(searcher, reader, q.a) - _docs(searcher, reader, q.b)
    if isinstance(q, query.Every) and q.fieldname in (None, "", "*"):
        return set(range(reader.doc_count_all()))  # type: ignore[attr-defined]
    if q is query.NullQuery:
        return set()
    return set(q.docs(searcher))
