// The folding rule, by the Unicode tables: NFKD, combining marks dropped,
// the letters NFKD keeps whole spelled out, lowercase. Included by build.rs,
// which writes the table the analyser reads, and by the analyser's tests,
// which check that table against it; never compiled into the library.

/// The fold of one character, as the analyser defines it.
fn fold_by_rule(c: char) -> String {
    let mut out = String::new();
    unicode_normalization::char::decompose_compatible(c, |d| {
        if unicode_normalization::char::is_combining_mark(d) {
            return;
        }
        match d {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            _ => out.extend(d.to_lowercase()),
        }
    });
    out
}
