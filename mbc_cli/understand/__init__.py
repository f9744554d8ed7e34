"""How mbc reads what people type, in the order it reads it; queries call it, and it never calls them.

1. `normalise`: case, width, punctuation, contractions, British spellings, stems and word families;
2. `spelling`: words mbc does not know, read as the closest words it does, and said so ("curible" read
   as "curable"), never silently; and the names closest to a name it does not know;
3. `recognise`: what the text names (symptoms, sites and places, drugs, tests, treatments, terms),
   sentence by sentence and clause by clause (`sentences`), with negations and words left aside;
4. `interpret`: what a question asks: its ideas (`ideas`: cure, survival...), the subtype it names,
   whose it is, what it names, and which of its words the sources do not cover.

The reviewed word lists this reads by are in `words` (and `ideas`, for questions).
"""
