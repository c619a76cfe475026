//! The synthetic corpus: countries, speakers, documents and passages, drawn
//! from the Zipf vocabulary with the seeded PRNG, and their JSON-lines files.
//!
//! Every engine reads these same files (the Rust side builds the blob from
//! them, the JavaScript peers index them), so a difference in results can
//! only come from the engines, never from the data.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::rng::Rng;
use crate::vocab::Vocabulary;

#[derive(Serialize, Deserialize)]
pub struct Country {
    pub code: String,
    pub name_fr: String,
    pub name_en: String,
    pub is_country: bool,
}

#[derive(Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
    /// Index into the countries file.
    pub country: Option<u32>,
}

#[derive(Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM`, like the corpus extractor's partial dates.
    pub date: Option<String>,
    pub file: String,
}

#[derive(Serialize, Deserialize)]
pub struct Passage {
    /// Index into the documents file.
    pub doc: u32,
    pub text: String,
    /// Index into the speakers file.
    pub speaker: Option<u32>,
    /// Indexes into the countries file, sorted.
    pub mentions: Vec<u32>,
}

pub struct Corpus {
    pub countries: Vec<Country>,
    pub speakers: Vec<Speaker>,
    pub documents: Vec<Document>,
    pub passages: Vec<Passage>,
}

/// (code, French name, English name, is a country)
const COUNTRIES: &[(&str, &str, &str, bool)] = &[
    ("VN", "Vietnam", "Viet Nam", true), ("FR", "France", "France", true), ("RU", "Russie", "Russia", true),
    ("CN", "Chine", "China", true), ("US", "États-Unis", "United States", true), ("DE", "Allemagne", "Germany", true),
    ("GB", "Royaume-Uni", "United Kingdom", true), ("JP", "Japon", "Japan", true), ("IN", "Inde", "India", true),
    ("BR", "Brésil", "Brazil", true), ("CA", "Canada", "Canada", true), ("PL", "Pologne", "Poland", true),
    ("BE", "Belgique", "Belgium", true), ("CH", "Suisse", "Switzerland", true), ("SN", "Sénégal", "Senegal", true),
    ("MA", "Maroc", "Morocco", true), ("DZ", "Algérie", "Algeria", true), ("TN", "Tunisie", "Tunisia", true),
    ("CI", "Côte d'Ivoire", "Côte d'Ivoire", true), ("CM", "Cameroun", "Cameroon", true), ("KH", "Cambodge", "Cambodia", true),
    ("LA", "Laos", "Lao PDR", true), ("TH", "Thaïlande", "Thailand", true), ("SG", "Singapour", "Singapore", true),
    ("ID", "Indonésie", "Indonesia", true), ("PH", "Philippines", "Philippines", true), ("KR", "Corée du Sud", "South Korea", true),
    ("AU", "Australie", "Australia", true), ("MX", "Mexique", "Mexico", true), ("AR", "Argentine", "Argentina", true),
    ("EG", "Égypte", "Egypt", true), ("NG", "Nigeria", "Nigeria", true), ("KE", "Kenya", "Kenya", true),
    ("ZA", "Afrique du Sud", "South Africa", true), ("TR", "Turquie", "Türkiye", true), ("UA", "Ukraine", "Ukraine", true),
    ("IT", "Italie", "Italy", true), ("ES", "Espagne", "Spain", true), ("PT", "Portugal", "Portugal", true),
    ("SE", "Suède", "Sweden", true), ("NO", "Norvège", "Norway", true), ("EE", "Estonie", "Estonia", true),
    ("UN", "ONU", "United Nations", false), ("UNODC", "ONUDC", "UNODC", false), ("EU", "Union européenne", "European Union", false),
    ("ASEAN", "ASEAN", "ASEAN", false), ("INTERPOL", "Interpol", "Interpol", false), ("ITU", "UIT", "ITU", false),
];

const FIRST_NAMES: &[&str] = &[
    "Anh", "Minh", "Thanh", "Lan", "Hùng", "Phương", "Marie", "Jean", "Élise", "François", "Hélène", "Sébastien",
    "Ghada", "Artur", "Olga", "Sergueï", "Wei", "Li", "Amadou", "Fatou", "Youssef", "Leïla", "Kenji", "Priya",
    "Carlos", "Ana", "Jürgen", "Ingrid", "Chloé", "Mathieu", "Nguyễn", "Adebayo",
];
const LAST_NAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Dupont", "Lefèvre", "Moreau", "Girard", "Rousseau", "Bérard",
    "Waly", "Liukmanov", "Ivanova", "Petrov", "Zhang", "Wang", "Diallo", "Ndiaye", "Benali", "Haddad", "Tanaka",
    "Sharma", "Silva", "Müller", "Larsen", "Kowalski", "Okafor", "Martín", "Da Costa", "Fontaine",
];
const ROLES: &[&str] = &[
    "ministre des Affaires étrangères", "vice-Premier ministre", "ambassadeur", "cheffe de délégation",
    "chef de délégation", "porte-parole", "directrice exécutive", "secrétaire d'État au numérique",
    "président du comité ad hoc", "experte en cybersécurité", "procureur général", "vice-ministre de la Sécurité publique",
];
const OUTLETS: &[&str] = &[
    "VNA", "Le Courrier du Vietnam", "VOV", "Nhân Dân", "ONU Info", "RFI", "France 24", "Le Monde", "Le Temps",
    "La Presse", "Jeune Afrique", "Le Soir",
];
/// French articles that elide before a vowel or a mute h.
const ELIDED: [(&str, &str); 7] =
    [("le", "l"), ("la", "l"), ("de", "d"), ("que", "qu"), ("ne", "n"), ("se", "s"), ("je", "j")];

impl Corpus {
    /// `passages` passages in documents of 1–16 passages, about 45 words
    /// each like the seeds' paragraphs.
    pub fn generate(vocab: &Vocabulary, passages: usize, rng: &mut Rng) -> Corpus {
        let countries: Vec<Country> = COUNTRIES
            .iter()
            .map(|&(code, fr, en, is_country)| Country {
                code: code.into(),
                name_fr: fr.into(),
                name_en: en.into(),
                is_country,
            })
            .collect();

        // Enough speakers that the facet has a long tail: 1 per 50 passages.
        let speakers: Vec<Speaker> = (0..(passages / 50).max(30))
            .map(|_| Speaker {
                name: format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)),
                role: rng.chance(0.8).then(|| rng.pick(ROLES).to_string()),
                country: rng.chance(0.9).then(|| rng.range(0, countries.len() - 1) as u32),
            })
            .collect();

        let mut corpus = Corpus { countries, speakers, documents: Vec::new(), passages: Vec::with_capacity(passages) };
        while corpus.passages.len() < passages {
            let doc = corpus.documents.len() as u32;
            corpus.documents.push(Document {
                title: capitalize(&sentence(vocab, rng, 5, 11)),
                outlet: rng.chance(0.9).then(|| rng.pick(OUTLETS).to_string()),
                date: random_date(rng),
                file: format!("synthetic_{doc:06}.txt"),
            });
            let cast: Vec<u32> = (0..rng.range(1, 3)).map(|_| rng.range(0, corpus.speakers.len() - 1) as u32).collect();
            let count = rng.range(1, 16).min(passages - corpus.passages.len());
            for _ in 0..count {
                let passage = corpus.passage(vocab, doc, &cast, rng);
                corpus.passages.push(passage);
            }
        }
        corpus
    }

    fn passage(&self, vocab: &Vocabulary, doc: u32, cast: &[u32], rng: &mut Rng) -> Passage {
        let mut sentences: Vec<String> =
            (0..rng.range(1, 4)).map(|_| capitalize(&sentence(vocab, rng, 6, 24)) + ".").collect();
        let mut mentions = Vec::new();
        for _ in 0..rng.range(0, 2) {
            let country = rng.range(0, self.countries.len() - 1);
            let at = rng.range(0, sentences.len() - 1);
            sentences[at] = format!("{} {}", sentences[at].trim_end_matches('.'), mention_phrase(&self.countries[country], rng));
            mentions.push(country as u32);
        }
        let speaker = rng.chance(0.7).then(|| *rng.pick(cast));
        if let Some(s) = speaker {
            let last = sentences.len() - 1;
            sentences[last] = format!("{}, a déclaré {}.", sentences[last].trim_end_matches('.'), self.speakers[s as usize].name);
        }
        mentions.sort_unstable();
        mentions.dedup();
        Passage { doc, text: sentences.join(" "), speaker, mentions }
    }

    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        write_lines(&dir.join("countries.jsonl"), &self.countries)?;
        write_lines(&dir.join("speakers.jsonl"), &self.speakers)?;
        write_lines(&dir.join("documents.jsonl"), &self.documents)?;
        write_lines(&dir.join("passages.jsonl"), &self.passages)
    }

    /// One `.txt` per document, as an editor would give it: a header
    /// (title, date, outlet, language), then one paragraph per passage; a
    /// passage with a speaker quotes them with a reporting verb, so the
    /// corpus crate attributes it as it would a real article.
    pub fn write_articles(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let mut paragraphs: Vec<Vec<String>> = vec![Vec::new(); self.documents.len()];
        for passage in &self.passages {
            let speaker = passage.speaker.and_then(|s| self.speakers.get(s as usize));
            let text = match speaker {
                Some(speaker) => format!("« {} », a déclaré {}.", passage.text.trim_end_matches('.'), speaker.name),
                None => passage.text.clone(),
            };
            if let Some(list) = paragraphs.get_mut(passage.doc as usize) {
                list.push(text);
            }
        }
        for (document, paragraphs) in self.documents.iter().zip(paragraphs) {
            let mut text = format!("title: {}\nlang: fr\n", document.title);
            if let Some(date) = &document.date {
                text.push_str(&format!("date: {date}\n"));
            }
            if let Some(outlet) = &document.outlet {
                text.push_str(&format!("outlet: {outlet}\n"));
            }
            text.push('\n');
            text.push_str(&paragraphs.join("\n\n"));
            text.push('\n');
            let name = Path::new(&document.file).with_extension("txt");
            std::fs::write(dir.join(name.file_name().unwrap_or(name.as_os_str())), text)?;
        }
        Ok(())
    }

    pub fn read(dir: &Path) -> std::io::Result<Corpus> {
        Ok(Corpus {
            countries: read_lines(&dir.join("countries.jsonl"))?,
            speakers: read_lines(&dir.join("speakers.jsonl"))?,
            documents: read_lines(&dir.join("documents.jsonl"))?,
            passages: read_lines(&dir.join("passages.jsonl"))?,
        })
    }

    /// Bytes of passage text: the "raw text" every index size is compared to.
    pub fn text_bytes(&self) -> usize {
        self.passages.iter().map(|p| p.text.len()).sum()
    }
}

/// `min..=max` Zipf words with French elisions and an occasional comma.
fn sentence(vocab: &Vocabulary, rng: &mut Rng, min: usize, max: usize) -> String {
    let len = rng.range(min, max);
    let words: Vec<&str> = (0..len).map(|_| vocab.words[vocab.sample(rng)].as_str()).collect();
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        let next_is_vowel = words.get(i + 1).and_then(|w| w.chars().next()).is_some_and(starts_elision);
        match ELIDED.iter().find(|(full, _)| full == word) {
            Some((_, short)) if next_is_vowel => {
                out.push_str(short);
                // The seeds mix both apostrophes; so do we.
                out.push(if rng.chance(0.5) { '\'' } else { '\u{2019}' });
                continue;
            }
            _ => out.push_str(word),
        }
        if i + 1 < words.len() {
            out.push_str(if rng.chance(0.06) { ", " } else { " " });
        }
    }
    out
}

fn starts_elision(c: char) -> bool {
    "aâàeéèêiîoôuûhAÂÀEÉÈÊIÎOÔUÛH".contains(c)
}

fn mention_phrase(country: &Country, rng: &mut Rng) -> String {
    let frame = ["avec", "selon", "au nom de", "aux côtés de", "pour"];
    format!("{} {}.", rng.pick(&frame), country.name_fr)
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Mostly full dates over the negotiation years, some month-only (as
/// articles that say "en octobre 2025"), a few undated.
fn random_date(rng: &mut Rng) -> Option<String> {
    if rng.chance(0.03) {
        return None;
    }
    let (year, month) = (rng.range(2023, 2026), rng.range(1, 12));
    Some(if rng.chance(0.1) { format!("{year}-{month:02}") } else { format!("{year}-{month:02}-{:02}", rng.range(1, 28)) })
}

fn write_lines<T: Serialize>(path: &Path, items: &[T]) -> std::io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    for item in items {
        serde_json::to_writer(&mut out, item)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

fn read_lines<T: DeserializeOwned>(path: &Path) -> std::io::Result<Vec<T>> {
    BufReader::new(File::open(path)?)
        .lines()
        .map(|line| Ok(serde_json::from_str(&line?)?))
        .collect()
}
