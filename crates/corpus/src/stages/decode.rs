//! Bytes to text, for files saved by anyone with anything.
//!
//! Articles arrive as UTF-8, UTF-8 with a BOM, UTF-16 from Windows tools, or
//! Windows-1252 from older editors, with CRLF or CR line ends. We decode what
//! can be decoded and say what we repaired; only empty and binary files are
//! refused, and the refusal names the reason.

/// Decoded text with LF line ends, and notes on any repair made.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub notes: Vec<String>,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let mut notes = Vec::new();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(String::from("empty file, no article to extract"));
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_1252(rest, &mut notes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        notes.push(String::from("decoded as UTF-16 little-endian (byte order mark)"));
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        notes.push(String::from("decoded as UTF-16 big-endian (byte order mark)"));
        utf16(rest, u16::from_be_bytes)
    } else {
        utf8_or_1252(bytes, &mut notes)?
    };
    let mut text = text.replace("\r\n", "\n").replace('\r', "\n");
    // The binary check samples the start; stray NULs further on are dropped
    // rather than shown.
    let nuls = text.matches('\0').count();
    if nuls > 0 {
        text.retain(|c| c != '\0');
        notes.push(format!("removed {nuls} NUL byte(s)"));
    }
    if text.trim().is_empty() {
        return Err(String::from("empty file, no article to extract"));
    }
    Ok(Decoded { text, notes })
}

/// How the note on reading invalid UTF-8 as Windows-1252 begins, for a
/// caller that words it better (a page that declared UTF-8).
pub const NOT_UTF8: &str = "not valid UTF-8";

fn utf8_or_1252(bytes: &[u8], notes: &mut Vec<String>) -> Result<String, String> {
    if looks_binary(bytes) {
        return Err(String::from("binary file (NUL or control bytes), not an article"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            notes.push(format!(
                "{NOT_UTF8} (first bad byte at offset {}); decoded as Windows-1252",
                e.valid_up_to()
            ));
            Ok(bytes.iter().map(|&b| windows_1252(b)).collect())
        }
    }
}

/// Text never holds NUL, and rarely control bytes other than whitespace; a
/// sample is enough to tell, and keeps a 50 MB file cheap.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)))
        .count();
    sample.contains(&0) || controls * 100 > sample.len()
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Windows-1252 is Latin-1 except for 0x80..0x9F, where it has the curly
/// quotes, dashes and œ that French text needs.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_binary() {
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b"  \n\r\n").unwrap_err().contains("empty"));
        assert!(decode(b"\x00\x01\x02PNG\x00\x00").unwrap_err().contains("binary"));
    }

    #[test]
    fn strips_bom_and_crlf() {
        let d = decode(b"\xEF\xBB\xBFTitre\r\nLigne\rFin").unwrap();
        assert_eq!(d.text, "Titre\nLigne\nFin");
        assert!(d.notes.is_empty());
    }

    #[test]
    fn falls_back_to_windows_1252() {
        let d = decode(b"Le minist\xE8re a d\xE9clar\xE9 \x93oui\x94 \x96 \x9Cuvre").unwrap();
        assert_eq!(d.text, "Le ministère a déclaré “oui” – œuvre");
        assert!(d.notes[0].contains("Windows-1252"));
    }

    #[test]
    fn drops_late_nul_bytes() {
        let mut bytes = "a".repeat(70 * 1024).into_bytes();
        bytes.extend_from_slice(b"\0b");
        let d = decode(&bytes).unwrap();
        assert!(!d.text.contains('\0'));
        assert!(d.notes[0].contains("NUL"));
    }

    #[test]
    fn decodes_utf16() {
        let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Hé".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&bytes).unwrap().text, "Hé");
    }
}
