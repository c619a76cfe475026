//! Compiles the article folder into the index blob that the page embeds.
//!
//! seeds/*.txt --corpus--> documents, passages, speakers --search--> one blob
//! in OUT_DIR. The folder is `seeds/` unless `HANOI_CORPUS_DIR` names another,
//! so a larger corpus can be compiled for benchmarks without touching seeds/.

use std::{collections::BTreeMap, env, fs, path::PathBuf, process::ExitCode};

use corpus::{Corpus, Entity, EntityKind};
use sha2::{Digest, Sha256};
use search::{CountryId, CountryRecord, DocumentRecord, Evidence, IndexBuilder, PassageId, PassageRecord, SpeakerRecord, StatementRecord};

fn main() -> ExitCode {
    println!("cargo:rerun-if-env-changed=HANOI_CORPUS_DIR");
    let dir = env::var_os("HANOI_CORPUS_DIR").map_or_else(|| PathBuf::from("seeds"), PathBuf::from);
    println!("cargo:rerun-if-changed={}", dir.display());

    let extraction = match corpus::extract_dir(&dir) {
        Ok(extraction) => extraction,
        Err(error) => {
            eprintln!("error: cannot compile the corpus in {}: {error}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    for warning in &extraction.warnings {
        println!("cargo:warning={warning}");
    }

    let corpus = &extraction.corpus;
    let blob = compile(corpus);
    let Some(out_dir) = env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("error: cargo did not set OUT_DIR");
        return ExitCode::FAILURE;
    };
    if let Err(error) = fs::write(out_dir.join("index.bin"), &blob) {
        eprintln!("error: cannot write the index blob: {error}");
        return ExitCode::FAILURE;
    }

    // The hash lets a kiosk operator check that the page shows the corpus they built.
    let digest: String = Sha256::digest(&blob).iter().map(|byte| format!("{byte:02x}")).collect();
    println!("cargo:rustc-env=HANOI_CORPUS_SHA256={digest}");

    let passages: usize = corpus.documents.iter().map(|document| document.passages.len()).sum();
    // Cargo shows a build script's output only as warnings; this is the build's summary line.
    println!(
        "cargo:warning=corpus {}: {} documents, {} passages, {} speakers, index {} bytes, sha256 {digest}",
        dir.display(),
        corpus.documents.len(),
        passages,
        corpus.speakers.len(),
        blob.len()
    );
    ExitCode::SUCCESS
}

/// Maps the extractor's model onto the index's records. Countries and bodies
/// are registered once each, in code order, so the blob is deterministic.
fn compile(corpus: &Corpus) -> Vec<u8> {
    let mut builder = IndexBuilder::new();

    let mut entities: BTreeMap<&str, &Entity> = BTreeMap::new();
    let speaker_entities = corpus.speakers.iter().filter_map(|speaker| speaker.entity.as_ref());
    let mentioned = corpus.documents.iter().flat_map(|d| &d.passages).flat_map(|p| &p.mentions);
    for entity in speaker_entities.chain(mentioned) {
        entities.entry(entity.code.as_str()).or_insert(entity);
    }
    let country_ids: BTreeMap<&str, CountryId> = entities
        .into_iter()
        .map(|(code, entity)| {
            let id = builder.add_country(CountryRecord {
                code: entity.code.clone(),
                name_fr: entity.name_fr.clone(),
                name_en: entity.name_en.clone(),
                is_country: entity.kind == EntityKind::Country,
            });
            (code, id)
        })
        .collect();

    // A country or body under all its names, a person under the spellings
    // the corpus merged, and the term file: a query for one finds the others.
    // Only the countries and bodies the corpus names: one it never names
    // finds nothing under any name, and its names would only cost bytes.
    for (entity, names) in corpus::entity_names() {
        if country_ids.contains_key(entity.code.as_str()) {
            builder.add_equivalence(&names);
        }
    }
    for speaker in &corpus.speakers {
        if let Some(name) = speaker.name.as_ref().filter(|_| !speaker.aliases.is_empty()) {
            builder.add_equivalence(&[std::slice::from_ref(name), &speaker.aliases].concat());
        }
    }
    for group in search::equivalence::parse_groups(search::equivalence::FIELD_TERMS) {
        builder.add_equivalence(&group);
    }

    let speaker_ids: Vec<_> = corpus
        .speakers
        .iter()
        .map(|speaker| {
            builder.add_speaker(SpeakerRecord {
                name: speaker.display_name(),
                role: speaker.role.clone(),
                country: speaker.entity.as_ref().and_then(|entity| country_ids.get(entity.code.as_str()).copied()),
                label_en: corpus::english_label(speaker),
                role_en: speaker.role.as_deref().and_then(corpus::english_role).map(str::to_owned),
            })
        })
        .collect();

    let mut passages_added = 0u32;
    for document in &corpus.documents {
        let doc_id = builder.add_document(DocumentRecord {
            title: document.title.clone(),
            outlet: document.outlet.clone(),
            url: document.url.clone(),
            lang: document.lang,
            date: document.date.as_ref().map(|dated| dated.date),
            file: document.file.clone(),
        });
        // Passages are numbered in the order they are added: this document's
        // start where the previous one's ended.
        let first_passage = passages_added;
        for passage in &document.passages {
            let mut mentions: Vec<CountryId> =
                passage.mentions.iter().filter_map(|entity| country_ids.get(entity.code.as_str()).copied()).collect();
            mentions.sort();
            mentions.dedup();
            let statements = passage
                .statements
                .iter()
                .filter_map(|statement| {
                    let evidence = match statement.evidence {
                        corpus::Evidence::Cue { cue, mention } => Evidence::Cue { cue, mention },
                        corpus::Evidence::Continuation { passage } => Evidence::Continuation(PassageId(first_passage.checked_add(passage)?)),
                    };
                    let speaker = speaker_ids.get(statement.speaker.0 as usize).copied()?;
                    Some(StatementRecord { speaker, kind: statement.kind, evidence })
                })
                .collect();
            let id = builder.add_passage(PassageRecord { document: doc_id, text: passage.text.clone(), section: passage.section.clone(), statements, mentions });
            // The builder's own numbering, so the two cannot drift apart.
            passages_added = id.0.saturating_add(1);
        }
    }
    builder.finish()
}
