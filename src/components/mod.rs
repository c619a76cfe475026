//! The page's function components. Each takes plain data as props and calls
//! back with a new [`Route`](crate::route::Route); none holds global state.
//! Parts with no state of their own that are drawn again whenever their
//! parent is (a card's lines, the kiosk's keys) are plain functions
//! returning `Html`: a component instance each would cost bundle size and
//! work per card for nothing.

mod about;
mod article;
mod export;
mod facets;
mod focus;
mod keyboard;
mod kiosk;
mod marked;
mod overview;
mod results;
mod search_box;
mod timeline;
mod views;

pub use about::About;
pub use article::ArticleView;
pub use facets::FacetPanel;
pub use overview::Overview;
pub use kiosk::{attract_screen, suggestions, use_idle, use_no_context_menu, KIOSK_TOPICS};
pub use results::{ResultList, SkipToResults};
pub use search_box::SearchBox;
pub use views::{CompareView, ConcordanceView, ProfileView};
