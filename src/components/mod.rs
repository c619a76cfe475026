//! The page's function components. Each takes plain data as props and calls
//! back with a new [`Route`](crate::route::Route); none holds global state.

mod article;
mod facets;
mod marked;
mod results;
mod search_box;

pub use article::ArticleView;
pub use facets::FacetPanel;
pub use results::ResultList;
pub use search_box::SearchBox;
