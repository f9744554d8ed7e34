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

import difflib
import re
from collections.abc import Callable, Iterable

from mbc_cli import searchable
from mbc_cli.declare import Record
from mbc_cli.errors import NotFoundError
from mbc_cli.model import (
    SITE_KINDS,
    KnowledgeBase,
    LocalArea,
    NameRef,
    Note,
    Site,
)
from mbc_cli.names import content, family, inflection, name_key, phrase_key, stem, stem_key
from mbc_cli.vocabulary import (
    ALONE_NAMES_NOTHING,
    ANIMALS,
    BODY_SURFACE,
    CIRCUMSTANCES,
    CLAUSE_BREAKS,
    COMPOUNDS,
    FUNCTION_WORDS,
    IDIOMS,
    MODIFIERS,
    NEGATIONS,
    ON_THE_BODY,
    QUALIFIER_PHRASES,
    QUALIFIERS,
    WHERE_OR_WHEN,
)

_QUALIFIER_SENSES = frozenset(family(word) for word in MODIFIERS)
_COMPOUND_WORDS = frozenset(COMPOUNDS)
_WEAK = frozenset(family(word) for word in ALONE_NAMES_NOTHING)


class Hit(Record):
    """One thing the user's text was understood to name, and how."""

    ref: NameRef
    matched: str
    """The name or alias it matched, normalised (its name key)."""
    how: str
    """name, alias, narrower, plural, singular, inflection, phrase or word (the core word of its names)."""
    ignored: tuple[str, ...] = ()
    """The user's words that were left aside: degree, time, whose, or a site's name."""
    negated: tuple[str, ...] = ()
    """The user's words that a negation took out ("no vomiting"): not matched."""
    places: tuple[str, ...] = ()
    """The ids of the sites (and local areas) the user's words name beside it ("rib pain": bone)."""


STRICT_WORDS = 3
"""A term of at most this many words must be understood whole ("fits and starts" names no seizure); in a
longer one, such as a sentence or a paragraph, the clauses that name nothing are left aside, and said to be."""
_SENTENCES = re.compile(r"[.!?;]+(?=\s|$)|\n+")
"""Where a sentence ends: a full stop (or ! ? ;) before a space or the end, or a new line; not the ; of
a terminal escape sequence, nor the . of 5.5."""


_DASH = re.compile(r"\s[-\u2013\u2014]+\s")
"""A dash between spaces, which parts a note's clauses as a comma does ("?MSCC - urgent MRI requested")."""
_CODE = re.compile(r"[a-z]\d\d[0-9a-z]*")
"""A classification's code (ICD-10 R04.2 is "r04 2" as a name key): a word a report adds, not a symptom's."""


def find(kb: KnowledgeBase, text: str, kinds: frozenset[str]) -> tuple[Hit, ...]:
    """Return what `text` names among entries of the given kinds, each entry once, best step first.

    Several sentences are read one by one, and what each names is put together.
    """
    sentences = [part for part in _SENTENCES.split(text) if name_key(part)]
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
    listed = "," in text or _DASH.search(text) is not None  # "Urinary retention, catheterised": a note's list
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
    key = name_key(_DASH.sub(" and ", text.replace(",", " and ")))
    if not key:
        return ()
    for idiom in _IDIOMS_LONGEST_FIRST:  # its words name no symptom: left standing as one word that names nothing
        key = f" {key} ".replace(f" {idiom} ", f" {idiom.replace(' ', '_')} ").strip()
    whole = _whole(kb, key, kinds)
    if whole and kinds - SITE_KINDS:  # "bone pain" as an alias still names bone, for the ranking
        places = _places_named(kb, key.split(" "))
        return tuple(Hit(h.ref, h.matched, h.how, places=places) for h in whole) if places else whole
    return whole or _within(kb, key, kinds, strict=strict)


def _whole(kb: KnowledgeBase, key: str, kinds: frozenset[str]) -> tuple[Hit, ...]:
    """Steps 1-3: the whole of the user's words, as a name or alias, with other endings, or in any order."""
    exact = _hits(kb, (key,), kinds, lambda ref, known: _named_how(kb, ref, known))
    if exact:
        return exact
    joined = key.replace(" ", "")
    endings = (*kb.stems.get(stem_key(key), ()), *kb.stems.get(stem(joined), ()))
    inflected = _hits(kb, endings, kinds, lambda ref, known: _named_how(kb, ref, known, _ending(key, known)))
    if inflected:
        return inflected
    return _hits(kb, kb.phrases.get(phrase_key(key), ()), kinds, lambda r, k: _named_how(kb, r, k, "phrase"))


def _ending(key: str, known: str) -> str:
    """How the user's words differ from a name with the same stems: joined or apart, else their endings."""
    return "spelling" if key.replace(" ", "") == known.replace(" ", "") else inflection(key, known)


def _named_how(kb: KnowledgeBase, ref: NameRef, known: str, otherwise: str | None = None) -> str:
    """How `known` names `ref`: its name, a narrower kind of it, or (else) `otherwise`, an alias by default."""
    if ref.kind == "symptom" and known in {name_key(word) for word in kb.symptoms[ref.id].narrower}:
        return "narrower"
    if otherwise is not None:
        return otherwise
    return "name" if name_key(ref.name) == known else "alias"


def _hits(
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
    ignored: list[str] = list(_left_out_phrases(key))
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


def clauses(key: str) -> list[tuple[list[str], bool]]:
    """The user's words in clauses, split at "but", "and", "when"..., with qualifier phrases left out.

    Each clause comes with whether it says when the symptom comes ("when I stand up").
    """
    text = f" {key} "
    for phrase in _LONGEST_FIRST:
        text = text.replace(f" {phrase} ", " ")
    found: list[tuple[list[str], bool]] = [([], False)]
    for word in text.split():
        if word in CLAUSE_BREAKS or word in CIRCUMSTANCES:
            found.append(([], word in CIRCUMSTANCES))
        else:
            found[-1][0].append(word)
    return [(clause, circumstance) for clause, circumstance in found if clause]


def _words_of(kb: KnowledgeBase, clause: list[str], kinds: frozenset[str]) -> frozenset[str]:
    """The known phrases one clause names on its own."""
    return frozenset(hit.matched for hit in _in_clause(kb, clause, kinds)[0])


def _left_out_phrases(key: str) -> tuple[str, ...]:
    """The qualifier phrases in `key` ("keeps coming back"), each once, a longer one before its parts."""
    text, found = f" {key} ", []
    for phrase in _LONGEST_FIRST:
        if f" {phrase} " in text:
            found.append(phrase)
            text = text.replace(f" {phrase} ", " ")
    return tuple(found)


_LONGEST_FIRST = sorted(QUALIFIER_PHRASES, key=len, reverse=True)
_IDIOMS_LONGEST_FIRST = sorted(IDIOMS, key=len, reverse=True)  # "sick and tired" before "tired of"


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
    senses = [family(word) for word in clause]
    wanted = frozenset(s for word, s in zip(clause, senses, strict=True) if content(word))
    candidates = _phrases_within(kb, wanted, kinds)
    covered = frozenset[str]().union(*candidates.values())
    negation_at = next(
        (i for i, w in enumerate(clause) if w in NEGATIONS and senses[i] not in covered), len(clause)
    )  # the word itself: "note" shares a stem with "not", but negates nothing
    before = frozenset(senses[:negation_at])
    kept = {known: words for known, words in candidates.items() if words <= before}
    hits = [
        Hit(ref, known, _named_how(kb, ref, known, "phrase"))
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
    surface = _on_the_surface(clause)
    placed = [w for w in left if w not in surface and (not _harmless(w) or (hits and _site_ids(kb, w)))]
    places = [_site_ids(kb, word) for word in placed]
    unknown = {word for word, ids in zip(placed, places, strict=True) if not ids}
    if unknown:
        # Words that are neither qualifiers nor places: in a short clause they change what it says ("rash
        # decision"); in a longer one, a phrase still counts unless such a word stands right beside it.
        if len(clause) < _SENTENCE or not hits:
            return [], [], [], False
        hits = [hit for hit in hits if not _beside(clause, senses, kept.get(hit.matched, frozenset()), unknown)]
        places = [ids for ids in places if ids]
    hits = [hit for hit in hits if not places or _linked(kb, hit.ref, places)]
    understood = bool(hits or negated or (not places and not candidates))
    return hits, left, negated, understood


def _on_the_surface(clause: list[str]) -> frozenset[str]:
    """The body parts a clause puts a symptom on ("rash on my stomach", "swelling over the left clavicle"):
    where on the body, not a site the symptom must be linked to. Small words and sides may stand between."""
    on: set[str] = set()
    after = False
    for word in clause:
        if word in ON_THE_BODY:
            after = True
        elif after and (word in FUNCTION_WORDS or word in _SIDES):
            continue
        elif after and (family(word) in _WEAK or word in BODY_SURFACE):
            on.add(word)
        else:
            after = False
    return frozenset(on)


_SIDES = QUALIFIERS["which side"]


_SENTENCE = 4
"""A clause of at least this many words is read as a sentence: a word it does not know only matters right beside
the phrase it names ("pt reports nausea since starting cycle 2"), not anywhere in it ("rash decision")."""


def _beside(clause: list[str], senses: list[str], words: frozenset[str], unknown: set[str]) -> bool:
    """Whether a word of `unknown` is the nearest word before or after the words of a phrase in the clause."""
    at = [i for i, sense in enumerate(senses) if sense in words]
    if not at:
        return False
    before = [word for word in clause[: min(at)] if word not in FUNCTION_WORDS][-1:]
    after = []
    for word in clause[max(at) + 1 :]:
        if word in WHERE_OR_WHEN:  # "a convulsion in the shower": where or when, not what
            break
        if word not in FUNCTION_WORDS:
            after = [word]
            break
    return bool(set(before + after) & unknown)  # small words between do not part them: "seizure of assets"


def _harmless(word: str) -> bool:
    """A word that may stand beside a symptom's phrase without changing it: a qualifier, a word that names
    nothing alone ("levels" in "raised calcium levels", "arm" in "skin rash on my arm"), or a lone letter
    (the b of "<b>headache</b>"), or a number ("x 3 days")."""
    sense = family(word)
    return (
        sense in _QUALIFIER_SENSES
        or sense in _WEAK
        or len(word) == 1
        or word.isdigit()
        or _CODE.fullmatch(word) is not None
    )


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
    meaningful = [word for word in left if not _harmless(word)]
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
        if any(ref.kind in kinds and _named_how(kb, ref, known) != "narrower" for ref in kb.names[known])
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
    """The sites and local areas one typed word names (bone, liver, lungs, spine), if any."""
    keys = (word,) if word in kb.names else kb.stems.get(stem_key(word), ())
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


CUTOFF = 0.6
"""How alike (difflib's ratio) a name must be to what was typed to be suggested."""


def suggest(kb: KnowledgeBase, text: str, kinds: frozenset[str], limit: int = 3) -> tuple[str, ...]:
    """Return up to `limit` known names of the given kinds closest to `text`, best first, one per entry.

    Close spellings first (difflib's ratio, at least CUTOFF), then names that share a word with `text`.
    Spellings are compared first with the names that begin with the same letter (a typo rarely
    changes the first one, and a large knowledge base need not be read whole), then with all.
    """
    key = name_key(text)
    if not content(key):  # only small words ("the of and"): any name would be a random guess
        return ()

    def close(keys: Iterable[str]) -> list[str]:
        # difflib's ratio is at most 2 * shorter / (both lengths): names too short or too long to
        # reach the cutoff are left out first, so a 10,000-character term costs nothing here.
        candidates = [
            known
            for known in keys
            if 2 * min(len(key), len(known)) >= CUTOFF * (len(key) + len(known))
            and any(ref.kind in kinds for ref in kb.names[known])
        ]
        return difflib.get_close_matches(key, candidates, n=limit * 3, cutoff=CUTOFF) if candidates else []

    found = close(kb.names.starting_with(key[0])) or close(kb.names)
    sharing = [
        known
        for word in content(" ".join(word for word in key.split() if len(word) >= 4))  # not "de", "mal"
        for known in kb.words.get(word, ())
        if any(ref.kind in kinds for ref in kb.names[known])
    ]
    chosen: dict[tuple[str, str], str] = {}
    for known in (*found, *sorted(set(sharing), key=lambda k: (len(k), k))):
        ref = next(ref for ref in kb.names[known] if ref.kind in kinds)
        chosen.setdefault((ref.kind, ref.id), known)
    return tuple(chosen.values())[:limit]


SPELLING_CUTOFF = 0.85
"""How close a word left aside must be to a one-word name to be taken for its misspelling ("nausious":
nauseous): stricter than CUTOFF, because the word stands in a sentence mbc understood otherwise."""


def misspelled(kb: KnowledgeBase, words: Iterable[str], kinds: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The words left aside that look like a misspelt one-word name of the given kinds, each with that name:
    (("nausious", "nauseous"),). Never matched, only said, as suggestions are: "did you mean"."""
    found: list[tuple[str, str]] = []
    for word in dict.fromkeys(words):
        if len(word) < 5 or _harmless(word) or searchable.normal(word) in kb.text_words or family(word) in kb.words:
            continue
        names = [
            known
            for known in kb.names.starting_with(word[0])
            if " " not in known and any(ref.kind in kinds for ref in kb.names[known])
        ]
        close = difflib.get_close_matches(word, names, n=1, cutoff=SPELLING_CUTOFF)
        if close:
            found.append((word, close[0]))
    return tuple(found)


def advice(kb: KnowledgeBase) -> Note:
    """Return the sources' advice that ends every answer: see the care team."""
    return kb.notes.get("contact_care_team") or next(n for n in kb.notes.values() if n.topic == "advice")


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
