//! The kiosk's on-screen keyboard. A kiosk has no keyboard, and a tablet's
//! own would cover half the screen and hide French accents behind long
//! presses: this one is AZERTY with the accented letters French needs when
//! the interface is French, QWERTY when it is English, and it types through
//! the search box's own callback, so the results follow every key.

use yew::prelude::*;

use crate::strings::UiLang;

/// What one key does to the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Space,
    Backspace,
    Clear,
}

/// The letter rows, top to bottom. French puts its accented letters on a
/// row of their own, so each is one tap; the search ignores accents, but
/// a visitor types the word as they spell it.
const AZERTY: &[&str] = &["éèêàçùâîôûëïœ", "azertyuiop", "qsdfghjklm", "wxcvbn'"];
const QWERTY: &[&str] = &["qwertyuiop", "asdfghjkl", "zxcvbnm'"];

fn letter_rows(lang: UiLang) -> &'static [&'static str] {
    match lang {
        UiLang::Fr => AZERTY,
        UiLang::En => QWERTY,
    }
}

/// The query after pressing `key`, typing at the end as a kiosk has no cursor to move.
pub fn press(query: &str, key: Key) -> String {
    let mut next = query.to_owned();
    match key {
        Key::Char(letter) => next.push(letter),
        Key::Space => next.push(' '),
        Key::Backspace => {
            next.pop();
        }
        Key::Clear => next.clear(),
    }
    next
}

/// The keys, typing into `value` through `on_query`. A plain function: it
/// is drawn again at every key anyway, as its query changes.
pub fn keyboard(value: &str, lang: UiLang, on_query: &Callback<String>, on_close: &Callback<()>) -> Html {
    let strings = lang.strings();
    let key = |key: Key, label: String, name: Option<&'static str>, class: &'static str| {
        let (on_query, value) = (on_query.clone(), value.to_owned());
        let onclick = Callback::from(move |_: MouseEvent| on_query.emit(press(&value, key)));
        html! {
            <button type="button" class={classes!("osk-key", class)} aria-label={name} {onclick} onmousedown={keep_focus()}>
                { label }
            </button>
        }
    };
    let rows = letter_rows(lang);
    let last = rows.len().saturating_sub(1);
    let onclose = on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="osk" role="group" aria-label={strings.keyboard}>
            { for rows.iter().enumerate().map(|(at, row)| html! {
                <div class="osk-row">
                    { for row.chars().map(|letter| {
                        let name = (letter == '\'').then_some(strings.key_apostrophe);
                        key(Key::Char(letter), letter.to_string(), name, "")
                    }) }
                    if at == last {
                        { key(Key::Backspace, "⌫".to_owned(), Some(strings.key_backspace), "wide") }
                    }
                </div>
            }) }
            <div class="osk-row">
                { key(Key::Clear, strings.key_clear.to_owned(), None, "wide") }
                { key(Key::Space, strings.key_space.to_owned(), None, "space") }
                <button type="button" class="osk-key wide" onclick={onclose} onmousedown={keep_focus()}>
                    { strings.key_close }
                </button>
            </div>
        </div>
    }
}

/// A key tapped keeps the focus in the search box, where the text goes.
fn keep_focus() -> Callback<MouseEvent> {
    Callback::from(|event: MouseEvent| event.prevent_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_type_at_the_end_and_erase_whole_letters() {
        let typed = "sécurit".chars().fold(String::new(), |query, letter| press(&query, Key::Char(letter)));
        assert_eq!(press(&typed, Key::Char('é')), "sécurité");
        assert_eq!(press("sécurité", Key::Backspace), "sécurit");
        assert_eq!(press("é", Key::Backspace), "", "an accented letter is one key, erased at once");
        assert_eq!(press("", Key::Backspace), "");
        assert_eq!(press("droits", Key::Space), "droits ");
        assert_eq!(press("droits de", Key::Clear), "");
    }

    #[test]
    fn french_has_every_accented_letter_and_english_is_qwerty() {
        let french: String = AZERTY.concat();
        assert!("éèêàçùâîôûëïœ'".chars().all(|letter| french.contains(letter)), "{french}");
        assert!(QWERTY.first().is_some_and(|row| row.starts_with("qwerty")));
        for rows in [AZERTY, QWERTY] {
            let letters: String = rows.concat();
            assert!(('a'..='z').all(|letter| letters.contains(letter)), "{letters}");
        }
    }
}
