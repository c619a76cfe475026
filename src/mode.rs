//! How the page is hosted, read once from the address's query string:
//! the full explorer, a compact view inside another site's iframe (`?embed`),
//! or a public kiosk (`?kiosk`, with `&idle=SECONDS` to change the reset delay).
//!
//! The query string, unlike the hash, never changes while the reader
//! navigates, so the mode survives every click and a reload.

/// How long a kiosk waits without a touch before it returns to its attract screen.
pub const DEFAULT_KIOSK_IDLE_SECONDS: u32 = 90;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Full,
    Embed,
    Kiosk { idle_seconds: u32 },
}

impl Mode {
    /// Reads `?embed`, `?kiosk` and `?kiosk&idle=30`; anything else is the full page.
    pub fn from_query(query: &str) -> Mode {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut mode = Mode::Full;
        let mut idle_seconds = DEFAULT_KIOSK_IDLE_SECONDS;
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match &*key {
                "embed" if mode == Mode::Full => mode = Mode::Embed,
                "kiosk" => mode = Mode::Kiosk { idle_seconds },
                "idle" => {
                    if let Ok(seconds) = value.parse::<u32>() {
                        idle_seconds = seconds.clamp(5, 24 * 3600);
                    }
                }
                _ => {}
            }
        }
        match mode {
            Mode::Kiosk { .. } => Mode::Kiosk { idle_seconds },
            other => other,
        }
    }

    pub fn css_class(self) -> &'static str {
        match self {
            Mode::Full => "mode-full",
            Mode::Embed => "mode-embed",
            Mode::Kiosk { .. } => "mode-kiosk",
        }
    }

    /// Kiosks must not lead visitors out of the app: sources are shown as
    /// text, and nothing is copied or downloaded.
    pub fn follows_links(self) -> bool {
        !matches!(self, Mode::Kiosk { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_mode() {
        assert_eq!(Mode::from_query(""), Mode::Full);
        assert_eq!(Mode::from_query("?embed"), Mode::Embed);
        assert_eq!(Mode::from_query("?kiosk"), Mode::Kiosk { idle_seconds: DEFAULT_KIOSK_IDLE_SECONDS });
        assert_eq!(Mode::from_query("?idle=30&kiosk"), Mode::Kiosk { idle_seconds: 30 });
        assert_eq!(Mode::from_query("?kiosk&idle=1"), Mode::Kiosk { idle_seconds: 5 }, "too short to use");
        assert_eq!(Mode::from_query("?kiosk&idle=soon"), Mode::Kiosk { idle_seconds: DEFAULT_KIOSK_IDLE_SECONDS });
        assert_eq!(Mode::from_query("?other=1"), Mode::Full);
    }
}
