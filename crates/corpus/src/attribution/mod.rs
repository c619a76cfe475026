//! Who speaks in each passage.
//!
//! News copy attributes speech with a small set of constructions, in French
//! and English alike: a subject before a reporting verb ("X a déclaré que",
//! "X said"), the subject after it ("…, a souligné X", "…, said X",
//! "C'est ce qu'a déclaré X"), a pronoun ("a-t-il affirmé", "Elle a
//! déclaré"), a source ("Selon X", "According to X", "Pour X,"). The
//! speaker's noun phrase is then read for a name, a role and the country or
//! body the role represents. Role-only and pronoun subjects are resolved
//! against the speakers already met in the article; a passage without any
//! attribution continues the speaker of a quotation, or of the statement it
//! sits between.
//!
//! The work is split in layers, each module using only those before it:
//! `gender` < `cues` (reporting verbs, clause bounds) < `phrases` (reading
//! the speaker's noun phrase) < `transcript` (speaker labels) < `resolve`
//! (the article's speakers) < `continuation` (speech over paragraphs,
//! quotes, statement kinds) < this module, which runs them over an article.

mod continuation;
mod cues;
mod gender;
mod phrases;
mod resolve;
mod transcript;

use crate::attribution::continuation::{continue_speakers, leaves_quote_open_at_end, origin_of, quoted_spans, statement_kind};
use crate::attribution::cues::{candidates, is_reported_inside, patterns};
use crate::attribution::phrases::{read_candidate, trim_span, Ctx};
use crate::attribution::resolve::{collect_names, covers, note_introductions, note_recent, resolve, Doc};
use crate::attribution::transcript::{dash_turn, read_label, transcript_label, Label};
use crate::lexicon::gazetteer::{gazetteer, Form, Hit};
use crate::lexicon::roles::readable_role;
use crate::model::{Entity, EntityKind, Evidence, PassageKind, Speaker, SpeakerId, Statement};
use crate::names::name_key;
use crate::stages::clean::Paragraph;
use crate::text::fold::{key, Folded};
use crate::text::tokens::{capitalize_first, is_all_caps, is_capitalized, tokenize, Token};
use search::{Lang, Span};

/// What attribution finds in one paragraph.
pub struct PassageResult {
    /// Main speaker first.
    pub statements: Vec<Statement>,
    pub mentions: Vec<Entity>,
}

/// What attribution finds in one article: each paragraph's statements and
/// mentions, and the speakers the statements' ids index.
pub struct Analysed {
    pub passages: Vec<PassageResult>,
    pub speakers: Vec<Speaker>,
}

/// Attributes every body paragraph of an article to its speakers; headings
/// and captions are read too, for the names they give, but hold no
/// statement.
pub fn attribute(paragraphs: &[&Paragraph], lang: Lang) -> Analysed {
    let g = gazetteer();
    // Two passes over the passages, folding each twice rather than keeping
    // every folded copy: on a 50 MB file those copies are what fills memory.
    let mut hits_of: Vec<Vec<Hit>> = Vec::with_capacity(paragraphs.len());
    let mut mentions: Vec<Vec<Entity>> = Vec::with_capacity(paragraphs.len());
    let mut opens_quote = Vec::with_capacity(paragraphs.len());
    let mut leaves_quote_open = Vec::with_capacity(paragraphs.len());
    let mut names = Vec::new();
    let mut caption_names = Vec::new();
    let mut counts: Vec<(usize, usize, usize)> = Vec::new();
    let mut body_counts: Vec<(usize, usize, usize)> = Vec::new();
    let mut short_forms: Vec<(String, usize)> = Vec::new();
    for p in paragraphs {
        let f = Folded::new(&p.text);
        let toks = tokenize(&f.text);
        let mut hits = g.find(&f.text, &toks);
        add_short_forms(&f.text, &toks, &mut hits, &mut short_forms);
        let name_spans = collect_names(&f, &toks, &hits, if p.kind == PassageKind::Caption { &mut caption_names } else { &mut names });
        hits.retain(|h| !name_spans.iter().any(|&(s, e)| s <= toks[h.first].start && toks[h.last].end <= e));
        count_entities(&hits, EntityKind::Country, &mut counts);
        count_entities(&hits, EntityKind::Organization, &mut body_counts);
        let mut out: Vec<Entity> = Vec::new();
        for h in hits.iter().filter(|h| h.form != Form::Capital) {
            let e = g.entity(h.entity);
            if !out.contains(e) {
                out.push(e.clone());
            }
        }
        mentions.push(out);
        opens_quote.push(f.text.trim_start().starts_with(['«', '"', '“']));
        leaves_quote_open.push(leaves_quote_open_at_end(&f.text));
        hits_of.push(hits);
    }
    for n in caption_names {
        if !names.iter().any(|(x, _)| *x == n.0) {
            names.push(n);
        }
    }
    // The country an article is about: the one it names most, capitals
    // included; the first named wins a tie.
    let home = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2))).map(|c| c.0);
    let home_body = body_counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2))).map(|c| g.speaks_for(c.0));
    let mut doc = Doc { recs: Vec::new(), recent: Vec::new(), home, home_body, names, introduced: Vec::new(), dash_interview: false };
    let mut speakers: Vec<Option<usize>> = Vec::with_capacity(paragraphs.len());
    let mut cued: Vec<Vec<(usize, Evidence)>> = Vec::with_capacity(paragraphs.len());
    let mut summaries = Vec::new();
    for (i, (p, hits)) in paragraphs.iter().zip(&hits_of).enumerate() {
        let mut found = Vec::new();
        if p.kind == PassageKind::Body {
            let f = Folded::new(&p.text);
            let toks = tokenize(&f.text);
            found = attribute_passage(&f, &toks, hits, &mut doc).into_iter().map(|a| (a.rec, a.evidence(&f))).collect();
            if !found.is_empty() && patterns().summary.is_match(&f.text) {
                summaries.push(i);
            }
        }
        speakers.push(found.first().map(|a| a.0));
        cued.push(found);
    }
    let person_like: Vec<bool> = doc.recs.iter().map(|r| r.person.is_some() || r.role.is_some()).collect();
    let mut continues = vec![None; speakers.len()];
    continue_speakers(paragraphs, &opens_quote, &leaves_quote_open, &mut speakers, &mut continues, &summaries, &person_like);
    let (table, ids) = finish(&doc, lang);
    let id = |rec: usize| ids.get(rec).copied();
    let statements: Vec<Vec<Statement>> = (0..speakers.len())
        .map(|i| {
            let quotes = quoted_spans(&paragraphs[i].text);
            let kind = statement_kind(&paragraphs[i].text, &quotes);
            let explicit = cued[i].iter().filter_map(|(rec, evidence)| Some(Statement { speaker: id(*rec)?, kind, evidence: *evidence, quotes: quotes.clone() }));
            let continued = continues[i].and_then(|from| {
                let origin = origin_of(&continues, from);
                Some(Statement { speaker: id(speakers[i]?)?, kind, evidence: Evidence::Continuation { passage: u32::try_from(origin).ok()? }, quotes: quotes.clone() })
            });
            explicit.chain(continued).collect()
        })
        .collect();
    Analysed {
        passages: statements
            .into_iter()
            .zip(mentions)
            .map(|(statements, mentions)| PassageResult { statements, mentions })
            .collect(),
        speakers: table,
    }
}

/// "The European Commission … a Commission spokesperson": once an article
/// has named a body in full, its last word alone, capitalized, names it too
/// ("the Commission", "the Committee", "the Assembly"), unless a complement
/// makes it another body ("the Commission on Crime Prevention"). Learns the
/// short forms of this passage's bodies into `short_forms` (latest last)
/// and adds hits for the short forms met earlier.
fn add_short_forms(t: &str, toks: &[Token], hits: &mut Vec<Hit>, short_forms: &mut Vec<(String, usize)>) {
    let g = gazetteer();
    let covered = |i: usize, hits: &[Hit]| hits.iter().any(|h| h.first <= i && i <= h.last);
    let mut found = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        let word = tok.text(t);
        if !is_capitalized(word) || is_all_caps(word) || covered(i, hits) {
            continue;
        }
        let next = toks.get(i + 1).map(|n| key(n.text(t))).unwrap_or_default();
        if matches!(next.as_str(), "on" | "of" | "for" | "de" | "du" | "des" | "d" | "sur" | "pour") {
            continue;
        }
        let k = key(word);
        if let Some(&(_, entity)) = short_forms.iter().rev().find(|(w, _)| *w == k) {
            found.push(Hit { entity, form: Form::Name, first: i, last: i });
        }
    }
    for h in hits.iter().filter(|h| h.last > h.first && h.form == Form::Name && g.entity(h.entity).kind == EntityKind::Organization) {
        let last = toks[h.last].text(t);
        if is_capitalized(last) && last.chars().count() >= 5 {
            short_forms.retain(|(w, _)| *w != key(last));
            short_forms.push((key(last), h.entity));
        }
    }
    if !found.is_empty() {
        hits.extend(found);
        hits.sort_by_key(|h| h.first);
    }
}

/// Tallies the hits of one kind as (entity, count, first-seen order).
fn count_entities(hits: &[Hit], kind: EntityKind, counts: &mut Vec<(usize, usize, usize)>) {
    let g = gazetteer();
    for h in hits.iter().filter(|h| g.entity(h.entity).kind == kind) {
        let order = counts.len();
        match counts.iter_mut().find(|c| c.0 == h.entity) {
            Some(c) => c.1 += 1,
            None => counts.push((h.entity, 1, order)),
        }
    }
}

/// Every speaker a passage attributes words to, main one first, each with
/// the cue and the mention the attribution rests on.
fn attribute_passage(f: &Folded, toks: &[Token], hits: &[Hit], doc: &mut Doc) -> Vec<Attribution> {
    let mut candidates = candidates(&f.text);
    candidates.sort_by_key(|c| (c.1.is_fallback(), c.0));
    let known: Vec<String> = doc.names.iter().filter(|(_, k)| k.contains(' ')).flat_map(|(_, k)| k.split(' ').map(String::from).collect::<Vec<_>>()).collect();
    let cx = Ctx { f, toks, hits, known: &known };
    note_introductions(&cx, doc);
    let dashed = dash_turn(&f.text);
    if matches!(dashed, Some((Label::Question, _))) {
        doc.dash_interview = true;
    }
    let label = transcript_label(&f.text).or_else(|| dashed.filter(|_| doc.dash_interview));
    if let Some((label, span)) = label {
        let found = match label {
            // An interviewer's question holds no statement, whatever its verbs.
            Label::Question => return Vec::new(),
            // The person interviewed: the last one quoted, or else the last
            // one the article introduced ("Interview with the minister X").
            Label::Answer => match doc.recent.iter().rev().copied().find(|&r| doc.recs[r].person.is_some()) {
                Some(r) => Some(Attribution { rec: r, cue: span, mention: None }),
                None => doc.introduced.last().cloned().and_then(|intro| resolve(intro.into_person(None, None), doc)).map(|rec| Attribution { rec, cue: span, mention: None }),
            },
            Label::Speaker(label) => read_label(&label, &known).and_then(|who| resolve(who, doc)).map(|rec| Attribution { rec, cue: span, mention: Some(span) }),
        };
        if let Some(a) = found {
            note_recent(doc, a.rec);
            return vec![a];
        }
    }
    let mut found: Vec<Attribution> = Vec::new();
    for (cue, mention) in candidates.into_iter().filter_map(|(cue, c)| read_candidate(&cx, &c).map(|m| (cue, m))) {
        let span = trim_span(&f.text, mention.span.0, mention.span.1);
        // "X a dit que le Kenya appuie…": a cue inside what someone
        // else is reported to have said is part of their words.
        if found.iter().any(|a| is_reported_inside(&f.text, a.cue, cue)) {
            continue;
        }
        let Some(rec) = resolve(mention.who, doc) else { continue };
        if found.iter().any(|a| a.rec == rec) {
            continue;
        }
        note_recent(doc, rec);
        // A pronoun inside the cue ("a-t-il dit") is no mention of its own.
        let mention = (span != cue && !(cue.0 <= span.0 && span.1 <= cue.1)).then_some(span);
        found.push(Attribution { rec, cue, mention });
    }
    found
}

/// One attribution inside a passage, in folded byte offsets.
#[derive(Debug, Clone, Copy)]
struct Attribution {
    rec: usize,
    cue: (usize, usize),
    mention: Option<(usize, usize)>,
}

impl Attribution {
    /// The cue and mention as byte ranges of the passage's own text.
    fn evidence(&self, f: &Folded) -> Evidence {
        let span = |(s, e): (usize, usize)| Span::new(f.original_offset(s), f.original_offset(e));
        Evidence::Cue { cue: span(self.cue), mention: self.mention.map(span) }
    }
}

/// The document's speaker table and, for each record, its id in it.
fn finish(doc: &Doc, lang: Lang) -> (Vec<Speaker>, Vec<SpeakerId>) {
    let g = gazetteer();
    let mut table = Vec::new();
    let mut ids = Vec::new();
    for rec in &doc.recs {
        let entity = rec.entity.map(|e| g.entity(e).clone());
        let speaker = match &rec.person {
            Some(p) => {
                let mut p = p.clone();
                // Fuller spellings met elsewhere in the article, captions included.
                for (name, k) in &doc.names {
                    if covers(k, &name_key(&p.name)) {
                        p.add_alias(name);
                    }
                }
                Speaker { name: Some(p.name.clone()), role: rec.role.as_deref().map(|r| readable_role(r, lang)), entity, aliases: p.aliases() }
            }
            // An unnamed speaker's role is their label: it opens with a capital.
            None => Speaker { name: None, role: rec.role.as_deref().map(|r| capitalize_first(&readable_role(r, lang))), entity, aliases: Vec::new() },
        };
        ids.push(SpeakerId(u32::try_from(table.len()).unwrap_or(u32::MAX)));
        table.push(speaker);
    }
    (table, ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::roles::collective_nouns;
    use search::StatementKind;

    /// Speakers of each paragraph of a short article, as display names with
    /// the entity code.
    /// A short article's paragraphs (blank-line separated) and what the
    /// stage makes of them; English when it reads as English.
    fn analyse(article: &str) -> (Vec<Paragraph>, Analysed) {
        let paragraphs: Vec<Paragraph> = article.split("\n\n").map(|t| Paragraph { text: t.to_string(), kind: PassageKind::Body }).collect();
        let refs: Vec<&Paragraph> = paragraphs.iter().collect();
        let lang = if article.contains(" the ") || article.starts_with("The ") { Lang::En } else { Lang::Fr };
        let analysed = attribute(&refs, lang);
        (paragraphs, analysed)
    }

    fn who(article: &str) -> Vec<String> {
        let (_, a) = analyse(article);
        a.passages
            .iter()
            .map(|p| match p.statements.first().map(|s| s.speaker) {
                Some(SpeakerId(i)) => {
                    let s = &a.speakers[i as usize];
                    let code = s.entity.as_ref().map_or("-", |e| e.code.as_str());
                    format!("{} [{}]", s.display_name(), code)
                }
                None => String::from("-"),
            })
            .collect()
    }

    #[test]
    fn role_apposition_after_a_name_is_not_the_subject() {
        assert_eq!(
            who("Au nom du groupe, Mme Claire Roux, Conseillère spéciale de l'ONU et Directrice de l'UNESCO, a déclaré que le texte avance."),
            ["Claire Roux [UNESCO]"]
        );
        assert_eq!(who("Selon Pavel Orlov, directeur du département au ministere russe des Affaires etrangeres, la reunion fut utile."), ["Pavel Orlov [RUS]"]);
    }

    #[test]
    fn asides_before_the_verb_are_skipped() {
        assert_eq!(who("La ministre kényane des Finances, Wanjiku B. Otieno, quant à elle, a estimé que le budget suffit."), ["Wanjiku B. Otieno [KEN]"]);
        assert_eq!(
            who("Au forum, l'ambassadeur Jean Dupont, qui dirige la Mission de la France, ainsi que des experts du ministere, ont presente le projet."),
            ["Jean Dupont [FRA]"]
        );
    }

    #[test]
    fn initials_and_vietnamese_le_stay_in_the_name() {
        assert_eq!(who("ICC chief economist Maria WH Ortega said firms are ready."), ["Maria WH Ortega [ICCWBO]"]);
        assert_eq!(
            who("Prenant la parole en séance, le colonel Le Van Binh, vice-ministre de la Défense du Vietnam, a assuré que la formation compte."),
            ["Le Van Binh [VNM]"]
        );
        assert_eq!(who("Le Vietnam a rappelé que le calendrier tient."), ["Viêt Nam [VNM]"]);
    }

    #[test]
    fn an_acronym_is_not_an_article_for_gender() {
        assert_eq!(
            who("Ratification must come fast, UN agency head Jane Roe told reporters.\n\nShe added: “Funding is ready.”"),
            ["Jane Roe [UN]", "Jane Roe [UN]"]
        );
    }

    #[test]
    fn organs_speak_for_their_parent_and_affiliation_is_at() {
        assert_eq!(who("The President of the General Assembly, Tom Berg, said the vote was historic."), ["Tom Berg [UN]"]);
        assert_eq!(who("Ann Vale, a policy analyst at Amnesty International, said the scope is too broad."), ["Ann Vale [AMNESTY]"]);
        assert_eq!(who("The trade group the International Chamber of Commerce warned that the limits are unclear."), ["CCI [ICCWBO]"]);
    }

    #[test]
    fn meeting_roles_belong_to_the_body_the_article_is_about() {
        assert_eq!(
            who("The Ad Hoc Committee met again on Monday.\n\nThe Chair welcomed delegates and announced the schedule.\n\nThe Secretary outlined the costs of the plan."),
            ["-", "Chair (ONU) [UN]", "Secretary (ONU) [UN]"]
        );
    }

    #[test]
    fn collectives_speak_as_one_and_plural_pronouns_continue_them() {
        assert_eq!(
            who("Remerciant les hôtes, des diplomates de plusieurs pays ont salué le texte.\n\nIls ont egalement insiste sur la formation."),
            ["Diplomates de plusieurs pays [-]", "Diplomates de plusieurs pays [-]"]
        );
        assert_eq!(who("Digital rights organizations have criticised the treaty, warning that it widens surveillance."), ["Digital rights organizations [-]"]);
        assert_eq!(who("The Member States (Russia, Cuba, Mali) advocate a broad convention."), ["Member States [-]"]);
        assert_eq!(who("Les délégués russes ont souligné que le texte est équilibré."), ["Russie [RUS]"]);
        // A noun after a role is its object: the Chair speaks, not "participants".
        assert!(collective_nouns().iter().any(|n| n == &["participants".to_string()]));
    }

    #[test]
    fn an_open_quotation_runs_over_paragraphs_until_it_closes() {
        assert_eq!(
            who("Rights groups issued a joint statement:\n\n“We remain concerned that the text is too broad.\n\nThe treaty obliges states to share data.\n\nIt must be changed.”\n\nThe vote is set for May."),
            ["Rights groups [-]", "Rights groups [-]", "Rights groups [-]", "Rights groups [-]", "-"]
        );
    }

    #[test]
    fn lists_and_long_narration_break_a_sandwich() {
        assert_eq!(
            who("« Il faut agir », a déclaré Jean Dupont.\n\nLe traité prévoit :\n\n– des règles communes\n\n« Agissons vite », a ajouté Jean Dupont."),
            ["Jean Dupont [-]", "-", "-", "Jean Dupont [-]"]
        );
    }

    #[test]
    fn a_role_already_named_by_the_article_is_that_person() {
        assert_eq!(
            who("Le colloque avait pour hôte le ministre de la Culture par intérim, Tran Van Nam, entouré d'experts. Le ministre intérimaire a rappelé que les musées comptent."),
            ["Tran Van Nam [-]"]
        );
        assert_eq!(
            who("The meeting was chaired by the Minister of Justice of Kenya, Peter Otieno.\n\nThe minister said the treaty was balanced."),
            ["-", "Peter Otieno [KEN]"]
        );
    }

    #[test]
    fn transcript_labels_name_the_speaker_and_questions_are_not_statements() {
        assert_eq!(
            who("Kenya's ambassador Jane Doe spoke to the press.\n\nQ: Will you sign the treaty?\n\nA: Yes, we will sign it next week.\n\nAMBASSADOR PETER OTIENO: We support the text."),
            ["-", "-", "Jane Doe [KEN]", "Peter Otieno [KEN]"]
        );
        assert_eq!(
            who("Entretien avec la ministre Marie Claire Dubois.\n\nQuestion : Le texte est-il equilibre ?\n\nR : Il protege les libertes."),
            ["-", "-", "Marie Claire Dubois [-]"]
        );
        assert_eq!(transcript_label("Note: the text follows."), None);
        assert!(matches!(transcript_label("Q : Why now?"), Some((Label::Question, _))));
    }

    #[test]
    fn dash_turns_of_an_interview() {
        assert_eq!(
            who("Le ministre kényan Paul Kamau a répondu à nos questions.\n\n— Pourquoi signer ce texte ?\n\n— Parce qu'il protège les victimes.\n\n– Et les libertés ?\n\n– Elles sont garanties par des clauses précises."),
            ["Paul Kamau [KEN]", "-", "Paul Kamau [KEN]", "-", "Paul Kamau [KEN]"]
        );
        // Without a question printed as a dash turn, a dash opens a list item, not an answer.
        assert_eq!(
            who("Kenyan minister Paul Kamau said the plan has two parts.\n\n- more training for judges;\n\n- a desk for victims."),
            ["Paul Kamau [KEN]", "-", "-"]
        );
    }

    #[test]
    fn english_appositions_on_either_side_of_the_name() {
        assert_eq!(who("The text is balanced, said Peter Otieno, the Kenyan ambassador."), ["Peter Otieno [KEN]"]);
        assert_eq!(who("Peter Otieno, who heads the Kenyan delegation, told reporters the text was fair."), ["Peter Otieno [KEN]"]);
        assert_eq!(who("Kenyan Ambassador Peter Otieno, head of the delegation, said the vote was close."), ["Peter Otieno [KEN]"]);
    }

    #[test]
    fn french_name_after_the_role() {
        assert_eq!(who("La cheffe de l'UNESCO, Marie Dubois, a déclaré que le texte avance."), ["Marie Dubois [UNESCO]"]);
        assert_eq!(who("Le texte est un progrès, a déclaré la directrice de l'UNESCO, Marie Dubois."), ["Marie Dubois [UNESCO]"]);
        assert_eq!(who("Le texte est un progres, a declare la directrice de l'UNESCO, Marie Dubois."), ["Marie Dubois [UNESCO]"]);
    }

    #[test]
    fn only_the_subject_speaks() {
        assert_eq!(who("Le ministre kényan Paul Kamau a reçu l'ambassadeur Ivan Petrov et a rappelé que le dialogue compte."), ["Paul Kamau [KEN]"]);
        assert_eq!(who("Kenya's minister Jane Wanjiru invited Ambassador Ivan Petrov to speak and said the text was fair."), ["Jane Wanjiru [KEN]"]);
        assert_eq!(who("« Comme le dit souvent Jean Dupont, il faut agir », a déclaré Marie Roux."), ["Marie Roux [-]"]);
    }

    #[test]
    fn countries_and_delegations_speak_in_meeting_summaries() {
        assert_eq!(who("Ecuador praised the consensus reached on the text."), ["Équateur [ECU]"]);
        assert_eq!(who("La délégation vietnamienne a proposé un nouveau calendrier."), ["Délégation (Viêt Nam) [VNM]"]);
        assert_eq!(who("La delegation vietnamienne a propose un nouveau calendrier."), ["Délégation (Viêt Nam) [VNM]"]);
        assert_eq!(who("Several delegations, including Brazil, Chile and Peru, argued that the scope is too wide."), ["Several delegations [-]"]);
    }

    #[test]
    fn a_spokesperson_speaks_on_behalf_of_the_person_they_name() {
        assert_eq!(
            who("A spokesperson for UN Secretary-General Ana Lima said the treaty matters."),
            ["Spokesperson for UN Secretary-General Ana Lima (ONU) [UN]"]
        );
        assert_eq!(
            who("Le porte-parole du ministre russe Ivan Petrov a déclaré que le texte avance."),
            ["Porte-parole du ministre russe Ivan Petrov (Russie) [RUS]"]
        );
        assert_eq!(
            who("Le porte-parole du ministre Ivan Petrov a declare que la Russie signera."),
            ["Porte-parole du ministre Ivan Petrov (Russie) [RUS]"]
        );
    }

    #[test]
    fn the_country_or_body_comes_from_the_role_missions_and_bodies() {
        assert_eq!(who("The Permanent Mission of Ecuador said the text was balanced."), ["Mission (Équateur) [ECU]"]);
        assert_eq!(who("La Mission permanente du Kenya à Genève a déclaré que le texte avance."), ["Mission permanente (Kenya) [KEN]"]);
        assert_eq!(who("Russia's deputy foreign minister said the text was fair."), ["Deputy foreign minister (Russie) [RUS]"]);
        assert_eq!(who("L'ambassadeur vietnamien a declare que le texte avance."), ["Ambassadeur (Viêt Nam) [VNM]"]);
        assert_eq!(who("An Emirati official said the treaty would help."), ["Official (Émirats arabes unis) [ARE]"]);
        assert_eq!(who("The Ecuadorian delegation welcomed the text."), ["Delegation (Équateur) [ECU]"]);
        assert_eq!(who("INTERPOL said the treaty would help."), ["INTERPOL [INTERPOL]"]);
        assert_eq!(who("Le Conseil de l'Europe a estimé que le texte reste flou."), ["Conseil de l'Europe [COE]"]);
    }

    #[test]
    fn a_joint_statement_speaks_as_we_and_closes_with_thanks() {
        assert_eq!(
            who("The Member States (Kenya, Chile) advocate a broad treaty.\n\nWe call on all States to join our statement.\n\nThank you for your attention!"),
            ["Member States [-]", "Member States [-]", "Member States [-]"]
        );
        assert_eq!(
            who("Les ONG signataires ont dénoncé un texte flou.\n\nNous appelons les États à ne pas signer.\n\nJe vous remercie."),
            ["Les ONG [-]", "Les ONG [-]", "Les ONG [-]"]
        );
        // A thank-you in narration, with nobody quoted before it, is nobody's.
        assert_eq!(who("Le sommet s'est ouvert lundi.\n\nMerci aux lecteurs."), ["-", "-"]);
    }

    #[test]
    fn a_body_named_in_full_is_then_named_by_its_last_word() {
        assert_eq!(
            who("The European Commission declined to comment.\n\n\"We will keep working,\" a Commission spokesperson said."),
            ["-", "Spokesperson (UE) [EU]"]
        );
        // A complement makes it another body, and a body never named in full
        // lends its word to nothing.
        let other = who("The European Commission met.\n\nA spokesperson for the Commission on Crime Prevention said the text was fair.");
        assert!(!other.iter().any(|w| w.contains("[EU]")), "{other:?}");
        assert_eq!(who("A Commission spokesperson said the text was fair."), ["-"]);
    }

    #[test]
    fn critics_rights_groups_and_spokespeople() {
        assert_eq!(who("Critics warned that the text is vague."), ["Critics [-]"]);
        assert_eq!(who("Les ONG de défense des droits ont dénoncé un texte flou."), ["ONG de défense des droits [-]"]);
        assert_eq!(who("A spokesperson for the UN Secretary-General said the treaty matters."), ["Spokesperson for the UN Secretary-General (ONU) [UN]"]);
    }

    #[test]
    fn a_role_or_pronoun_continues_the_speaker() {
        assert_eq!(
            who("« Il faut agir », a déclaré l'ambassadeur russe Ivan Petrov.\n\nLe diplomate a ajouté que la Russie signera.\n\nIl a conclu sur la formation."),
            ["Ivan Petrov [RUS]", "Ivan Petrov [RUS]", "Ivan Petrov [RUS]"]
        );
        assert_eq!(
            who("Russian Ambassador Ivan Petrov said the text is fair.\n\nThe ambassador added that Russia would sign."),
            ["Ivan Petrov [RUS]", "Ivan Petrov [RUS]"]
        );
    }

    #[test]
    fn titles_and_ranks_are_not_names() {
        assert_eq!(who("H.E. Ambassador Peter Otieno of Kenya said the text is fair."), ["Peter Otieno [KEN]"]);
        assert_eq!(who("Dr Jane Roe, an expert with Human Rights Watch, said the scope is wide."), ["Jane Roe [HRW]"]);
        assert_eq!(who("M. Jean Dupont, ministre français de la Justice, a estimé que le texte protège."), ["Jean Dupont [FRA]"]);
    }

    #[test]
    fn no_part_of_a_name_is_a_country() {
        assert_eq!(who("Au forum, l'ambassadeur Ngô Thai Minh, qui dirige la délégation vietnamienne, a présenté le projet."), ["Ngô Thai Minh [VNM]"]);
        let (_, a) = analyse("L'ambassadeur Ngô Thai Minh a salué le Kenya.");
        let mentioned: Vec<&str> = a.passages[0].mentions.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(mentioned, ["KEN"], "a country inside a name is not mentioned");
        assert_eq!(who("Chad Johnson, a researcher at Access Now, said the text is too broad."), ["Chad Johnson [ACCESSNOW]"]);
        assert_eq!(who("Jordan Lee said the treaty was a first step."), ["Jordan Lee [-]"]);
    }

    /// Each passage's statements as (speaker, kind, cue text, mention text or
    /// the passage continued).
    fn evidence(article: &str) -> Vec<Vec<(String, StatementKind, String, String)>> {
        let (paragraphs, a) = analyse(article);
        a.passages
            .iter()
            .zip(&paragraphs)
            .map(|(p, para)| {
                let text = |s: Span| para.text[s.range()].to_string();
                p.statements
                    .iter()
                    .map(|st| {
                        let name = a.speakers[st.speaker.0 as usize].display_name();
                        match st.evidence {
                            Evidence::Cue { cue, mention } => (name, st.kind, text(cue), mention.map(text).unwrap_or_default()),
                            Evidence::Continuation { passage } => (name, st.kind, String::from("continues"), passage.to_string()),
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_speaker_of_a_passage_with_the_cue_and_mention_it_rests_on() {
        let got = evidence("Jean Dupont a déclaré que le texte avance, tandis que Marie Roux a estimé qu'il reste flou.");
        assert_eq!(
            got,
            [vec![
                (String::from("Jean Dupont"), StatementKind::Indirect, String::from("a déclaré"), String::from("Jean Dupont")),
                (String::from("Marie Roux"), StatementKind::Indirect, String::from("a estimé"), String::from("Marie Roux")),
            ]]
        );
    }

    #[test]
    fn a_cue_inside_reported_words_is_no_second_speaker() {
        let got = evidence("Jean Dupont a dit que le Kenya appuie le texte.");
        assert_eq!(got[0].len(), 1, "{got:?}");
        let got = evidence("John Smith said that Kenya supports the text, while Peter Otieno argued it was weak.");
        assert_eq!(got[0].len(), 2, "{got:?}");
    }

    #[test]
    fn continuations_name_the_passage_they_continue_and_kinds_follow_the_quotes() {
        let got = evidence("« Il faut agir vite et ensemble », a-t-elle dit, selon Mme Claire Roux.\n\n« Nous n'avons plus le temps.\n\nLe monde attend. »\n\nLa ministre Claire Roux a ajouté que le texte « protège » les victimes.");
        let kinds: Vec<Vec<StatementKind>> = got.iter().map(|p| p.iter().map(|s| s.1).collect()).collect();
        assert_eq!(kinds, [vec![StatementKind::Direct], vec![StatementKind::Direct], vec![StatementKind::Direct], vec![StatementKind::Mixed]]);
        assert_eq!(got[1][0].2, "continues");
        assert_eq!(got[1][0].3, "0");
        assert_eq!(got[2][0].3, "0", "a chain of continuations points at the passage with the cue");
        assert_eq!(got[3][0].2, "a ajouté");
        assert_eq!(got[3][0].3, "Claire Roux");
    }

    #[test]
    fn french_subject_and_appositive() {
        assert_eq!(
            who("Jean Martin, ministre belge de la Justice, a déclaré que le texte est équilibré.\n\nIl a ajouté que la ratification prendra du temps."),
            ["Jean Martin [BEL]", "Jean Martin [BEL]"]
        );
    }

    #[test]
    fn inverted_subject_quote_and_summary() {
        assert_eq!(
            who("Le traité change la donne pour tous.\n\nC'est ce qu'a déclaré Mme Anna Berg, directrice de l'UNESCO.\n\n« Nous devons agir vite », a souligné Mme Berg."),
            ["Anna Berg [UNESCO]", "Anna Berg [UNESCO]", "Anna Berg [UNESCO]"]
        );
    }

    #[test]
    fn selon_and_posted_country() {
        assert_eq!(
            who("Selon l'ambassadeur de France au Japon, Paul Roux, la coopération progresse.\n\nL'ambassadeur a affirmé que Paris soutiendra le texte."),
            ["Paul Roux [FRA]", "Paul Roux [FRA]"]
        );
    }

    #[test]
    fn honorific_without_space_and_generic_role() {
        assert_eq!(
            who("Ivan Petrov, directeur au ministère russe de la Justice, a salué l'accord.\n\nM.Petrov a rappelé les enjeux.\n\nSoulignant les risques, le responsable russe a noté une hausse des attaques."),
            ["Ivan Petrov [RUS]", "Ivan Petrov [RUS]", "Ivan Petrov [RUS]"]
        );
    }

    #[test]
    fn unnamed_officials_without_accents() {
        assert_eq!(
            who("Le vice-president bolivien estime que la technologie doit servir la paix.\n\nLe ministre des Affaires etrangeres ouzbek a appele a la cooperation.\n\nLa Norvege s'engage a financer le programme."),
            ["Vice-président (Bolivie) [BOL]", "Ministre des Affaires etrangeres (Ouzbékistan) [UZB]", "Norvège [NOR]"]
        );
    }

    #[test]
    fn english_constructions() {
        assert_eq!(
            who("The treaty is a milestone, said Maria Lopez, Chile's foreign minister.\n\n\"We will ratify it soon,\" she said.\n\nAccording to the Kenyan delegation, more support is needed.\n\nAustralia pledged new funding."),
            ["Maria Lopez [CHL]", "Maria Lopez [CHL]", "Delegation (Kenya) [KEN]", "Australie [AUS]"]
        );
    }

    #[test]
    fn unpunctuated_opener_and_national_role_default() {
        assert_eq!(
            who("Le sommet s'est tenu a Hanoi au Vietnam.\n\nS'exprimant devant les delegues le Premier ministre Tran Van Minh a appele a l'unite.\n\nPremierement renforcer la cooperation.\n\nSelon le Premier ministre l'esprit de l'accord doit guider les pays."),
            ["-", "Tran Van Minh [VNM]", "Tran Van Minh [VNM]", "Tran Van Minh [VNM]"]
        );
    }

    #[test]
    fn reversed_name_order_and_role_resolution() {
        assert_eq!(
            who("Parmi les orateurs figurait la sous-secrétaire générale de l'ONU Mari Tanaka.\n\nS'exprimant lors de la réunion, la sous-secrétaire générale de l'ONU Tanaka Mari, s'est déclarée inquiète.\n\nLa sous-secrétaire générale a cependant estimé que des progrès existent."),
            ["-", "Mari Tanaka [UN]", "Mari Tanaka [UN]"]
        );
    }

    #[test]
    fn pronoun_inversion_and_quotation_continuation() {
        assert_eq!(
            who("Le ministre grec de l'Intérieur, Nikos Pappas, a souligné l'urgence.\n\nLa Grèce est prête, a-t-il affirmé.\n\n« Nous signerons cette année. »\n\nElle a affirmé que le texte évoluera."),
            ["Nikos Pappas [GRC]", "Nikos Pappas [GRC]", "Nikos Pappas [GRC]", "Nikos Pappas [GRC]"]
        );
    }

    #[test]
    fn statement_continues_between_two_attributions() {
        assert_eq!(
            who("Une ère nouvelle s'ouvre, déclare Lina Haddad.\n\nLes rançongiciels paralysent des hôpitaux.\n\n« Il faut agir ensemble », a insisté Mme Haddad."),
            ["Lina Haddad [-]", "Lina Haddad [-]", "Lina Haddad [-]"]
        );
    }

    #[test]
    fn country_speaks_for_itself_but_does_not_run_on() {
        assert_eq!(
            who("Le Chili, pionnier dans ce domaine, y voit une chance.\n\nLe texte sera soumis au vote.\n\nLe Chili s'engage à le ratifier."),
            ["Chili [CHL]", "-", "Chili [CHL]"]
        );
    }

    #[test]
    fn english_subject_first_and_told() {
        assert_eq!(
            who("Kenya's ICT minister Peter Otieno said the treaty protects children.\n\nHe told reporters that funding is ready.\n\nThe UN Under-Secretary-General for Disarmament Affairs said cooperation is vital."),
            ["Peter Otieno [KEN]", "Peter Otieno [KEN]", "Under-Secretary-General for Disarmament Affairs (ONU) [UN]"]
        );
    }

    #[test]
    fn pronouns_agree_in_gender_and_plurals_name_no_one() {
        assert_eq!(
            who("La sénatrice Ana Lima a dénoncé le texte.\n\nLe ministre Rui Costa a répondu que le texte protège.\n\nSelon elle, les garanties manquent.\n\nLes élus estiment qu'ils manquent de temps."),
            ["Ana Lima [-]", "Rui Costa [-]", "Ana Lima [-]", "-"]
        );
    }

    #[test]
    fn never_panics_on_odd_punctuation() {
        for text in ["«M. a déclaré", "…. a dit", "İİ que a déclaré X", "«», a souligné «", "Selon", ", a-t-il", "€. — said"] {
            who(text);
        }
    }

    #[test]
    fn no_speaker_for_plain_narration() {
        assert_eq!(who("Le texte couvre la fraude en ligne et le blanchiment.\n\nLes pays ont organisé une réunion."), ["-", "-"]);
    }

    #[test]
    fn a_complement_gives_the_role_no_gender() {
        // "de la Justice" is the portfolio's article, not the minister's.
        assert_eq!(
            who("Le général Paul Kamau, ministre de la Justice du Kenya, a visité la ville.\n\nLe ministre a salué le succès de la réunion."),
            ["-", "Paul Kamau [KEN]"]
        );
        assert_eq!(
            who("Paul Kamau, Minister for the Police of Kenya, visited the city.\n\nThe minister praised the meeting."),
            ["-", "Paul Kamau [KEN]"]
        );
        assert_eq!(who("Marie Dubois, la ministre de la Justice du Kenya, a visité la ville.\n\nLa ministre a salué la réunion."), ["-", "Marie Dubois [KEN]"]);
    }

    #[test]
    fn an_announced_list_is_the_speakers() {
        assert_eq!(
            who("Selon la ministre kényane Marie Dubois, trois leçons se dégagent :\n\nD'abord, le texte protège les victimes.\n\nEnsuite, il renforce la coopération.\n\nEnfin, il respecte les libertés.\n\nLa réunion s'est achevée à midi."),
            ["Marie Dubois [KEN]", "Marie Dubois [KEN]", "Marie Dubois [KEN]", "Marie Dubois [KEN]", "-"]
        );
        assert_eq!(
            who("Kenyan minister Paul Kamau said the text needs two things:\n\nFirst, the text must protect victims.\n\nSecond, it must respect rights.\n\nThe treaty was adopted later."),
            ["Paul Kamau [KEN]", "Paul Kamau [KEN]", "Paul Kamau [KEN]", "-"]
        );
        // Without the colon, an enumerator is the article's own.
        assert_eq!(who("Kenyan minister Paul Kamau praised the text.\n\nFirst, the treaty was adopted in a vote."), ["Paul Kamau [KEN]", "-"]);
    }

    #[test]
    fn any_adverb_in_ment_may_stand_before_the_participle() {
        assert_eq!(who("Le ministre kényan Paul Kamau a fermement rappelé que le texte protège."), ["Paul Kamau [KEN]"]);
        // A typing slip in the adverb does not hide the verb.
        assert_eq!(who("Le ministre kényan Paul Kamau a egalemement demande aux pays de signer."), ["Paul Kamau [KEN]"]);
    }

    #[test]
    fn the_verbs_of_criticism_and_praise_report_speech() {
        assert_eq!(who("Rights advocates slammed the draft treaty on Monday, saying it was too broad."), ["Rights advocates [-]"]);
        assert_eq!(who("Kenyan minister Paul Kamau hailed the vote as a step forward."), ["Paul Kamau [KEN]"]);
    }

    #[test]
    fn a_collective_noun_may_follow_coordinated_modifiers() {
        assert_eq!(who("Human rights and privacy advocates warned that the treaty is too broad."), ["Human rights and privacy advocates [-]"]);
        // French puts the modifiers after the noun, where the complement rule reads them.
        assert_eq!(who("Les défenseurs des droits humains ont averti que le texte est trop large."), ["Défenseurs des droits humains [-]"]);
    }

    #[test]
    fn unnamed_speakers_have_an_english_label_people_keep_their_name() {
        let (_, a) = analyse("Le vice-Premier ministre polonais a déclaré que le texte est utile.\n\nLa ministre kényane Marie Dubois a ajouté que la coopération compte.");
        let labels: Vec<(String, Option<String>)> = a.speakers.iter().map(|s| (s.display_name(), crate::lexicon::roles::english_label(s))).collect();
        assert!(labels.contains(&("Vice-Premier ministre (Pologne)".into(), Some("Deputy Prime Minister (Poland)".into()))), "{labels:?}");
        assert!(labels.contains(&("Marie Dubois".into(), None)), "{labels:?}");
    }

    #[test]
    fn a_collective_has_an_english_label_when_every_word_has_one() {
        let (_, a) = analyse("Les deux nations ont affirmé que la coopération progresse.");
        let labels: Vec<(String, Option<String>)> = a.speakers.iter().map(|s| (s.display_name(), crate::lexicon::roles::english_label(s))).collect();
        assert!(labels.contains(&("Deux nations".into(), Some("Two nations".into()))), "{labels:?}");
        // English puts the adjective first: no word-by-word label.
        assert_eq!(crate::lexicon::roles::english_collective("Représentants de pays africains"), None);
        assert_eq!(crate::lexicon::roles::english_collective("Les pays"), Some("The countries".into()));
        assert_eq!(crate::lexicon::roles::english_collective("Représentants de plusieurs pays"), Some("Representatives of several countries".into()));
        assert_eq!(crate::lexicon::roles::english_collective("Des experts"), Some("Experts".into()));
        assert_eq!(crate::lexicon::roles::english_collective("Des"), None);
    }
}
