"""Questions in plain words: the command that answers them, or the statements that do, or none."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mbc_cli.errors import NotFoundError, Unanswered, UsageError
from mbc_cli.model import KnowledgeBase
from mbc_cli.query.ask import ask
from mbc_cli.query.sites import SiteAnswer
from mbc_cli.query.treatments import TreatmentsAnswer

from ..fuzzing import bounded, examples, hostile_text, real_knowledge_base


def statements(kb: KnowledgeBase, question: str) -> list[str]:
    return [f"{s.kind}:{s.id}" for s in ask(kb, question).statements]


@pytest.mark.parametrize(
    "question",
    ["is it curable?", "Is metastatic breast cancer curable", "can it be cured", "is there a cure", "is mbc incurable"],
)
def test_cure_cured_and_curable_are_one_idea(real_kb: KnowledgeBase, question: str) -> None:
    assert statements(real_kb, question)[0] == "note:no_cure"


@pytest.mark.parametrize(
    "question",
    ["how long do people live with it", "what is the life expectancy", "survival rate", "how long does my mum have"],
)
def test_how_long_life_expectancy_and_survival_are_one_idea(real_kb: KnowledgeBase, question: str) -> None:
    """A figure answers a question of how long: one of the survival figures is among the best three."""
    found = statements(real_kb, question)
    figures = {
        "statistic:five_year_relative_survival_nci",
        "statistic:five_year_survival_acs",
        "statistic:average_life_expectancy",
    }
    assert figures & set(found[:3])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("does it come back?", "term:recurrent_cancer"),
        ("how often does early breast cancer come back as metastatic", "statistic:early_stage_later_metastatic"),
        ("what are the side effects of treatment", "note:treatments_have_adverse_effects"),
        ("where can I find a support group", "note:coping_support_groups"),
        ("how can I lower the risk of it spreading", "note:no_guarantee_but_steps_may_help"),
        ("what is the outlook", "note:outlook_depends_on"),
    ],
)
def test_each_kind_of_first_question_reaches_its_cited_answer(
    real_kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert expected in statements(real_kb, question)[:5]


@pytest.mark.parametrize(
    ("question", "command"),
    [
        ("what treatments are there for triple negative", ("treatments", "--triple-negative")),
        ("her2+ treatment options", ("treatments", "--her2-positive")),
        ("treatment for ER+ cancer", ("treatments", "--hr-positive")),
        ("how is it diagnosed", ("tests",)),
        ("what tests find spread to the liver", ("tests", "--site", "liver")),
        ("what does spread to the bones cause", ("site", "bone")),
        ("what causes headaches", ("symptom", "headaches")),
        ("what is oligometastatic", ("term", "oligometastatic cancer")),
        ("what is hospice", ("term", "hospice care")),
        ("what is Kadcyla", ("drug", "ado-trastuzumab emtansine")),
        ("what does her2 positive mean", ("term", "HER2")),
    ],
)
def test_a_question_one_command_answers_gets_that_commands_answer(
    real_kb: KnowledgeBase, question: str, command: tuple[str, ...]
) -> None:
    answer = ask(real_kb, question)
    assert answer.command == command
    assert answer.answer is not None
    if command[0] == "symptom":  # beside mbc symptom's answer, what the sources say of new symptoms
        assert [statement.id for statement in answer.statements] == ["symptoms_may_be_other_conditions"]
    else:
        assert answer.statements == ()


@pytest.mark.parametrize("question", ["how do I cope with the diagnosis", "how do people cope", "dealing with stress"])
def test_coping_questions_are_answered_with_what_the_sources_say_of_coping(
    real_kb: KnowledgeBase, question: str
) -> None:
    top = ask(real_kb, question).statements[:3]
    assert top
    assert all("coping" in statement.concepts for statement in top)


def test_the_commands_answer_is_the_one_the_command_gives(real_kb: KnowledgeBase) -> None:
    assert isinstance(ask(real_kb, "what happens when it spreads to the liver").answer, SiteAnswer)
    treatments = ask(real_kb, "treatments for triple negative").answer
    assert isinstance(treatments, TreatmentsAnswer)
    assert treatments.profile.hr_positive is False and treatments.profile.her2_positive is False


def test_how_a_question_was_understood_is_kept(real_kb: KnowledgeBase) -> None:
    answer = ask(real_kb, "is it curable?")
    assert answer.concepts == ("cure",)
    assert set(answer.left_aside) == {"is", "it"}
    assert ask(real_kb, "er+ treatment").named == ("subtype er positive (a kind of hr positive)",)


def test_a_subtype_is_explained_by_the_term_of_which_it_is_a_kind(real_kb: KnowledgeBase) -> None:
    answer = ask(real_kb, "what does triple negative mean")
    assert answer.command == ("term", "hormone receptor-negative")
    assert answer.named == ("subtype triple negative (a kind of hormone receptor-negative)",)


def test_a_subtype_asked_about_beside_an_idea_points_to_its_treatments(real_kb: KnowledgeBase) -> None:
    answer = ask(real_kb, "what is the survival rate for triple negative")
    assert answer.command is None
    assert answer.see_also == ("treatments", "--triple-negative")
    assert answer.statements


@pytest.mark.parametrize("question", ["where does breast cancer usually spread to", "where does it spread"])
def test_where_it_spreads_is_answered_by_the_sites(real_kb: KnowledgeBase, question: str) -> None:
    assert ask(real_kb, question).command == ("sites",)


def test_how_it_spreads_is_not_where(real_kb: KnowledgeBase) -> None:
    assert ask(real_kb, "how does it usually spread").command is None


@pytest.mark.parametrize(
    "question",
    ["my wife's cancer is HER2 positive, what treatments could she have", "what treatments can he get for her2+"],
)
def test_whose_cancer_it_is_does_not_change_the_question(real_kb: KnowledgeBase, question: str) -> None:
    answer = ask(real_kb, question)
    assert answer.command == ("treatments", "--her2-positive")


def test_how_many_people_is_not_a_dose(real_kb: KnowledgeBase) -> None:
    assert ask(real_kb, "how many people have metastatic breast cancer?").statements


@pytest.mark.parametrize(
    "question",
    [
        "what do the survival numbers say for someone my age",  # one unknown word (say) among known ones
        "should I get a second opinion before deciding",
    ],
)
def test_one_unknown_word_beside_known_ones_does_not_stop_an_answer(real_kb: KnowledgeBase, question: str) -> None:
    assert ask(real_kb, question).statements


@pytest.mark.parametrize(
    ("question", "beyond", "answer"),
    [
        ("does herceptin cause hair loss", {"hair"}, "drug:trastuzumab"),
        ("lung cancer screening age", {"screening"}, None),
        ("is it ok to have a glass of wine", {"glass"}, "note:cut_back_alcohol"),
        ("can chemo cause neuropathy", {"neuropathy"}, None),
        ("is the mayo clinic good for metastatic breast cancer", {"mayo", "clinic"}, None),
    ],
)
def test_what_the_sources_do_not_cover_is_said_beside_what_they_do(
    real_kb: KnowledgeBase, question: str, beyond: set[str], answer: str | None
) -> None:
    """Every word that carries meaning is understood or said to be beyond the sources (query.not_in_sources);
    one such word does not refuse the question: what the sources do say comes with it."""
    found = ask(real_kb, question)
    assert beyond <= set(found.not_in_sources)
    if answer is not None:
        shown = [f"{s.kind}:{s.id}" for s in found.statements[:3]]
        assert answer in shown or answer.split(":")[1] in " ".join(shown)


@pytest.mark.parametrize("question", ["can i still work", "what happens next", "what is the meaning of life"])
def test_a_question_sharing_only_an_everyday_word_with_the_sources_is_not_answered(
    real_kb: KnowledgeBase, question: str
) -> None:
    """ "treatments have stopped working" does not answer "can I still work": an everyday word is no answer."""
    with pytest.raises(Unanswered) as raised:
        ask(real_kb, question)
    assert raised.value.not_in_sources


@pytest.mark.parametrize(
    "question",
    [
        "what is the weather tomorrow",
        "how do I get rid of a cold quickly",
        "how do I make pancakes",
        "who won the match",
        "the of and",
        "xyzzy",
        # a dose is never answered from statements: the advice is to ask the care team
        "how many mg of ibuprofen can I take for bone pain",
        "what dose of tamoxifen",
        "how much morphine should I take",
        "how many painkillers can she take a day",
    ],
)
def test_a_question_the_sources_cannot_answer_is_said_to_be_one(real_kb: KnowledgeBase, question: str) -> None:
    with pytest.raises(Unanswered) as raised:
        ask(real_kb, question)
    assert raised.value.suggestions == ()
    assert raised.value.about
    assert "doctor" in raised.value.advice


def test_a_contradiction_in_a_question_is_a_usage_error(real_kb: KnowledgeBase) -> None:
    with pytest.raises(UsageError):
        ask(real_kb, "treatments for her2+ and her2- cancer")


@pytest.mark.fuzz
@settings(max_examples=examples(4))
@given(
    text=hostile_text() | st.lists(st.sampled_from(["is", "how", "cure", "long", "bone", "her2+", "no"])).map(" ".join)
)
def test_fuzz_any_question_is_answered_or_said_unanswerable_with_bounded_work(text: str) -> None:
    real_kb = real_knowledge_base()
    answer = bounded(lambda: ask(real_kb, text), text)
    if isinstance(answer, NotFoundError):
        assert str(answer)
        return
    assert answer.command is not None or answer.statements
    for statement in answer.statements:
        assert statement.citations


def test_the_word_a_question_names_its_idea_with_ranks_the_statements_that_say_it_first(
    real_kb: KnowledgeBase,
) -> None:
    """Prevention is also alcohol and food; asked about weight, the note on weight comes first."""
    (first, *_) = ask(real_kb, "will losing weight help").statements
    assert "weight" in first.text


@pytest.mark.parametrize(
    ("question", "typed", "read_as"),
    [
        ("is it curible", "curible", "curable"),
        ("treatmnts for triple negitive", "negitive", "negative"),
        ("what is herceptn used for", "herceptn", "herceptin"),
        ("can breast cancer in the brain cause siezures", "siezures", "seizures"),
    ],
)
def test_a_misspelt_word_is_read_as_the_closest_known_word_and_said_to_be(
    real_kb: KnowledgeBase, question: str, typed: str, read_as: str
) -> None:
    found = ask(real_kb, question)
    assert (typed, read_as) in [(c.typed, c.read_as) for c in found.corrected]
    assert found.command is not None or found.statements


@pytest.mark.parametrize(
    "question", ["can herceptin damage my heart", "does medicare cover kadcyla", "is a bone scan radioactive"]
)
def test_a_real_english_word_is_never_read_as_another(real_kb: KnowledgeBase, question: str) -> None:
    """ "heart" is not a slip for "heat", "medicare" not for "medicine": such words stay, and are said uncovered."""
    found = ask(real_kb, question)
    assert found.corrected == ()
    assert found.not_in_sources


@pytest.mark.parametrize(
    ("question", "command"),
    [
        ("i have headaches and feel sick what does it mean", "symptom"),
        ("she is confused and thirsty and constipated", "symptom"),
        ("my mum broke her wrist from a tiny fall, she has breast cancer", "symptom"),
        ("what scans will i need for my head", None),
        ("how do ppl live with it", None),
        ("what is hypercalcemia", "term"),
        ("my mum has brain mets, what treatments can help", "treatments"),
        ("what does metastatic mean", "term"),
    ],
)
def test_a_question_goes_to_the_answer_that_answers_it_whole(
    real_kb: KnowledgeBase, question: str, command: str | None
) -> None:
    found = ask(real_kb, question)
    assert (found.command[0] if found.command else None) == command
    assert found.answer is not None or found.statements


def test_a_story_before_a_question_adds_what_it_names_and_the_question_asks(real_kb: KnowledgeBase) -> None:
    question = (
        "I'm a 52 year old teacher and was diagnosed three months ago. My biopsy came back triple negative and "
        "everything I read online says that's the worst kind. What treatments actually exist for metastatic triple "
        "negative?"
    )
    assert ask(real_kb, question).command == ("treatments", "--triple-negative")


def test_the_best_statements_come_first_with_their_scores(real_kb: KnowledgeBase) -> None:
    found = ask(real_kb, "does radiation relieve pain").statements
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert found[0].id == "radiation_therapy"


def test_what_helps_a_symptom_at_a_site_is_the_treatments_tied_to_it_first(real_kb: KnowledgeBase) -> None:
    found = ask(real_kb, "how can we help her bone pain")
    assert found.command == ("treatments", "--site", "bone")
    assert isinstance(found.answer, TreatmentsAnswer)
    assert "bone_strengthening" in [fit.treatment.id for fit in found.answer.treatments[:3]]
