//! What the rules know of the two languages and of the world, apart from
//! the rules themselves: states and bodies, news outlets, role words and the
//! small words of French and English grammar.
//!
//! The lists that editors may extend are data files in `data/`; the closed
//! lists of grammar words are code. Everything here answers "what is this
//! word?", never "who speaks?".

pub mod gazetteer;
pub mod lists;
pub mod outlets;
pub mod page;
pub mod reporting;
pub mod roles;
pub mod timeline;
pub mod words;
