"""What people type, and what mbc must understand: (typed, symptom ids, a site that explains it or None).

Each row is one term a patient, caregiver or nurse might type as `mbc symptom "<typed>"`: the exact
names and aliases in data/symptoms.yaml, lay and clinical words, British spellings, plurals and other
inflections, reordered phrasings with small function words, odd case, punctuation and spacing, Unicode
variants, and a few words that genuinely mean two symptoms (both must be matched). No row relies on
typo correction. The site is one that data/sites.yaml links to the symptom (None: linked to no site).
"""

from __future__ import annotations

PHRASINGS: tuple[tuple[str, frozenset[str], str | None], ...] = (
    # --- headache ---------------------------------------------------------------------------
    ("headache", frozenset({"headache"}), "brain"),
    ("headaches", frozenset({"headache"}), "brain"),
    ("  HEADACHE!! ", frozenset({"headache"}), "brain"),
    ("ｈｅａｄａｃｈｅ", frozenset({"headache"}), "brain"),  # noqa: RUF001 - full-width letters on purpose
    ("my head hurts", frozenset({"headache"}), "brain"),
    ("pain in my head", frozenset({"headache"}), "brain"),
    ("sore head", frozenset({"headache"}), "brain"),
    ("cephalalgia", frozenset({"headache"}), "brain"),
    # --- changes in behavior ----------------------------------------------------------------
    ("changes in behaviour", frozenset({"behavior_changes"}), "brain"),
    ("Behaviour change", frozenset({"behavior_changes"}), "brain"),
    ("behavioural changes", frozenset({"behavior_changes"}), "brain"),
    ("acting differently", frozenset({"behavior_changes"}), "brain"),
    ("acting out of character", frozenset({"behavior_changes"}), "brain"),
    # --- vision changes ---------------------------------------------------------------------
    ("blurred vision", frozenset({"vision_changes"}), "brain"),
    ("vision is blurry", frozenset({"vision_changes"}), "brain"),
    ("disturbed vision", frozenset({"vision_changes"}), "brain"),
    ("trouble seeing", frozenset({"vision_changes"}), "brain"),
    ("problems with my eyesight", frozenset({"vision_changes"}), "brain"),
    # --- speech changes ---------------------------------------------------------------------
    ("speech changes", frozenset({"speech_changes"}), "brain"),
    ("difficulty speaking", frozenset({"speech_changes"}), "brain"),
    ("speech difficulties", frozenset({"speech_changes"}), "brain"),
    ("trouble talking", frozenset({"speech_changes"}), "brain"),
    # --- seizures ---------------------------------------------------------------------------
    ("seizures", frozenset({"seizures"}), "brain"),
    ("seizure", frozenset({"seizures"}), "brain"),
    ("SEIZURES?!", frozenset({"seizures"}), "brain"),
    ("convulsions", frozenset({"seizures"}), "brain"),
    ("ﬁts", frozenset({"seizures"}), "brain"),  # the "fi" ligature, which NFKC unfolds
    ("epileptic fit", frozenset({"seizures"}), "brain"),
    # --- dizziness --------------------------------------------------------------------------
    ("dizziness", frozenset({"dizziness"}), "brain"),
    ("I feel dizzy", frozenset({"dizziness"}), "brain"),
    ("dizzy spells", frozenset({"dizziness"}), "brain"),
    ("Light-headed", frozenset({"dizziness"}), "brain"),
    ("giddiness", frozenset({"dizziness"}), "brain"),
    # --- nausea -----------------------------------------------------------------------------
    ("nausea", frozenset({"nausea"}), "liver"),
    ("ｎａｕｓｅａ", frozenset({"nausea"}), "liver"),  # noqa: RUF001 - full-width letters on purpose
    ("nauseous", frozenset({"nausea"}), "brain"),
    ("feeling nauseated", frozenset({"nausea"}), "bone"),
    ("queasy", frozenset({"nausea"}), "liver"),
    ("feeling sick", frozenset({"nausea"}), "liver"),
    ("sick to my stomach", frozenset({"nausea"}), "liver"),
    # --- vomiting ---------------------------------------------------------------------------
    ("vomiting", frozenset({"vomiting"}), "brain"),
    ("vomit", frozenset({"vomiting"}), "liver"),
    ("Throwing-up", frozenset({"vomiting"}), "brain"),
    ("being sick", frozenset({"vomiting"}), "liver"),
    ("emesis", frozenset({"vomiting"}), "brain"),
    ("puking", frozenset({"vomiting"}), "liver"),
    # --- pain -------------------------------------------------------------------------------
    ("pain", frozenset({"pain"}), "bone"),
    ("pains", frozenset({"pain"}), "liver"),
    ("aching", frozenset({"pain"}), "bone"),
    ("painful", frozenset({"pain"}), "bone"),
    ("soreness", frozenset({"pain"}), "bone"),
    # --- fractures --------------------------------------------------------------------------
    ("fracture", frozenset({"fractures"}), "bone"),
    ("broken bones", frozenset({"fractures"}), "bone"),
    ("bones that break easily", frozenset({"fractures"}), "bone"),
    ("brittle bones", frozenset({"fractures"}), "bone"),
    ("cracked bone", frozenset({"fractures"}), "bone"),
    # --- swelling ---------------------------------------------------------------------------
    ("swelling", frozenset({"swelling"}), "bone"),
    ("swollen", frozenset({"swelling"}), "bone"),
    ("swellings", frozenset({"swelling"}), "bone"),
    ("puffiness", frozenset({"swelling"}), "bone"),
    ("puffiness", frozenset({"swelling"}), "bone"),
    # --- decreased mobility -----------------------------------------------------------------
    ("decreased mobility", frozenset({"decreased_mobility"}), "bone"),
    ("reduced mobility", frozenset({"decreased_mobility"}), "bone"),
    ("hard to move", frozenset({"decreased_mobility"}), "bone"),
    ("trouble getting around", frozenset({"decreased_mobility"}), "bone"),
    # --- spinal cord compression (a condition) ----------------------------------------------
    ("spinal cord compression", frozenset({"spinal_cord_compression"}), "bone"),
    ("compression of the spinal cord", frozenset({"spinal_cord_compression"}), "bone"),
    ("ＭＳＣＣ", frozenset({"spinal_cord_compression"}), "bone"),  # noqa: RUF001 - full-width letters on purpose
    ("pressure on my spinal cord", frozenset({"spinal_cord_compression"}), "bone"),
    # --- back or neck pain ------------------------------------------------------------------
    ("back pain", frozenset({"back_neck_pain"}), "bone"),
    ("pain in my back", frozenset({"back_neck_pain"}), "bone"),
    ("my back hurts", frozenset({"back_neck_pain"}), "bone"),
    ("neck pain", frozenset({"back_neck_pain"}), "bone"),
    ("Back-ache", frozenset({"back_neck_pain"}), "bone"),
    ("back\u00a0pain", frozenset({"back_neck_pain"}), "bone"),  # a no-break space
    ("my neck hurts", frozenset({"back_neck_pain"}), "bone"),
    # --- weakness or numbness in a particular area ------------------------------------------
    ("weakness or numbness", frozenset({"weakness_numbness"}), "bone"),
    ("numbness", frozenset({"weakness_numbness"}), "bone"),
    ("numb", frozenset({"weakness_numbness"}), "bone"),
    ("loss of sensation", frozenset({"weakness_numbness"}), "bone"),
    # --- trouble urinating or having a bowel movement ---------------------------------------
    ("trouble urinating", frozenset({"urination_bowel_trouble"}), "bone"),
    ("can't pee", frozenset({"urination_bowel_trouble"}), "bone"),
    ("can\u2019t pee", frozenset({"urination_bowel_trouble"}), "bone"),  # curly apostrophe
    ("difficulty passing urine", frozenset({"urination_bowel_trouble"}), "bone"),
    ("trouble having a bowel movement", frozenset({"urination_bowel_trouble"}), "bone"),
    # --- trouble passing stool: constipation, or the bowel trouble of cord compression ------
    ("can't poop", frozenset({"constipation", "urination_bowel_trouble"}), "bone"),
    ("trouble passing stools", frozenset({"constipation", "urination_bowel_trouble"}), "bone"),
    ("Difficulty passing stool.", frozenset({"constipation", "urination_bowel_trouble"}), "bone"),
    # --- low blood cell counts (a condition) ------------------------------------------------
    ("low blood cell counts", frozenset({"low_blood_counts"}), "bone"),
    ("low blood count", frozenset({"low_blood_counts"}), "bone"),
    ("cytopenia", frozenset({"low_blood_counts"}), "bone"),
    # --- hypercalcemia (a condition) --------------------------------------------------------
    ("hypercalcemia", frozenset({"hypercalcemia"}), "bone"),
    ("hypercalcaemia", frozenset({"hypercalcemia"}), "bone"),
    ("high calcium", frozenset({"hypercalcemia"}), "bone"),
    ("calcium is high", frozenset({"hypercalcemia"}), "bone"),
    ("raised calcium", frozenset({"hypercalcemia"}), "bone"),
    # --- fatigue (also a general symptom) ---------------------------------------------------
    ("fatigue", frozenset({"fatigue"}), "bone"),
    ("tiredness", frozenset({"fatigue"}), "bone"),
    ("I feel tired", frozenset({"fatigue"}), "bone"),
    ("exhausted", frozenset({"fatigue"}), "bone"),
    ("no energy", frozenset({"fatigue"}), "bone"),
    ("worn out", frozenset({"fatigue"}), "bone"),
    # --- increased thirst -------------------------------------------------------------------
    ("increased thirst", frozenset({"increased_thirst"}), "bone"),
    ("I am always thirsty", frozenset({"increased_thirst"}), "bone"),
    ("always thirsty", frozenset({"increased_thirst"}), "bone"),
    ("polydipsia", frozenset({"increased_thirst"}), "bone"),
    # --- constipation -----------------------------------------------------------------------
    ("constipation", frozenset({"constipation"}), "bone"),
    ("I am constipated", frozenset({"constipation"}), "bone"),
    ("hard stool", frozenset({"constipation"}), "bone"),
    ("bunged up", frozenset({"constipation"}), "bone"),
    # --- irritability -----------------------------------------------------------------------
    ("irritability", frozenset({"irritability"}), "bone"),
    ("irritable", frozenset({"irritability"}), "bone"),
    ("Short-tempered", frozenset({"irritability"}), "bone"),
    ("cranky", frozenset({"irritability"}), "bone"),
    # --- confusion --------------------------------------------------------------------------
    ("confusion", frozenset({"confusion"}), "bone"),
    ("I feel confused", frozenset({"confusion"}), "bone"),
    ("disoriented", frozenset({"confusion"}), "bone"),
    ("disorientated", frozenset({"confusion"}), "bone"),
    ("muddled", frozenset({"confusion"}), "bone"),
    # --- shortness of breath ----------------------------------------------------------------
    ("shortness of breath", frozenset({"shortness_of_breath"}), "lung"),
    ("Short-of-breath", frozenset({"shortness_of_breath"}), "lung"),
    ("breathless", frozenset({"shortness_of_breath"}), "lung"),
    ("dyspnea", frozenset({"shortness_of_breath"}), "lung"),
    ("dyspnoea", frozenset({"shortness_of_breath"}), "lung"),
    ("can\u2019t catch my breath", frozenset({"shortness_of_breath"}), "lung"),  # curly apostrophe
    ("out of breath", frozenset({"shortness_of_breath"}), "lung"),
    ("trouble breathing", frozenset({"shortness_of_breath"}), "lung"),
    # --- chest pain -------------------------------------------------------------------------
    ("chest pain", frozenset({"chest_pain"}), "lung"),
    ("chest pains", frozenset({"chest_pain"}), "lung"),
    ("pain in my chest", frozenset({"chest_pain"}), "lung"),
    ("my chest hurts", frozenset({"chest_pain"}), "lung"),
    ("my chest hurts", frozenset({"chest_pain"}), "lung"),
    # --- coughing up blood ------------------------------------------------------------------
    ("coughing up blood", frozenset({"coughing_up_blood"}), "lung"),
    ("coughed up blood", frozenset({"coughing_up_blood"}), "lung"),
    ("Coughing up blood.", frozenset({"coughing_up_blood"}), "lung"),
    ("hemoptysis", frozenset({"coughing_up_blood"}), "lung"),
    ("haemoptysis", frozenset({"coughing_up_blood"}), "lung"),
    ("blood in my phlegm", frozenset({"coughing_up_blood"}), "lung"),
    # --- jaundice ---------------------------------------------------------------------------
    ("jaundice", frozenset({"jaundice"}), "liver"),
    ("yellow skin", frozenset({"jaundice"}), "liver"),
    ("my skin is yellow", frozenset({"jaundice"}), "liver"),
    ("yellowing of the skin", frozenset({"jaundice"}), "liver"),
    ("icterus", frozenset({"jaundice"}), "liver"),
    ("yellowing of the eyes", frozenset({"jaundice"}), "liver"),
    # --- loss of appetite -------------------------------------------------------------------
    ("loss of appetite", frozenset({"loss_of_appetite"}), "liver"),
    ("poor appetite", frozenset({"loss_of_appetite"}), "liver"),
    ("not hungry", frozenset({"loss_of_appetite"}), "liver"),
    ("I have lost my appetite", frozenset({"loss_of_appetite"}), "liver"),
    ("off my food", frozenset({"loss_of_appetite"}), "liver"),
    # --- itchy skin -------------------------------------------------------------------------
    ("itchy skin", frozenset({"itchy_skin"}), "liver"),
    ("ITCHY SKIN", frozenset({"itchy_skin"}), "liver"),
    ("itching", frozenset({"itchy_skin"}), "liver"),
    ("pruritus", frozenset({"itchy_skin"}), "liver"),
    ("skin that is itchy", frozenset({"itchy_skin"}), "liver"),
    ("my skin itches", frozenset({"itchy_skin"}), "liver"),
    # --- rash -------------------------------------------------------------------------------
    ("rash", frozenset({"rash"}), "liver"),
    ("rashes", frozenset({"rash"}), "liver"),
    ("skin rash", frozenset({"rash"}), "liver"),
    ("skin eruption", frozenset({"rash"}), "liver"),
    # --- bleeding ---------------------------------------------------------------------------
    ("bleeding", frozenset({"bleeding"}), "liver"),
    ("bleed", frozenset({"bleeding"}), "liver"),
    ("haemorrhage", frozenset({"bleeding"}), "liver"),
    ("blood loss", frozenset({"bleeding"}), "liver"),
    # --- swelling in the belly --------------------------------------------------------------
    ("swelling in the belly", frozenset({"belly_swelling"}), "liver"),
    ("swollen belly", frozenset({"belly_swelling"}), "liver"),
    ("my belly is swollen", frozenset({"belly_swelling"}), "liver"),
    ("swelling in my abdomen", frozenset({"belly_swelling"}), "liver"),
    ("distended abdomen", frozenset({"belly_swelling"}), "liver"),
    ("swollen tummy", frozenset({"belly_swelling"}), "liver"),
    # --- sick: feeling sick (nausea) or being sick (vomiting) -------------------------------
    ("sick", frozenset({"nausea", "vomiting"}), "liver"),
    ("Sick!", frozenset({"nausea", "vomiting"}), "brain"),
    # --- anxiety (a general symptom) --------------------------------------------------------
    ("anxiety", frozenset({"anxiety"}), None),
    ("anxious", frozenset({"anxiety"}), None),
    ("feeling anxious", frozenset({"anxiety"}), None),
    ("nervousness", frozenset({"anxiety"}), None),
    # --- depression (a general symptom) -----------------------------------------------------
    ("depression", frozenset({"depression"}), None),
    ("depressed", frozenset({"depression"}), None),
    ("I feel depressed", frozenset({"depression"}), None),
    ("low mood", frozenset({"depression"}), None),
    ("feeling down", frozenset({"depression"}), None),
)
