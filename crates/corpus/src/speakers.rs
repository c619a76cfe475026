//! Passage attribution (placeholder until the rules land).
use crate::clean::Paragraph;
use crate::{Entity, Lang, Speaker, SpeakerId};

pub struct PassageResult {
    pub speaker: Option<SpeakerId>,
    pub mentions: Vec<Entity>,
}

pub struct Analysed {
    pub passages: Vec<PassageResult>,
    pub speakers: Vec<Speaker>,
}

pub fn attribute(paragraphs: &[&Paragraph], _lang: Lang, _year: Option<i32>) -> Analysed {
    Analysed {
        passages: paragraphs.iter().map(|_| PassageResult { speaker: None, mentions: Vec::new() }).collect(),
        speakers: Vec::new(),
    }
}
