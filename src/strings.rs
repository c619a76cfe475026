//! Every string the page shows, in one place per language, so a translation
//! is one table to fill and a missing entry is a compile error.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UiLang {
    #[default]
    Fr,
    En,
}

impl UiLang {
    pub fn code(self) -> &'static str {
        match self {
            UiLang::Fr => "fr",
            UiLang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "fr" => Some(UiLang::Fr),
            "en" => Some(UiLang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Self {
        match self {
            UiLang::Fr => UiLang::En,
            UiLang::En => UiLang::Fr,
        }
    }

    /// "1 déclaration", "2 déclarations": a count with the form that agrees.
    pub fn count(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            UiLang::Fr => &FR,
            UiLang::En => &EN,
        }
    }
}

pub struct Strings {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    /// Shown once the box holds all it takes (`route::MAX_QUERY_CHARS`).
    pub query_limit: &'static str,
    pub other_lang_label: &'static str,
    pub results_one: &'static str,
    pub results_many: &'static str,
    pub passages_total: &'static str,
    pub no_results: &'static str,
    pub did_you_mean: &'static str,
    /// The announcement of what was searched beyond the words as typed.
    pub results_for: &'static str,
    pub also_searched: &'static str,
    pub no_passage_has_all_words: &'static str,
    pub few_passages_have_all_words: &'static str,
    pub search_as_typed: &'static str,
    /// Quotation marks around quoted words, with the spaces French sets inside them.
    pub open_quote: &'static str,
    pub close_quote: &'static str,
    /// A colon before what it introduces: French sets a space before it.
    pub colon: &'static str,
    pub searched_as_typed: &'static str,
    pub search_with_variants: &'static str,
    /// "4 passages dans cet article", after the count.
    pub in_this_article: &'static str,
    pub see_also: &'static str,
    pub other_passage_one: &'static str,
    pub other_passages_many: &'static str,
    pub hide_other_passages: &'static str,
    pub relax_filters: &'static str,
    pub clear_query: &'static str,
    pub skip_to_results: &'static str,
    pub show_more: &'static str,
    pub back_to_results: &'static str,
    pub source: &'static str,
    pub speakers: &'static str,
    pub countries: &'static str,
    pub dates: &'static str,
    pub date_from: &'static str,
    pub date_to: &'static str,
    pub clear_all: &'static str,
    pub remove_filter: &'static str,
    pub sort_label: &'static str,
    pub sort_relevance: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub filters: &'static str,
    pub unknown_date: &'static str,
    pub broken_index: &'static str,
    pub article_missing: &'static str,
    pub export: &'static str,
    pub cite: &'static str,
    pub copied: &'static str,
    pub tab_results: &'static str,
    pub tab_concordance: &'static str,
    pub previous_match: &'static str,
    /// Reading view: the attribution's evidence.
    pub evidence_cue: &'static str,
    pub evidence_mention: &'static str,
    pub continues_words_of: &'static str,
    pub also_speaking: &'static str,
    /// Result cards: "+1 other speaker", "+2 other speakers".
    pub other_speaker: &'static str,
    pub other_speakers: &'static str,
    pub next_match: &'static str,
    pub sort_by_left: &'static str,
    pub sort_by_right: &'static str,
    pub concordance_needs_query: &'static str,
    pub statement: &'static str,
    pub statements: &'static str,
    pub compare: &'static str,
    pub compare_with: &'static str,
    pub speaks_for: &'static str,
    pub filter_list: &'static str,
    pub timeline: &'static str,
    pub timeline_days: &'static str,
    pub timeline_drag: &'static str,
    pub active_filters: &'static str,
    pub no_filters: &'static str,
    /// "{}" is the number of entries not shown.
    pub facet_more: &'static str,
    pub facet_fewer: &'static str,
    pub open_statement: &'static str,
    pub not_found: &'static str,
    pub views: &'static str,
    pub suggestions: &'static str,
    pub try_a_topic: &'static str,
    pub or_a_speaker: &'static str,
    pub touch_to_start: &'static str,
    /// The kiosk's on-screen keyboard and the names of its special keys.
    pub keyboard: &'static str,
    pub key_space: &'static str,
    pub key_apostrophe: &'static str,
    pub key_backspace: &'static str,
    pub key_clear: &'static str,
    pub key_close: &'static str,
    /// A kiosk's QR code of an article's source: its alt text, before the URL, and its caption.
    pub source_qr: &'static str,
    pub scan_source: &'static str,
    pub about: &'static str,
    pub about_corpus: &'static str,
    pub documents: &'static str,
    pub fingerprint: &'static str,
    pub crashed: &'static str,
    pub reload: &'static str,
    pub distinctive_words: &'static str,
    pub sources: &'static str,
    pub months: [&'static str; 12],
    /// The "unknown" entry of the speaker, country and source lists.
    pub unknown_speaker: &'static str,
    pub unknown_country: &'static str,
    pub unknown_source: &'static str,
    /// A paraphrase's citation: "Selon X … (propos rapportés) : …".
    pub according_to: &'static str,
    pub reported_speech: &'static str,
    /// What a reference manager's note says a citation is.
    pub direct_quotation: &'static str,
    pub copy_citation: &'static str,
    pub corpus_line: &'static str,
    pub corpus_dates: &'static str,
    pub attributed_only: &'static str,
    pub kind_label: &'static str,
    pub kind_direct: &'static str,
    pub kind_indirect: &'static str,
    pub kind_mixed: &'static str,
    pub concordance_count: &'static str,
    pub concordance_capped: &'static str,
    pub column_left: &'static str,
    pub column_keyword: &'static str,
    pub column_right: &'static str,
    pub column_speaker: &'static str,
    pub column_country: &'static str,
    pub column_date: &'static str,
    pub concordance_csv: &'static str,
    pub compare_first: &'static str,
    pub compare_second: &'static str,
    pub compare_narrowed: &'static str,
    pub compare_hint: &'static str,
    pub match_position: &'static str,
    pub match_wraps: &'static str,
    /// The verb before the count of passages: "Voir 12 passages".
    pub show_results: &'static str,
    pub match_nav_label: &'static str,
}

pub static FR: Strings = Strings {
    app_title: "Hanoi Explorer",
    tagline: "Qui a dit quoi sur la Convention des Nations unies contre la cybercriminalité",
    search_label: "Rechercher dans les déclarations",
    search_placeholder: "Rechercher : Waly, « droits de l’homme »…",
    query_limit: "La recherche s’arrête à 200 caractères : la suite n’est pas cherchée.",
    other_lang_label: "English",
    results_one: "passage",
    results_many: "passages",
    passages_total: "passages dans le corpus",
    no_results: "Aucun passage ne correspond.",
    did_you_mean: "Vouliez-vous dire",
    results_for: "Résultats pour",
    also_searched: "Aussi recherché :",
    no_passage_has_all_words: "Aucun passage ne contient tous les mots ; voici ceux qui en contiennent le plus.",
    few_passages_have_all_words: "Peu de passages contiennent tous les mots ; suivent ceux qui en contiennent une partie.",
    search_as_typed: "Rechercher exactement",
    open_quote: "« ",
    close_quote: " »",
    colon: " : ",
    searched_as_typed: "Mots recherchés tels que tapés.",
    search_with_variants: "Rechercher aussi les variantes",
    in_this_article: "dans cet article",
    see_also: "Voir aussi",
    other_passage_one: "autre passage de cet article",
    other_passages_many: "autres passages de cet article",
    hide_other_passages: "Masquer les autres passages de cet article",
    relax_filters: "Retirer les filtres",
    clear_query: "Effacer la recherche",
    skip_to_results: "Aller aux résultats",
    show_more: "Afficher plus",
    back_to_results: "← Retour aux résultats",
    source: "Source",
    speakers: "Orateurs",
    countries: "Pays et organisations",
    dates: "Dates",
    date_from: "Du",
    date_to: "Au",
    clear_all: "Tout effacer",
    remove_filter: "Retirer le filtre",
    sort_label: "Trier par",
    sort_relevance: "pertinence",
    sort_newest: "plus récents",
    sort_oldest: "plus anciens",
    filters: "Filtres",
    unknown_date: "date inconnue",
    broken_index: "L'index embarqué est illisible. Reconstruisez la page.",
    article_missing: "Cet article n'existe pas dans ce corpus.",
    export: "Exporter les résultats",
    cite: "Citer",
    copied: "Copié ✓",
    tab_results: "Résultats",
    tab_concordance: "Concordance",
    previous_match: "← Occurrence précédente",
    evidence_cue: "indice d'attribution",
    evidence_mention: "orateur nommé ici",
    continues_words_of: "Suite des propos de",
    also_speaking: "Prennent aussi la parole :",
    other_speaker: "autre orateur",
    other_speakers: "autres orateurs",
    next_match: "Occurrence suivante →",
    sort_by_left: "Trier par le contexte gauche",
    sort_by_right: "Trier par le contexte droit",
    concordance_needs_query: "Tapez un mot pour voir ses contextes.",
    statement: "déclaration",
    statements: "déclarations",
    compare: "Comparer",
    compare_with: "Comparer avec",
    speaks_for: "Parlent au nom de ce pays ou organisme",
    filter_list: "Filtrer la liste",
    timeline: "Déclarations par mois",
    timeline_days: "Déclarations par jour",
    timeline_drag: " — glisser pour choisir une période",
    active_filters: "Filtres actifs",
    no_filters: "Aucun filtre",
    facet_more: "Afficher {} de plus",
    facet_fewer: "Réduire la liste",
    open_statement: "Lire dans l'article",
    not_found: "Introuvable dans ce corpus.",
    views: "Vues",
    suggestions: "Suggestions",
    try_a_topic: "Essayez un thème",
    or_a_speaker: "ou choisissez un orateur",
    touch_to_start: "Touchez l'écran pour explorer",
    keyboard: "Clavier à l’écran",
    key_space: "espace",
    key_apostrophe: "apostrophe",
    key_backspace: "Effacer la dernière lettre",
    key_clear: "Tout effacer",
    key_close: "Fermer le clavier",
    source_qr: "QR code de la source",
    scan_source: "Scannez pour lire l’original sur votre téléphone",
    about: "À propos",
    about_corpus: "Corpus embarqué",
    documents: "articles",
    fingerprint: "empreinte SHA-256",
    crashed: "Une erreur interne a arrêté la page.",
    reload: "Recharger",
    distinctive_words: "Mots les plus caractéristiques",
    sources: "Sources",
    months: [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ],
    unknown_speaker: "(sans orateur)",
    unknown_country: "(inconnu)",
    unknown_source: "(inconnue)",
    according_to: "Selon",
    reported_speech: "propos rapportés",
    direct_quotation: "citation directe",
    copy_citation: "Copier la citation",
    corpus_line: "{statements} déclarations de {speakers} orateurs, {sources} sources",
    corpus_dates: ", de {first} à {last}",
    attributed_only: "Seulement les déclarations attribuées",
    kind_label: "Forme de la déclaration : ",
    kind_direct: "Citation directe",
    kind_indirect: "Paraphrase",
    kind_mixed: "Paraphrase et citation",
    concordance_count: "{occurrences} occurrences dans {passages} passages",
    concordance_capped: " (les {} premières)",
    column_left: "Contexte avant",
    column_keyword: "Mot",
    column_right: "Contexte après",
    column_speaker: "Orateur",
    column_country: "Pays",
    column_date: "Date",
    concordance_csv: "Télécharger la concordance (CSV)",
    compare_first: "Premier orateur",
    compare_second: "Second orateur",
    compare_narrowed: "Les deux colonnes ne gardent que les déclarations qui répondent à",
    compare_hint: "Tapez une recherche pour restreindre les deux colonnes.",
    match_position: "{position} sur {total}",
    match_wraps: "Dernière · revenir à la première ↺",
    show_results: "Voir",
    match_nav_label: "Occurrences de la recherche",
};

pub static EN: Strings = Strings {
    app_title: "Hanoi Explorer",
    tagline: "Who said what about the UN Convention against Cybercrime",
    search_label: "Search the statements",
    search_placeholder: "Search the French texts: Waly, « droits de l’homme »…",
    query_limit: "A search stops at 200 characters: the rest is not searched.",
    other_lang_label: "Français",
    results_one: "passage",
    results_many: "passages",
    passages_total: "passages in the corpus",
    no_results: "No passage matches.",
    did_you_mean: "Did you mean",
    results_for: "Results for",
    also_searched: "Also searched:",
    no_passage_has_all_words: "No passage holds every word; here are those holding the most.",
    few_passages_have_all_words: "Few passages hold every word; those holding some of them follow.",
    search_as_typed: "Search exactly for",
    open_quote: "“",
    close_quote: "”",
    colon: ": ",
    searched_as_typed: "Words searched as typed.",
    search_with_variants: "Search their variants too",
    in_this_article: "in this article",
    see_also: "See also",
    other_passage_one: "other passage of this article",
    other_passages_many: "other passages of this article",
    hide_other_passages: "Hide the other passages of this article",
    relax_filters: "Remove the filters",
    clear_query: "Clear the search",
    skip_to_results: "Skip to the results",
    show_more: "Show more",
    back_to_results: "← Back to results",
    source: "Source",
    speakers: "Speakers",
    countries: "Countries and bodies",
    dates: "Dates",
    date_from: "From",
    date_to: "To",
    clear_all: "Clear all",
    remove_filter: "Remove filter",
    sort_label: "Sort by",
    sort_relevance: "relevance",
    sort_newest: "newest",
    sort_oldest: "oldest",
    filters: "Filters",
    unknown_date: "unknown date",
    broken_index: "The embedded index cannot be read. Rebuild the page.",
    article_missing: "This article is not in this corpus.",
    export: "Export the results",
    cite: "Cite",
    copied: "Copied ✓",
    tab_results: "Results",
    tab_concordance: "Concordance",
    previous_match: "← Previous match",
    evidence_cue: "attribution cue",
    evidence_mention: "speaker named here",
    continues_words_of: "Continues the words of",
    also_speaking: "Also speaking:",
    other_speaker: "other speaker",
    other_speakers: "other speakers",
    next_match: "Next match →",
    sort_by_left: "Sort by left context",
    sort_by_right: "Sort by right context",
    concordance_needs_query: "Type a word to see its contexts.",
    statement: "statement",
    statements: "statements",
    compare: "Compare",
    compare_with: "Compare with",
    speaks_for: "Speaking for this country or body",
    filter_list: "Filter the list",
    timeline: "Statements by month",
    timeline_days: "Statements by day",
    timeline_drag: " — drag to choose a period",
    active_filters: "Active filters",
    no_filters: "No filters",
    facet_more: "Show {} more",
    facet_fewer: "Show fewer",
    open_statement: "Read in the article",
    not_found: "Not found in this corpus.",
    views: "Views",
    suggestions: "Suggestions",
    try_a_topic: "Try a topic",
    or_a_speaker: "or pick a speaker",
    touch_to_start: "Touch the screen to explore",
    keyboard: "On-screen keyboard",
    key_space: "space",
    key_apostrophe: "apostrophe",
    key_backspace: "Delete the last letter",
    key_clear: "Clear all",
    key_close: "Close the keyboard",
    source_qr: "QR code of the source",
    scan_source: "Scan to read the original on your phone",
    about: "About",
    about_corpus: "Embedded corpus",
    documents: "articles",
    fingerprint: "SHA-256 fingerprint",
    crashed: "An internal error stopped the page.",
    reload: "Reload",
    distinctive_words: "Most distinctive words",
    sources: "Sources",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    unknown_speaker: "(no speaker)",
    unknown_country: "(unknown)",
    unknown_source: "(unknown)",
    according_to: "According to",
    reported_speech: "reported speech",
    direct_quotation: "direct quotation",
    copy_citation: "Copy the citation",
    corpus_line: "{statements} statements by {speakers} speakers, {sources} outlets",
    corpus_dates: ", from {first} to {last}",
    attributed_only: "Attributed statements only",
    kind_label: "Kind of statement: ",
    kind_direct: "Direct quotation",
    kind_indirect: "Paraphrase",
    kind_mixed: "Paraphrase with quotation",
    concordance_count: "{occurrences} occurrences in {passages} passages",
    concordance_capped: " (the first {})",
    column_left: "Context before",
    column_keyword: "Word",
    column_right: "Context after",
    column_speaker: "Speaker",
    column_country: "Country",
    column_date: "Date",
    concordance_csv: "Download the concordance (CSV)",
    compare_first: "First speaker",
    compare_second: "Second speaker",
    compare_narrowed: "Both columns keep only the statements matching",
    compare_hint: "Type a search to narrow both columns.",
    match_position: "{position} of {total}",
    match_wraps: "Last · back to the first ↺",
    show_results: "Show",
    match_nav_label: "Matches of the search",
};

/// A partial date as people read it: "24 octobre 2025", "October 2025", "2025".
pub fn format_date(lang: UiLang, year: i32, month: Option<u8>, day: Option<u8>) -> String {
    let month_name = month
        .and_then(|m| usize::from(m).checked_sub(1))
        .and_then(|index| lang.strings().months.get(index));
    match (month_name, day) {
        (Some(name), Some(day)) => format!("{day} {name} {year}"),
        (Some(name), None) => format!("{name} {year}"),
        (None, _) => year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_each_precision() {
        assert_eq!(format_date(UiLang::Fr, 2025, Some(10), Some(24)), "24 octobre 2025");
        assert_eq!(format_date(UiLang::En, 2025, Some(10), None), "October 2025");
        assert_eq!(format_date(UiLang::Fr, 2020, None, None), "2020");
        assert_eq!(format_date(UiLang::Fr, 2020, Some(13), Some(1)), "2020");
    }

    /// index.html paints a copy of the masthead and the search box before
    /// the wasm starts (src/shell.rs), in both languages: it must say what
    /// the app says, or the words would change under the reader.
    #[test]
    fn the_page_shell_says_what_the_app_says() {
        let page = include_str!("../index.html");
        let shell = &page[page.find("id=\"shell\"").expect("index.html has the shell")..];
        for strings in [&FR, &EN] {
            for text in [strings.app_title, strings.tagline, strings.search_label, strings.search_placeholder, strings.other_lang_label] {
                assert!(shell.contains(text), "index.html's shell lacks {text:?}");
            }
        }
        let max = format!("maxlength=\"{}\"", crate::route::MAX_QUERY_CHARS);
        assert!(shell.contains(&max), "the shell's box takes as many characters as the app's");
    }

    #[test]
    fn the_query_limit_says_the_limit() {
        for strings in [&FR, &EN] {
            assert!(strings.query_limit.contains(&format!(" {} ", crate::route::MAX_QUERY_CHARS)), "{}", strings.query_limit);
        }
    }
}
