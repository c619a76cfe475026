//! QR codes for a kiosk: a visitor scans the source of an article to read it
//! on their own phone, since no link may lead out of the kiosk.
//!
//! The code is drawn as SVG by our own renderer (the `qrcode` crate) and shown
//! through an `<img>` with a `data:` URL, so the article's URL only ever
//! becomes black and white modules, never markup the page parses.

use qrcode::{render::svg, EcLevel, QrCode};

/// The SVG of a QR code that reads `text`, as a `data:` URL for an `<img>`;
/// `None` when `text` is too long for any QR code.
pub fn svg_data_url(text: &str) -> Option<String> {
    // Medium correction survives a smudged or glary screen; a URL fits easily.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    // One unit per module: the image is scaled by CSS, and SVG stays sharp.
    let svg = code.render::<svg::Color<'_>>().module_dimensions(1, 1).quiet_zone(true).build();
    Some(format!("data:image/svg+xml,{}", percent_encode(&svg)))
}

/// Escapes everything but letters, digits and a few characters that are safe
/// in a URL, so `#`, `%`, quotes and angle brackets cannot end the data.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:=,".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_becomes_an_svg_image_with_nothing_left_unescaped() {
        let url = "https://example.org/article?id=1&lang=fr#top\"><script>";
        let data = svg_data_url(url).unwrap_or_default();
        let body = data.strip_prefix("data:image/svg+xml,").unwrap_or_default();
        assert!(body.starts_with("%3C%3Fxml"), "{body}");
        assert!(!body.contains(['<', '>', '"', '#', ' ', '&', '?']), "{body}");
        assert!(!data.contains("script"), "the URL is modules, not text");
    }

    #[test]
    fn text_too_long_for_a_qr_code_gives_none() {
        assert!(svg_data_url(&"x".repeat(5000)).is_none());
    }
}
