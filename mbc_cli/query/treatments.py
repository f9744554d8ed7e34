"""Treatments that fit a cancer's subtype and site, and the tests that find spread."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mbc_cli.declare import Record
from mbc_cli.errors import UsageError
from mbc_cli.index import ANY
from mbc_cli.model import ANY_SUBTYPE, AreaLink, Drug, KnowledgeBase, LocalArea, Site, SubtypeLink, Test, Treatment
from mbc_cli.understand import recognise


class Profile(Record):
    """What the user said about the cancer; None means not said (unknown)."""

    hr_positive: bool | None = None
    her2_positive: bool | None = None
    brca_mutation: bool | None = None
    """True when said; None when not (mbc cannot tell a cancer has no BRCA mutation)."""

    @property
    def subtypes(self) -> frozenset[str]:
        """The subtypes the cancer is known to have."""
        has = set()
        if self.hr_positive is True:
            has.add("hr_positive")
        if self.hr_positive is False:
            has.add("hr_negative")
        if self.her2_positive is True:
            has.add("her2_positive")
        if self.hr_positive is False and self.her2_positive is False:
            has.add("triple_negative")
        if self.brca_mutation is True:
            has.add("brca_mutation")
        return frozenset(has)

    @property
    def wanted(self) -> frozenset[str]:
        """Whom a treatment may be said to be for, to fit this cancer: its subtypes, or any subtype."""
        return self.subtypes | {ANY_SUBTYPE}

    @property
    def given(self) -> bool:
        """Whether the user said anything about the subtype at all."""
        return self.hr_positive is not None or self.her2_positive is not None or self.brca_mutation is True


def subtype_flags(text: str) -> frozenset[str]:
    """The subtypes a text names ("her2+", "triple negative", "ER positive"), by name; every word must be one."""
    if not text.strip():
        return frozenset()
    from mbc_cli.understand.ideas import subtypes_in, without_subtypes  # only when words were given

    left = without_subtypes(text)
    if left:
        meant = _meant(text)
        hint = f" Did you mean: mbc treatments {meant}?" if meant else ""
        raise UsageError(
            f'"{text}" is not a subtype mbc knows ("{left}" is not understood).{hint} Give one such as her2+, her2-, '
            'hr+, hr-, "triple negative" or brca, or use the flags (mbc treatments --help).'
        )
    return frozenset(subtype.name for subtype, _, _ in subtypes_in(text))


def _meant(text: str) -> str | None:
    """The subtype words a mistyped one is one slip from ("her2 postive": her2 positive), as names get them."""
    from mbc_cli.understand.ideas import SUBTYPES, signs_spelled, without_subtypes
    from mbc_cli.understand.normalise import name_key
    from mbc_cli.understand.spelling import edits

    known = sorted({word for s in SUBTYPES for phrase in (*s.phrases, *s.narrower) for word in phrase.split()})
    words = name_key(signs_spelled(text)).split()
    fixed = []
    for word in words:
        close = sorted((edits(word, k, 2 if len(word) >= 7 else 1), k) for k in known if k[:1] == word[:1])
        fixed.append(
            close[0][1] if word not in known and close and close[0][0] <= (2 if len(word) >= 7 else 1) else word
        )
    meant = " ".join(fixed)
    return meant if fixed != words and not without_subtypes(meant) else None


def status(name: str, *, positive: bool, negative: bool) -> bool | None:
    """One receptor's status from its two flags: True, False, or None (not given). Both is a contradiction."""
    if positive and negative:
        raise UsageError(
            f"--{name}-positive cannot go with --{name}-negative: the cancer is one or the other. Give one of them."
        )
    return True if positive else False if negative else None


def profile(
    *,
    hr_positive: bool | None = None,
    her2_positive: bool | None = None,
    triple_negative: bool = False,
    brca: bool = False,
) -> Profile:
    """Combine the subtype flags; triple-negative means HR-negative and HER2-negative."""
    if triple_negative:
        given = (("--hr-positive", hr_positive), ("--her2-positive", her2_positive))
        clashes = [flag for flag, value in given if value]
        if clashes:
            raise UsageError(
                f"--triple-negative cannot go with {' or '.join(clashes)}: triple-negative breast cancer is "
                "hormone-receptor-negative and HER2-negative. Give one or the other."
            )
        hr_positive, her2_positive = False, False
    return Profile(hr_positive, her2_positive, True if brca else None)


class Flags(Record):
    """The subtype flags as given on the command line (each False when not given)."""

    her2_positive: bool = False
    her2_negative: bool = False
    hr_positive: bool = False
    hr_negative: bool = False
    triple_negative: bool = False
    brca: bool = False


def profile_said(words: str, flags: Flags) -> Profile:
    """The profile that subtype words ("her2+ er positive") and flags say together; a contradiction (or an
    unknown word) is a usage error."""
    said = subtype_flags(words)
    hr = status(
        "hr", positive=flags.hr_positive or "hr_positive" in said, negative=flags.hr_negative or "hr_negative" in said
    )
    her2 = status(
        "her2",
        positive=flags.her2_positive or "her2_positive" in said,
        negative=flags.her2_negative or "her2_negative" in said,
    )
    return profile(
        hr_positive=hr,
        her2_positive=her2,
        triple_negative=flags.triple_negative or "triple_negative" in said,
        brca=flags.brca or "brca" in said,
    )


def is_subtype(words: str) -> bool:
    """Whether every word of `words` is a subtype word ("her2+", "triple negative"): not a symptom's."""
    from mbc_cli.understand.ideas import without_subtypes

    return bool(words.strip()) and not without_subtypes(words)


class TreatmentFit(Record):
    """A treatment that fits, with the drugs of it that fit."""

    treatment: Treatment
    drugs: tuple[Drug, ...]
    site_link: AreaLink | None
    """Why it is tied to the site asked about, if one was and it is."""


class Unknown(Record):
    """A status the user did not give, and what the sources name for the cancers that have it."""

    status: str
    """hr_positive, her2_positive or brca_mutation."""
    flag: str
    treatment_ids: tuple[str, ...]
    """Treatments that would be shown, were the cancer known to have it (read from the index)."""
    treatments: tuple[Treatment, ...]
    """The first NAMED of them, read to be named."""
    drugs: tuple[Drug, ...]
    """Drugs that would be shown beside the treatments already shown."""


NAMED = 5
"""At most this many of the treatments a status not given would add are read, to be named: the rest are counted."""


class TreatmentsAnswer(Record):
    """Answer to `mbc treatments`: what fits the profile (and site, if given)."""

    profile: Profile
    site: Site | LocalArea | None
    treatments: tuple[TreatmentFit, ...]
    unknown: tuple[Unknown, ...] = ()
    """With some statuses given, those not given and what each would add."""


def _fits(subtypes: Sequence[SubtypeLink], profile: Profile) -> bool:
    """A restricted treatment or drug fits only when the user's flags say the cancer has its subtype: it is
    hidden only when every source that says whom it is for names another subtype."""
    return not profile.given or not subtypes or any(link.subtype in profile.wanted for link in subtypes)


def _candidates(kb: KnowledgeBase, profile: Profile) -> Iterator[Treatment]:
    """The treatments that can fit `profile`, in file order: read from the index by subtype, not one by one."""
    if not profile.given:
        yield from kb.treatments.values()
        return
    wanted = {t for subtype in (ANY, *profile.subtypes) for t in kb.treatments_by_subtype.get(subtype, ())}
    for treatment_id in kb.treatments:  # the ids in file order; only the chosen ones are read
        if treatment_id in wanted:
            yield kb.treatments[treatment_id]


def treatments_for(kb: KnowledgeBase, *, profile: Profile, site: str | None = None) -> TreatmentsAnswer:
    """Answer `mbc treatments`: the treatments fitting `profile`; with `site`, each says whether it is tied to it.

    A site never hides a treatment: pain relief, palliative care and clinical trials are for spread anywhere.
    """
    area = recognise.area(kb, site) if site is not None else None
    fits: list[TreatmentFit] = []
    for treatment in _candidates(kb, profile):
        link = next((s for s in treatment.sites if area is not None and s.site == area.id), None)
        if not _fits(treatment.subtypes, profile):
            continue
        drugs = tuple(
            kb.drugs[d] for d in kb.drugs_by_treatment.get(treatment.id, ()) if _fits(kb.drugs[d].subtypes, profile)
        )
        fits.append(TreatmentFit(treatment, drugs, link))
    fits.sort(key=lambda fit: fit.site_link is None)  # with a site, those the sources tie to it first
    return TreatmentsAnswer(profile, area, tuple(fits), _unknown(kb, profile, fits) if profile.given else ())


_STATUSES = (("hr_positive", "--hr-positive"), ("her2_positive", "--her2-positive"), ("brca_mutation", "--brca"))
"""The statuses a user may leave unsaid (each a field of Profile), with their flag."""


def _unknown(kb: KnowledgeBase, profile: Profile, fits: Sequence[TreatmentFit]) -> tuple[Unknown, ...]:
    """For each status not given, what the sources name for the cancers that have it, beyond what is shown."""
    shown = {fit.treatment.id: {d.id for d in fit.drugs} for fit in fits}
    found = []
    for status, flag in _STATUSES:
        if getattr(profile, status) is not None:
            continue
        wider = profile.replace(**{status: True})
        # Indexed under a subtype the wider profile adds: each fits it, so none need be read to know it.
        added = {t for subtype in wider.subtypes - profile.subtypes for t in kb.treatments_by_subtype.get(subtype, ())}
        ids = tuple(t for t in kb.treatments if t in added and t not in shown)
        drugs = tuple(
            kb.drugs[d]
            for t in shown
            for d in kb.drugs_by_treatment.get(t, ())
            if d not in shown[t] and _fits(kb.drugs[d].subtypes, wider)
        )
        if ids or drugs:
            found.append(Unknown(status, flag, ids, tuple(kb.treatments[t] for t in ids[:NAMED]), drugs))
    return tuple(found)


class TestsAnswer(Record):
    """Answer to `mbc tests`: tests used to find spread, for one site or all."""

    site: Site | LocalArea | None
    tests: tuple[tuple[Test, tuple[Site, ...]], ...]
    """Each test with the sites it checks (none: used wherever cancer may have spread)."""


def tests_for(kb: KnowledgeBase, *, site: str | None = None) -> TestsAnswer:
    """Answer `mbc tests`: every test, or with `site` those that check it plus the general ones."""
    area = recognise.area(kb, site) if site is not None else None
    chosen = tuple(
        (test, tuple(kb.sites[link.site] for link in test.sites))
        for test in kb.tests.values()
        if area is None or (not test.sites and test.only_at is None) or any(link.site == area.id for link in test.sites)
    )
    return TestsAnswer(area, chosen)
