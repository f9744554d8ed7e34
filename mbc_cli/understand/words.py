"""The words mbc's matcher knows: reviewed word lists, vocabulary only, no medical claim.

Function words, qualifiers (how bad, how often, since when, whose...), negations and clause breaks,
idioms, and the words that name nothing alone. Each list was reviewed by hand, word by word
(docs/vocabulary.md says how); `recognise` and `sentences` read them. Contractions, spellings and
word families are in `normalise`, which applies them.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of a text written out, one set (for the reviewed word lists here and in `ideas`)."""
    return frozenset(text.split())


FUNCTION_WORDS = word_set(
    """a an the of in on at to for from with by about into and or
    my your his her their our its me i you it this that these those there which who than
    is are am was were be been being has have having had do does did get gets got getting
    feel feels felt will would"""
)
"""Small words that do not change what a symptom phrase means; ignored when phrases are compared.

"feeling" is not one of them: "loss of feeling" is not "loss". It is a qualifier (below) instead."""

QUALIFIERS: dict[str, frozenset[str]] = {
    "how bad": word_set(
        """severe bad really very quite so mild terrible awful horrible extreme extremely intense unbearable
        excruciating slight slightly bit little lot lots much more most worse worst worsening increasing
        getting kind sort real pretty marked significant absolutely totally completely utterly whatsoever just"""
    ),
    "how often": word_set(
        """constant constantly always sometimes often lately recently chronic persistent frequent frequently
        recurring recurrent occasional occasionally keeps keep keeping kept again daily nightly every each
        single all time times on off ongoing still now"""
    ),
    "since when": word_set(
        """since last ago yesterday today tonight past couple few several new sudden suddenly started start
        starting began begun day days night nights morning mornings evening evenings week weeks month months
        year years some"""
    ),
    "whose": word_set(
        """mum mom mother dad father husband wife partner son daughter sister brother friend aunt uncle
        grandma grandmother gran nan grandpa grandfather grandad he she they patient someone loved one
        mums moms him her his pt pts family kids children"""
    ),
    "how a note is written": word_set(
        """reports reported reporting complains complaining complained c o presents presented presenting states
        stated describes described noted notes history hx per exam examination overnight staff nursing
        witnessed suspected new ongoing says said told thinks x2 x3 am pm cbc hb hgb plt wbc bm rom sats
        ml mg dl"""
    ),
    "how it is said": word_set(
        """feeling having experiencing suffering noticed noticing notice seem seems seeming think maybe
        possibly just also too like area region around near side anymore longer far easy easily quickly any
        looking look looks everyone everybody everything anything something anyone barely hardly properly
        normally what how"""
    ),
    "where": word_set(
        "all over everywhere under behind inside across radiating radiates whole part quadrant thoracic lumbar sacral"
    ),
    "how it feels": word_set(
        """deep dull sharp stabbing burning throbbing pounding shooting gnawing nagging tight stiff"""
    ),
    "how it looks": word_set("red reddish blotchy raised bumpy spotty patchy flaky scaly"),
    "what brings it on": word_set(
        """climbing climb stairs upstairs steps walking exercise exercising exertion exertional standing lying
        sitting bending lifting rest wake wakes waking woke"""
    ),
    "how many times": word_set("once twice one two three four five six several many times"),
    "which side": word_set("left right both upper lower bilateral"),
    "what spread is called": word_set(
        """cancer cancers spread spreads spreading metastasis metastases metastatic mets secondary secondaries
        tumor tumors lesion lesions deposit deposits"""
    ),
    "how a report words it": word_set(
        """unspecified other acute intermittent nocturnal generalized generalised focal onset episode episodes
        initial encounter moderate mild paroxysmal idiopathic spontaneous sudden site closed subjective
        localized localised serum plasma tendency diathesis related induced associated neoplastic neoplasm malignant
        maculopapular
        morbilliform erythematous form forms type types kind kinds disease antineoplastic pattern soft
        tissue nonspecific internal subcutaneous finding findings disorder disorders musculoskeletal"""
    ),
}
"""Words that say how bad, how often, since when or whose a symptom is, or only how it is said.

A symptom phrase within the user's words still names that symptom when all that is left over is
these: "constant bad headaches", "my dad has been exhausted every single day", "pain in the liver
area". The answer lists them as left aside. Reviewed by hand, word by word: none of them names,
narrows or reverses a symptom."""

QUALIFIER_PHRASES = (
    "coming back",
    "comes back",
    "came back",
    "keeps coming back",
    "all the time",
    "on and off",
    "off and on",
    "every now and then",
    "now and then",
    "from time to time",
    "drug induced",
    "chemotherapy induced",
    "treatment related",
    "of malignancy",
    "morphologic abnormality",
    "morphological abnormality",
    "observable entity",
    "clinical finding",
    "unable stop",
    "unable to stop",
    "will not stop",
    "will not go away",
    "does not go away",
    "do not go away",
    "not going away",
    "for no reason",
    "for no apparent reason",
    "out of nowhere",
    "first thing",
    "all the time",
    "most of the time",
    "every now and then",
    "now and then",
    "on and off",
    "off and on",
)
"""Several words that together say only how often: left aside before anything is matched
("neck pain that keeps coming back" is neck pain, not back pain)."""

IDIOMS = (
    "by fits and starts",
    "fits and starts",
    "sick bag",
    "sick benefit",
    "sick berth",
    "sick call",
    "sick day",
    "sick joke",
    "sick leave",
    "sick list",
    "sick note",
    "sick of",
    "sick parade",
    "sick pay",
    "anointing of the sick",
    "bleeding heart",
    "fatigue crack",
    "fatigue duty",
    "fatigue party",
    "great depression",
    "emesis basin",
    "headache powder",
    "tired of",
    "sick and tired",
    "break a leg",
    "a real headache",
    "such a headache",
    "what a headache",
    "a pain in the neck",
    "a real pain",
    "such a pain",
    "cold sore",
    "cold sores",
    "canker sore",
    "canker sores",
    "saddle sore",
    "pressure sore",
    "pressure sores",
    "bed sore",
    "bed sores",
    "bedsore",
    "bedsores",
    "mouth sore",
    "mouth sores",
    "itching to",
    "itch to",
    "vomiting blood",
    "vomited blood",
    "vomit blood",
    "throwing up blood",
    "threw up blood",
    "blood in vomit",
    "blood in my vomit",
)
"""Phrases that hold a symptom's word but mean something else ("fits and starts", "sick leave", "cold
sore"): their words name no symptom. Reviewed from WordNet 3.0's multi-word entries that contain a
word of mbc's symptoms, keeping those whose meaning is not the symptom ("sick note", bed and mouth
sores, and the plurals, added likewise; "itching to", WordNet's sense of itch as a strong desire).
And vomiting blood (hematemesis, bleeding in the gut), which holds vomiting's word but is another
symptom, one the sources do not name."""

MODIFIERS = frozenset().union(*QUALIFIERS.values())
"""Every qualifier word, whatever it qualifies."""

NEGATIONS = word_set("no not never without none nothing nor neither denies denied")
"""Words that reverse what follows them in their clause ("headache but no vomiting"): never ignored.
Contractions have been spelled out by then (`name_key`): "don't" and "dont" are "do not"."""

CLAUSE_BREAKS = word_set("but and or plus also although though however except yet whereas")
"""Words that end a clause: a negation reaches no further than its clause."""

CIRCUMSTANCES = word_set("when whenever after following post before during while if because")
"""Words that open a clause saying when or why a symptom comes ("light-headed when I stand up"):
that clause is left aside, and said to be."""

COMPOUNDS = word_set("bad good")
"""Words that make a name of their own with the word after them ("bad breath", "good head"): beside them,
no word is taken as a symptom's core word."""
ALONE_NAMES_NOTHING = word_set(
    """loss lose losing low high change changes problem problems trouble difficulty hard unable
        can could increase increased decrease decreased poor lack lacking symptom symptoms issue issues sign signs
        level levels weight sleep blood body head skin eye eyes chest stomach belly tummy back neck arm arms leg
        legs hand hands foot feet face facial mouth throat nose ear ears hip knee shoulder bowel bladder urine side
        palm palms palmar thigh thighs calf calves shin ankle ankles wrist elbow finger fingers toe toes muscle
        muscles limb limbs joint joints extremity extremities
        feeling go going gone went come coming came up down out off away thing things bit normal usual weird strange odd
        new old weak weakness usual cough coughing memory"""
)
"""Words that are part of many symptoms' names but name none alone ("loss", "low", "head"): never a
symptom's core word, and harmless beside a phrase ("raised calcium levels", "skin rash on my arm").
Reviewed by hand: "weak" is here because weakness in general is not the weakness in one area that
the sources name, "cough" because a cough is not coughing up blood (it is another symptom, which the
sources do not tie to a site), and body parts because a part alone is a place, not a symptom."""

ON_THE_BODY = word_set("on over across")
"""Words that put a symptom on the body's surface: "a rash on my stomach" is a rash, wherever it is."""

BODY_SURFACE = word_set("trunk torso clavicle collarbone ribs rib scalp breastbone")
"""Parts of the body's surface a rash or a swelling is seen on, beyond the body words that name nothing
alone (ALONE_NAMES_NOTHING): after ON_THE_BODY, where on the body, not a site the symptom must be linked to."""

WHERE_OR_WHEN = word_set("in at on during after before since while when until then")
"""Small words after a phrase that begin where or when it happened ("a convulsion in the shower"), so the
word after them is not beside the phrase; "of" is not among them ("seizure of assets")."""

ANIMALS = word_set(
    """dog dogs cat cats pet pets puppy kitten horse bird parrot rabbit hamster
    phone battery batteries car engine computer laptop printer machine bridge plant plants economy"""
)
"""Whose symptom it is, when it is no person's: "my dog has a rash" and "my phone battery is exhausted"
name no symptom of the patient's (animals, machines, plants)."""


SHORTHAND = {
    "ppl": "people",
    "u": "you",
    "ur": "your",
    "r": "are",
    "y": "why",
    "wat": "what",
    "wot": "what",
    "wut": "what",
    "wen": "when",
    "ar": "are",
    "hw": "how",
    "abt": "about",
    "b4": "before",
    "bcoz": "because",
    "cuz": "because",
    "coz": "because",
    "shud": "should",
    "cud": "could",
    "wud": "would",
    "gonna": "going to",
    "wanna": "want to",
    "tho": "though",
    "thru": "through",
    "yr": "year",
    "yrs": "years",
    "mo": "month",
    "mos": "months",
    "wk": "week",
    "wks": "weeks",
    "dr": "doctor",
    "drs": "doctors",
    "doc": "doctor",
    "docs": "doctors",
    "onc": "oncologist",
    "meds": "medicines",
    "med": "medicine",
    "info": "information",
    "tx": "treatment",
    "txs": "treatments",
    "dx": "diagnosis",
    "dxd": "diagnosed",
    "sx": "symptoms",
    "rads": "radiation",
    "rt": "radiation therapy",
    "kemo": "chemo",
    "chemos": "chemo",
}
"""How people write words in a hurry (texting, forums, clinical notes), spelled out before anything else is read:
"how long do ppl live" is "how long do people live", "tx options" "treatment options". Reviewed one by one: each
means exactly its word wherever it stands in a question about metastatic breast cancer ("rt" and "rads" are
radiation therapy there, "kemo" is how "chemo" sounds). Not "bc" (because, or breast cancer), nor "pt" (a
patient, read as whose), nor "hx" (a note's history)."""

POLITENESS = word_set(
    """thanks thank thankyou please plz pls thx thnx ty cheers hi hello hey dear sorry help helping wondering
    wonder curious question questions ask asking asked anyone anybody somebody advice"""
)
"""Words that are only how a question is put ("is it curable thx", "hi, can anyone tell me"): left aside, never
taken as what it asks about. "help" is here as in "please help"; what helps is asked by its other words."""

GENERAL = word_set(
    """only then way ways such best better own place places next sure let thought called case cases making made
    including include includes included based later together working worked able given become becomes taking
    taken takes take known almost else along possible due special either whether rather further among according
    example examples current currently gave main mainly shows show goes going include especially certain itself
    perhaps various parts part ones below via named reach reached reaches calls overall uses otherwise eventually
    therefore begin starts remain continue continues considered consider tells require requires apart existing
    somewhere allows referred placed play great present general class act process position role source society news
    article released create leading focus addition additionally throughout beyond features multiple necessary highly
    completed suggest suggests collected display acts remaining marks lets describe refer refers passes opposed
    thereby ultimately aspect reflect involves loaded quoted receives quickly kind kinds thing things lot lots
    something anything everything nothing point points matter matters happen happens happened"""
)
"""Everyday words that the sources' texts hold but that say nothing of their own there ("next" in "Next, the
cancer may enter blood vessels", "working" in "treatments have stopped working"): a statement that shares only
such words with a question is not an answer to it. Drawn from the knowledge base's own words that are most
common in English (a Zipf frequency of 4.5 or more in wordfreq 3.1.1's English list; see docs/vocabulary.md),
and reviewed one by one: a word that names something the sources speak of (control, home, record, second,
early, age, kill, fight, average, share, plan) is not here."""
