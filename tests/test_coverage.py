"""What the sources name for each site is in the knowledge base: a regression that drops one fails.

The tables below are written by hand from the five snapshots, not generated from the data.
"""

from __future__ import annotations

import pytest

from mbc_cli.model import KnowledgeBase

SYMPTOMS = {
    "brain": {
        "headache",
        "behavior_changes",
        "vision_changes",
        "speech_changes",
        "seizures",
        "dizziness",
        "nausea",
        "vomiting",
    },
    "bone": {
        "pain",
        "fractures",
        "swelling",
        "decreased_mobility",
        "spinal_cord_compression",
        "low_blood_counts",
        "hypercalcemia",
    },
    "lung": {"shortness_of_breath", "chest_pain", "coughing_up_blood"},
    "liver": {
        "jaundice",
        "belly_swelling",
        "loss_of_appetite",
        "itchy_skin",
        "rash",
        "nausea",
        "vomiting",
        "pain",
        "bleeding",
    },
}
CHAINS = {
    ("bone", "spinal_cord_compression"): {"back_neck_pain", "weakness_numbness", "urination_bowel_trouble"},
    ("bone", "hypercalcemia"): {"fatigue", "nausea", "increased_thirst", "constipation", "irritability", "confusion"},
}
TESTS = {
    "bone": {"bone_scan"},
    "brain": {"head_mri"},
    "lung": {"bronchoscopy"},
    "liver": {"blood_tests"},
}
TREATMENTS = {
    "bone": {"radiation_therapy", "surgery", "bone_strengthening"},
    "brain": {"radiation_therapy", "surgery"},
    "spinal_cord": {"radiation_therapy", "surgery"},
    "chest_wall": {"radiation_therapy", "surgery"},
}
PLACES = {
    "bone": {"spine", "pelvis", "ribs", "long bones in the arms and legs"},
    "reproductive_tract": {"ovaries", "cervix", "endometrium"},
    "digestive_tract": {"esophagus", "stomach", "colon"},
}
FREQUENCIES = {"bone": 65.1, "lung": 31.4, "liver": 26.0, "brain": 8.8}
LESS_COMMON = {"reproductive_tract", "digestive_tract", "pancreas", "kidneys", "thyroid", "eye"}
SUBTYPES = {
    "hormone_therapy": {"hr_positive"},
    "targeted_therapy": {"her2_positive", "hr_positive", "brca_mutation", "triple_negative"},
    "immunotherapy": {"any", "triple_negative"},  # NCI: for triple-negative; GoodRx and another: for any
    "chemotherapy": set(),
    "radiation_therapy": set(),
}
DRUGS = {
    "trastuzumab": ("Herceptin", {"her2_positive"}),
    "pertuzumab": ("Perjeta", {"her2_positive"}),
    "lapatinib": ("Tykerb", {"her2_positive"}),
    "tucatinib": ("Tukysa", {"her2_positive"}),
    "ado_trastuzumab_emtansine": ("Kadcyla", {"her2_positive"}),
    "olaparib": ("Lynparza", {"brca_mutation"}),
    "talazoparib": ("Talzenna", {"brca_mutation"}),
    "sacituzumab_govitecan": ("Trodelvy", {"triple_negative"}),
    "pembrolizumab": ("Keytruda", {"any"}),
    "tamoxifen": (None, {"hr_positive"}),
    "aromatase_inhibitors": (None, {"hr_positive"}),
    "bisphosphonates": (None, set()),
}
TREATMENT_CLASSES = {
    "chemotherapy",
    "hormone_therapy",
    "targeted_therapy",
    "immunotherapy",
    "radiation_therapy",
    "surgery",
    "bone_strengthening",
    "pain_relief",
    "palliative_care",
    "physical_therapy",
    "counseling",
    "mental_health_support",
    "hospice_care",
    "clinical_trials",
    "complementary_treatments",
    "proton_therapy",
}
TERMS = {
    "metastatic_breast_cancer",
    "advanced_breast_cancer",
    "stage_4",
    "secondary_breast_cancer",
    "late_stage_breast_cancer",
    "locally_advanced_breast_cancer",
    "de_novo_metastatic_breast_cancer",
    "recurrent_cancer",
    "local_recurrence",
    "regional_recurrence",
    "metastatic_recurrence",
    "oligometastatic_cancer",
    "end_stage_breast_cancer",
    "palliative_care",
    "hospice_care",
    "hematogenous_spread",
    "lymphatic_spread",
    "systemic_treatment",
}


@pytest.mark.parametrize("site", sorted(SYMPTOMS))
def test_site_has_every_symptom_the_sources_name(real_kb: KnowledgeBase, site: str) -> None:
    direct = {link.symptom for link in real_kb.sites[site].symptoms if link.via is None}
    assert direct >= SYMPTOMS[site]


@pytest.mark.parametrize(("site", "via"), sorted(CHAINS))
def test_chains_through_a_condition_are_kept(real_kb: KnowledgeBase, site: str, via: str) -> None:
    through = {link.symptom for link in real_kb.sites[site].symptoms if link.via == via}
    assert through == CHAINS[(site, via)]


@pytest.mark.parametrize("site", sorted(TESTS))
def test_site_has_the_tests_the_sources_name(real_kb: KnowledgeBase, site: str) -> None:
    assert set(real_kb.tests_by_site[site]) >= TESTS[site]


def test_general_tests_check_no_one_site(real_kb: KnowledgeBase) -> None:
    for test in ("biopsy", "ct_scan", "imaging_tests", "physical_exam"):
        assert real_kb.tests[test].sites == ()


@pytest.mark.parametrize("site", sorted(TREATMENTS))
def test_site_has_the_treatments_the_sources_tie_to_it(real_kb: KnowledgeBase, site: str) -> None:
    assert set(real_kb.treatments_by_site[site]) == TREATMENTS[site]


@pytest.mark.parametrize("site", sorted(PLACES))
def test_site_has_its_places(real_kb: KnowledgeBase, site: str) -> None:
    assert {place.name for place in real_kb.sites[site].places} == PLACES[site]


def test_site_frequencies_come_from_the_2017_study(real_kb: KnowledgeBase) -> None:
    for site, percent in FREQUENCIES.items():
        frequency = real_kb.sites[site].frequency
        assert frequency is not None
        assert (frequency.percent, frequency.study) == (percent, "scientific_reports_2017")
    assert real_kb.studies["scientific_reports_2017"].size == 4932


def test_less_common_sites_are_all_there(real_kb: KnowledgeBase) -> None:
    assert {s.id for s in real_kb.sites.values() if s.prevalence == "less_common"} == LESS_COMMON
    assert {s.id for s in real_kb.sites.values() if s.prevalence == "common"} == set(FREQUENCIES)


def test_local_and_regional_words_are_not_sites(real_kb: KnowledgeBase) -> None:
    assert {"lymph_nodes", "chest_wall"} <= set(real_kb.local_areas)


def test_every_treatment_class_is_there(real_kb: KnowledgeBase) -> None:
    assert set(real_kb.treatments) >= TREATMENT_CLASSES


@pytest.mark.parametrize("treatment", sorted(SUBTYPES))
def test_treatment_is_for_the_subtypes_the_sources_say(real_kb: KnowledgeBase, treatment: str) -> None:
    assert {link.subtype for link in real_kb.treatments[treatment].subtypes} == SUBTYPES[treatment]


@pytest.mark.parametrize("drug", sorted(DRUGS))
def test_drug_has_its_brand_and_subtype(real_kb: KnowledgeBase, drug: str) -> None:
    brand, subtypes = DRUGS[drug]
    entry = real_kb.drugs[drug]
    assert entry.brands == (() if brand is None else (brand,))
    assert {link.subtype for link in entry.subtypes} == subtypes


def test_every_term_the_sources_define_is_there(real_kb: KnowledgeBase) -> None:
    assert set(real_kb.terms) >= TERMS


def test_general_symptoms_are_marked_general(real_kb: KnowledgeBase) -> None:
    assert real_kb.symptoms["fatigue"].general
    assert not real_kb.symptoms["headache"].general


def test_site_notes_the_sources_make(real_kb: KnowledgeBase) -> None:
    def notes(site: str) -> str:
        return " ".join(claim.text for claim in real_kb.sites[site].notes)

    assert "often shows no symptoms" in notes("lung")
    assert "no symptoms at first" not in notes("lung")  # no source says it of the lungs; one says it of the liver
    assert "no noticeable symptoms at first" in notes("liver")
    assert "does not go away with rest" in notes("bone")
    assert "Any bone can be affected" in notes("bone")
    assert "triple-negative or HER2-positive" in notes("brain")
    assert "depends on the affected area of the brain" in notes("brain")
