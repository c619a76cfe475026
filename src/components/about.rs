//! The "about" panel: what corpus this page carries, and its SHA-256 as the
//! build printed it, so whoever deploys the page can check it is the one
//! they built.

use yew::prelude::*;

use crate::{engine::CORPUS_SHA256, strings::UiLang};

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub lang: UiLang,
    pub documents: usize,
    pub passages: usize,
}

#[function_component(About)]
pub fn about(props: &AboutProps) -> Html {
    let strings = props.lang.strings();
    html! {
        <footer class="about">
            <details>
                <summary>{ strings.about }</summary>
                <p>{ strings.tagline }</p>
                <dl>
                    <dt>{ strings.about_corpus }</dt>
                    <dd class="corpus-counts">
                        { format!("{} {}, {} {}", props.documents, strings.documents, props.passages, strings.results_many) }
                    </dd>
                    <dt>{ strings.fingerprint }</dt>
                    <dd><code class="corpus-hash">{ CORPUS_SHA256 }</code></dd>
                </dl>
            </details>
        </footer>
    }
}
