//! The small closed lists of French and English grammar words the rules
//! read phrases with: articles, prepositions, pronouns, quantifiers and the
//! words that open an adverbial phrase.
//!
//! They are shared by name reading, phrase reading and role keys, and they
//! never change with the corpus, so they are code, not data files.

/// Articles and possessives, folded.
pub const DETERMINERS: &[&str] = &["le", "la", "l", "les", "the", "un", "une", "a", "an", "son", "sa", "ses", "leur"];

/// Prepositions and the conjunctions that join a complement, folded.
pub const PREPOSITIONS: &[&str] = &["de", "du", "des", "d", "a", "au", "aux", "en", "of", "to", "for", "pour", "par", "sur", "contre", "in", "on", "at", "aupres", "chez", "and", "et", "with", "avec", "charge"];

/// Words that open a role's complement ("ministre *de* la Justice",
/// "head *of* mission"): the role's head and its gender come before them.
pub const COMPLEMENT_OPENERS: &[&str] = &["de", "du", "des", "d", "of", "for", "pour", "aupres", "to", "au", "aux", "a", "en", "in"];

/// Subject and object pronouns that can stand for a speaker.
pub const PRONOUNS: &[&str] = &["il", "elle", "ils", "elles", "lui", "he", "she", "they", "him", "her", "we", "nous"];

/// The plural ones among them: they name a group, never one person.
pub const PLURAL_PRONOUNS: &[&str] = &["ils", "elles", "they", "we", "nous"];

/// Words before a collective noun that do not change who speaks.
pub const QUANTIFIERS: &[&str] = &["several", "many", "some", "various", "other", "plusieurs", "certains", "certaines", "nombreux", "nombreuses", "divers", "diverses", "autres", "des", "de", "d", "most", "all", "tous", "toutes"];

/// Words that open an adverbial phrase (time, place, topic, connective)
/// rather than a subject.
pub const OPENERS: &[&str] = &[
    "lors", "alors", "dans", "en", "apres", "avant", "pendant", "durant", "face", "concernant", "quant", "au", "a", "sur", "par", "de", "depuis", "lorsque", "quand", "si", "comme", "tandis", "since", "during", "at", "in", "on", "after", "before", "speaking", "addressing", "while", "as", "when", "notamment", "enfin", "ainsi", "cependant", "toutefois", "pourtant", "mais", "et", "or", "but", "and", "also", "however", "moreover", "furthermore", "then", "puis", "ensuite", "aussi", "for", "regarding", "with", "avec", "outre", "malgre", "despite", "pour",
];
