"""Find what the user named, and say how: by name, alias, inflection or phrase; else suggest close names.

Matching runs in order and stops at the first step that finds something:
1. the exact name or alias (after `name_key`: case, width, punctuation, spacing, control characters,
   contractions with or without their apostrophe, British or American spelling); a narrower kind
   listed under a symptom (hip fracture: fractures) is matched as that symptom and said to be a kind of it;
2. the same words with other endings (plural, singular, -ing, -ed), or written joined or apart
   (head ache / headache);
3. the same content words in any order, small function words aside ("pain in my back" / "back pain");
4. known phrases within the user's words, clause by clause: the words left over may only say how bad,
   how often, since when or whose ("my dad keeps getting headaches"), or name a site or place, which
   the ranking then uses ("rib pain"). A negation reaches to the end of its clause and takes out only
   what follows it ("headache but no vomiting"). A clause of one word that is the core of exactly one
   symptom's names ("appetite", "breathing") names that symptom.
Typos are never matched: `suggest` offers the closest names instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mbc_cli.declare import Record
from mbc_cli.errors import NotFoundError
from mbc_cli.kinds import SITE_KINDS
from mbc_cli.model import KnowledgeBase, LocalArea, NameRef, Site
from mbc_cli.understand.normalise import content, family, inflection, name_key, phrase_key, stem, stem_key
from mbc_cli.understand.sentences import (
    DASH,
    SENTENCE,
    SENTENCES,
    beside,
    clauses,
    harmless,
    left_out_phrases,
    on_the_surface,
)
from mbc_cli.understand.spelling import suggest
from mbc_cli.understand.words import (
    ANIMALS,
    COMPOUNDS,
    FUNCTION_WORDS,
    IDIOMS,
    NEGATIONS,
)

_COMPOUND_WORDS = frozenset(COMPOUNDS)
_IDIOMS_LONGEST_FIRST = sorted(IDIOMS, key=len, reverse=True)  # "sick and tired" before "tired of"


class Hit(Record):
    """One thing the user's text was understood to name, and how."""

    ref: NameRef
    matched: str
    """The name or alias it matched, normalised (its name key)."""
    how: str
    """name, alias, narrower, disorder, plural, singular, inflection, phrase or word (the core word of its names)."""
    ignored: tuple[str, ...] = ()
    """The user's words that were left aside: degree, time, whose, or a site's name."""
    negated: tuple[str, ...] = ()
    """The user's words that a negation took out ("no vomiting"): not matched."""
    places: tuple[str, ...] = ()
    """The ids of the sites (and local areas) the user's words name beside it ("rib pain": bone)."""


_KINDS_OF = frozenset({"narrower", "disorder"})
"""How a name may name only a kind of an entry, or a disorder that has it: such names make no core word."""

STRICT_WORDS = 3
"""A term of at most this many words must be understood whole ("fits and starts" names no seizure); in a
longer one, such as a sentence or a paragraph, the clauses that name nothing are left aside, and said to be."""


def find(kb: KnowledgeBase, text: str, kinds: frozenset[str]) -> tuple[Hit, ...]:
    """Return what `text` names among entries of the given kinds, each entry once, best step first.

    Several sentences are read one by one, and what each names is put together.
    """
    sentences = [part for part in SENTENCES.split(text) if name_key(part)]
    if len(sentences) > 1 and kinds - SITE_KINDS:
        found = [_one(kb, sentence, kinds, strict=False) for sentence in sentences]
        unread = [
            word
            for sentence, hits in zip(sentences, found, strict=True)
            if not hits
            for word in name_key(sentence).split()
            if word not in FUNCTION_WORDS
        ]
        return _together(found, unread)
    listed = "," in text or DASH.search(text) is not None  # "Urinary retention, catheterised": a note's list
    return _one(kb, text, kinds, strict=len(name_key(text).split()) <= STRICT_WORDS and not listed)


def _together(found: list[tuple[Hit, ...]], unread: list[str]) -> tuple[Hit, ...]:
    """What several sentences name, each entry once, with every sentence's words left aside and negated
    (`unread`: the words of the sentences that named nothing)."""
    if not any(found):
        return ()
    ignored = (*(word for hits in found for word in (hits[0].ignored if hits else ())), *unread)
    negated = tuple(word for hits in found for word in (hits[0].negated if hits else ()))
    places = tuple(dict.fromkeys(place for hits in found for hit in hits for place in hit.places))
    first: dict[tuple[str, str], Hit] = {}
    for hit in (hit for hits in found for hit in hits):
        first.setdefault((hit.ref.kind, hit.ref.id), hit)
    return tuple(Hit(h.ref, h.matched, h.how, ignored, negated, places) for h in first.values())


def _one(kb: KnowledgeBase, text: str, kinds: frozenset[str], *, strict: bool) -> tuple[Hit, ...]:
    """What one sentence names (commas part its clauses, as "and" does)."""
    key = name_key(DASH.sub(" and ", text.replace(",", " and ")))
    if not key:
        return ()
    padded = f" {key} "
    for idiom in _IDIOMS_LONGEST_FIRST:  # its words name no symptom: left standing as one word that names nothing
        if f" {idiom} " in padded:
            padded = padded.replace(f" {idiom} ", f" {idiom.replace(' ', '_')} ")
    key = padded.strip()
    whole = _whole(kb, key, kinds)
    if whole and kinds - SITE_KINDS:  # "bone pain" as an alias still names bone, for the ranking
        places = _places_named(kb, key.split(" "))
        return tuple(Hit(h.ref, h.matched, h.how, places=places) for h in whole) if places else whole
    return whole or _within(kb, key, kinds, strict=strict)


def _whole(kb: KnowledgeBase, key: str, kinds: frozenset[str]) -> tuple[Hit, ...]:
    """Steps 1-3: the whole of the user's words, as a name or alias, with other endings, or in any order."""
    exact = hits_of(kb, (key,), kinds, lambda ref, known: named_how(kb, ref, known))
    if exact:
        return exact
    joined = key.replace(" ", "")
    endings = (*kb.stems.get(stem_key(key), ()), *kb.stems.get(stem(joined), ()))
    inflected = hits_of(kb, endings, kinds, lambda ref, known: named_how(kb, ref, known, ending(key, known)))
    if inflected:
        return inflected
    return hits_of(kb, kb.phrases.get(phrase_key(key), ()), kinds, lambda r, k: named_how(kb, r, k, "phrase"))


def ending(key: str, known: str) -> str:
    """How the user's words differ from a name with the same stems: joined or apart, else their endings."""
    return "spelling" if key.replace(" ", "") == known.replace(" ", "") else inflection(key, known)


def named_how(kb: KnowledgeBase, ref: NameRef, known: str, otherwise: str | None = None) -> str:
    """How `known` names `ref`: its name, a narrower kind of it, or (else) `otherwise`, an alias by default."""
    entry = kb.entries(ref.kind).get(ref.id) if ref.kind.file else None  # a place is named with its site
    if known in {name_key(word) for word in getattr(entry, "narrower", ())}:  # symptoms and local areas have them
        return "narrower"
    if known in {name_key(word) for word in getattr(entry, "disorders", ())}:
        return "disorder"
    if otherwise is not None:
        return otherwise
    return "name" if name_key(ref.name) == known else "alias"


def hits_of(
    kb: KnowledgeBase, keys: Iterable[str], kinds: frozenset[str], how: Callable[[NameRef, str], str]
) -> tuple[Hit, ...]:
    hits: dict[tuple[str, str], Hit] = {}
    for known in keys:
        for ref in kb.names.get(known, ()):
            if ref.kind in kinds:
                hits.setdefault((ref.kind, ref.id), Hit(ref, known, how(ref, known)))
    return tuple(hits.values())


def _within(kb: KnowledgeBase, key: str, kinds: frozenset[str], *, strict: bool = True) -> tuple[Hit, ...]:
    """Step 4: the known phrases inside the user's words, clause by clause, when what is left over is harmless.

    Harmless: words of degree, time or person (`QUALIFIERS`), and the names of sites and places.
    Every clause must be understood: named, negated, or only qualifiers. One that is not ("fits and
    starts", "itchy eyes") means the words say something else, and nothing is matched. A clause
    opened by "when", "after", "if"... says when the symptom comes: it is left aside, and said to be.
    """
    hits: dict[tuple[str, str], Hit] = {}
    ignored: list[str] = list(left_out_phrases(key))
    negated: list[str] = []
    parts = clauses(key)
    for number, (clause, circumstance) in enumerate(parts):
        if circumstance and hits:
            ignored += [word for word in clause if word not in FUNCTION_WORDS]
            continue
        found, aside, out, understood = _in_clause(kb, clause, kinds)
        if not found and not out and number + 1 < len(parts):
            # "chest and back pain": a clause that names nothing alone may share the next one's noun
            shared, _, _, together = _in_clause(kb, clause + parts[number + 1][0], kinds)
            own = _words_of(kb, parts[number + 1][0], kinds)
            if together and any(hit.matched not in own for hit in shared):
                found, aside, understood = [hit for hit in shared if hit.matched not in own], [], True
        if not understood:
            if strict:
                return ()
            ignored += [word for word in clause if word not in FUNCTION_WORDS]
            continue
        for hit in found:
            hits.setdefault((hit.ref.kind, hit.ref.id), hit)
        ignored += aside
        negated += out
    if not hits:
        return ()
    places = _places_named(kb, ignored) if kinds - SITE_KINDS else ()
    return tuple(Hit(h.ref, h.matched, h.how, tuple(ignored), tuple(negated), places) for h in hits.values())


def _words_of(kb: KnowledgeBase, clause: list[str], kinds: frozenset[str]) -> frozenset[str]:
    """The known phrases one clause names on its own."""
    return frozenset(hit.matched for hit in _in_clause(kb, clause, kinds)[0])


def _in_clause(
    kb: KnowledgeBase, clause: list[str], kinds: frozenset[str]
) -> tuple[list[Hit], list[str], list[str], bool]:
    """The hits of one clause, the words it left aside, the words a negation took out, and whether
    the clause was understood at all.

    A negation ("no", "not", "without") takes out the rest of its clause, unless it is part of a known
    phrase ("do not feel like eating"); what comes before it still counts ("pain without swelling").
    """
    if ANIMALS & set(clause):  # "my dog has a rash": not a person's symptom
        return [], [], [], False
    families = {word: family(word) for word in set(clause)}  # a long clause repeats its words: each read once
    senses = [families[word] for word in clause]
    wanted = frozenset(s for word, s in zip(clause, senses, strict=True) if content(word))
    candidates = _phrases_within(kb, wanted, kinds)
    covered = frozenset[str]().union(*candidates.values())
    negation_at = next(
        (i for i, w in enumerate(clause) if w in NEGATIONS and senses[i] not in covered), len(clause)
    )  # the word itself: "note" shares a stem with "not", but negates nothing
    before = frozenset(senses[:negation_at])
    kept = {known: words for known, words in candidates.items() if words <= before}
    hits = [
        Hit(ref, known, named_how(kb, ref, known, "phrase"))
        for known in kept
        for ref in kb.names[known]
        if ref.kind in kinds
    ]
    used = frozenset[str]().union(*kept.values())
    left = [w for w, s in zip(clause[:negation_at], senses[:negation_at], strict=True) if s in wanted - used]
    negated = clause[negation_at:]
    if not hits and not negated:
        core = _core_word(kb, left, kinds)
        if core is not None:
            hits, left = [core], list(core.ignored)
    surface = on_the_surface(clause)
    distinct = set(left)
    calm = {word: harmless(word) for word in distinct}
    sites = {word: _site_ids(kb, word) for word in distinct if not calm[word] or hits}
    placed = [w for w in left if w not in surface and (not calm[w] or (hits and sites[w]))]
    places = [sites[word] for word in placed]
    unknown = {word for word, ids in zip(placed, places, strict=True) if not ids}
    if unknown:
        # Words that are neither qualifiers nor places: in a short clause they change what it says ("rash
        # decision"); in a longer one, a phrase still counts unless such a word stands right beside it.
        if len(clause) < SENTENCE or not hits:
            return [], [], [], False
        hits = [hit for hit in hits if not beside(clause, senses, kept.get(hit.matched, frozenset()), unknown)]
        places = [ids for ids in places if ids]
    hits = [hit for hit in hits if not places or _linked(kb, hit.ref, places)]
    understood = bool(hits or negated or (not places and not candidates))
    return hits, left, negated, understood


def _linked(kb: KnowledgeBase, ref: NameRef, places: list[frozenset[str]]) -> bool:
    """Whether a symptom is one the sources link to each of the places named beside it ("itchy eyes" is not)."""
    if ref.kind != "symptom":
        return False
    linked = {site_id for site_id, _ in kb.sites_by_symptom.get(ref.id, ())}
    return all(linked & ids for ids in places)


def _core_word(kb: KnowledgeBase, left: list[str], kinds: frozenset[str]) -> Hit | None:
    """A clause whose only meaningful word is the core of exactly one entry's names: "appetite", "breathing".

    Not after "bad" or "good": "bad breath" is not shortness of breath.
    """
    if "symptom" not in kinds or _COMPOUND_WORDS & set(left) or any(word.isdigit() for word in left):
        return None  # a number beside it makes it a measurement ("calcium 9.4 mg/dL"), not the symptom
    meaningful = [word for word in left if not harmless(word)]
    if len(meaningful) != 1:
        return None
    [word] = meaningful
    core = family(word)
    if word in NEGATIONS or _site_ids(kb, word):
        return None
    named = [known for known in kb.words.get(core, ()) if any(ref.kind in kinds for ref in kb.names[known])]
    keys = [
        known
        for known in named
        if any(ref.kind in kinds and named_how(kb, ref, known) not in _KINDS_OF for ref in kb.names[known])
    ] or named  # a narrower kind ("painful breathing" under chest pain) makes no core word where a name does
    entries = {(ref.kind, ref.id) for known in keys for ref in kb.names[known] if ref.kind in kinds}
    if len(entries) != 1 or len(keys) < 2:  # one name holding a word ("blocked up") does not make it a core
        return None
    trouble = family("trouble")
    if left != [word] and sum(trouble in content(known) for known in keys) * 2 > len(keys):
        # the word names what goes wrong, not the symptom ("trouble urinating"): beside other words it is
        # the thing itself ("frequent urination"), so it is matched alone only ("breathing")
        return None
    known = min(keys, key=lambda k: (len(k), k))
    ref = next(ref for ref in kb.names[known] if ref.kind in kinds)
    aside = tuple(w for w in left if w != word)
    return Hit(ref, known, "word", aside)


def _places_named(kb: KnowledgeBase, words: Iterable[str]) -> tuple[str, ...]:
    """The sites and local areas the user's words name ("rib pain": bone), for ranking the answer."""
    found: dict[str, None] = {}
    for word in words:
        if content(word):
            found.update(dict.fromkeys(sorted(_site_ids(kb, word))))
    return tuple(found)


def _site_ids(kb: KnowledgeBase, word: str) -> frozenset[str]:
    """The sites and local areas one typed word names (bone, liver, lungs, spine), if any.

    A word names a place as it is, or as its plural or singular: not as a verb's -ing or -ed form,
    which only shares the light stem ("spinning" is not the spine, "boned" not bone).
    """
    if word in kb.names:
        keys: tuple[str, ...] = (word,)
    elif word.endswith(("ing", "ed")):
        return frozenset()
    else:
        keys = kb.stems.get(stem_key(word), ())
    return frozenset(ref.id for known in keys for ref in kb.names[known] if ref.kind in SITE_KINDS)


def _phrases_within(kb: KnowledgeBase, wanted: frozenset[str], kinds: frozenset[str]) -> dict[str, frozenset[str]]:
    """Name keys whose content words all occur in `wanted`, keeping only the longest (not inside another)."""
    found: dict[str, frozenset[str]] = {}
    for word in wanted:
        for known in kb.words.get(word, ()):
            if known not in found and any(ref.kind in kinds for ref in kb.names[known]):
                words = content(known)
                if words <= wanted:
                    found[known] = words
    return {known: words for known, words in found.items() if not any(words < other for other in found.values())}


def area_hit(kb: KnowledgeBase, name: str) -> Hit:
    """Return what `name` means as a place in the body; a site wins over a place or local area."""
    found = find(kb, name, SITE_KINDS)
    if not found:
        raise NotFoundError("site", name, suggest(kb, name, SITE_KINDS))
    if found[0].how == "phrase" and len({hit.ref.id for hit in found}) > 1:  # "liver and lungs": ask for one
        raise NotFoundError("site", name, tuple(dict.fromkeys(hit.ref.name for hit in found)))
    return next((hit for hit in found if hit.ref.kind == "site"), found[0])


def area(kb: KnowledgeBase, name: str) -> Site | LocalArea:
    """Return the site or local area `name` means (a place within a site means its site)."""
    ref = area_hit(kb, name).ref
    return kb.local_areas[ref.id] if ref.kind == "local_area" else kb.sites[ref.id]
