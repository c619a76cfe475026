//! QR codes for a kiosk: a visitor scans the source of an article to read it
//! on their own phone, since no link may lead out of the kiosk.
//!
//! The `qrcode` crate computes the modules; this module draws them as SVG
//! and shows it through an `<img>` with a `data:` URL, so the article's URL
//! only ever becomes black and white squares, never markup the page parses.
//! A URL is encoded as plain bytes in the smallest version that holds it:
//! the crate's segment optimiser and its SVG renderer would add about 2 KB of
//! wasm (gzip) for codes a phone reads just as well.

use qrcode::{bits::Bits, types::Color, EcLevel, QrCode, Version};

/// Medium correction survives a smudged or glary screen; a URL fits easily.
const CORRECTION: EcLevel = EcLevel::M;
/// The white margin a reader needs around the code, in modules.
const QUIET_ZONE: usize = 4;

/// The SVG of a QR code that reads `text`, as a `data:` URL for an `<img>`;
/// `None` when `text` is too long for any QR code.
pub fn svg_data_url(text: &str) -> Option<String> {
    let code = (1..=40).find_map(|version| encode(text.as_bytes(), Version::Normal(version)))?;
    Some(format!("data:image/svg+xml,{}", percent_encode(&svg(&code))))
}

fn encode(data: &[u8], version: Version) -> Option<QrCode> {
    let mut bits = Bits::new(version);
    bits.push_byte_data(data).ok()?;
    bits.push_terminator(CORRECTION).ok()?;
    QrCode::with_bits(bits, CORRECTION).ok()
}

/// One unit per module, dark squares on a white ground with the quiet zone:
/// CSS scales the image, and SVG stays sharp at any size.
fn svg(code: &QrCode) -> String {
    let size = code.width() + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (at, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (at % code.width() + QUIET_ZONE, at / code.width() + QUIET_ZONE);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\"/></svg>"
    )
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
        assert!(body.starts_with("%3Csvg"), "{body}");
        assert!(!body.contains(['<', '>', '"', '#', ' ', '&', '?']), "{body}");
        assert!(!data.contains("script"), "the URL is modules, not text");
    }

    #[test]
    fn the_smallest_version_that_holds_the_text() {
        let code = (1..=40).find_map(|version| encode(b"https://example.org/", Version::Normal(version)));
        assert_eq!(code.map(|code| code.width()), Some(25), "20 bytes at level M need version 2");
    }

    #[test]
    fn text_too_long_for_a_qr_code_gives_none() {
        assert!(svg_data_url(&"x".repeat(5000)).is_none());
    }
}
