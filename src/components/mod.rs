//! The page's function components. Each takes plain data as props and calls
//! back with a new [`Route`](crate::route::Route); none holds global state.

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
pub use kiosk::{use_idle, use_no_context_menu, AttractScreen, Suggestions, KIOSK_TOPICS};
pub use results::{ResultList, SkipToResults};
pub use search_box::SearchBox;
pub use views::{CompareView, ConcordanceView, ProfileView};
