//! What the seed articles must yield: the speakers, countries and dates the
//! issue lists. The rules are general; this checks they reach these cases.

use corpus::{extract_dir, Extraction};
use std::path::Path;

fn seeds() -> Extraction {
    extract_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("seeds")
}

#[test]
fn speakers_with_their_countries() {
    let x = seeds();
    let found: Vec<(String, String)> = x
        .corpus
        .speakers
        .iter()
        .map(|s| (s.display_name(), s.entity.as_ref().map_or(String::new(), |e| e.name_fr.clone())))
        .collect();
    for (name, entity) in [
        ("Ghada Waly", "ONUDC"),
        ("Gennady Bezdetko", "Russie"),
        ("Bui Hoai Son", "Viêt Nam"),
        ("Artur Liukmanov", "Russie"),
        ("Izumi Nakamitsu", "ONU"),
        ("Dang Dinh Quy", "Viêt Nam"),
        ("Pham Minh Chinh", "Viêt Nam"),
    ] {
        assert!(found.iter().any(|(n, e)| n == name && e == entity), "missing {name} ({entity}) in {found:?}");
    }
    for (role, entity) in [("Vice-président", "Équateur"), ("Président de la Chambre des représentants", "Ouzbékistan"), ("Vice-Premier ministre", "Pologne"), ("Vice-Premier ministre", "Cambodge")] {
        assert!(
            x.corpus.speakers.iter().any(|s| s.name.is_none() && s.role.as_deref() == Some(role) && s.entity.as_ref().is_some_and(|e| e.name_fr == entity)),
            "missing unnamed {role} ({entity})"
        );
    }
    let liukmanov = x.corpus.speakers.iter().find(|s| s.name.as_deref() == Some("Artur Liukmanov")).expect("Liukmanov");
    assert!(liukmanov.aliases.iter().any(|a| a == "M.Liukmanov"));
    assert!(liukmanov.aliases.iter().any(|a| a == "M. Liukmanov"));
    // One speaker per person across the corpus.
    let waly = x.corpus.speakers.iter().filter(|s| s.name.as_deref() == Some("Ghada Waly")).count();
    assert_eq!(waly, 1);
}

#[test]
fn dates_outlets_and_titles() {
    let x = seeds();
    let dates: Vec<String> = x.corpus.documents.iter().filter_map(|d| d.date.as_ref()).map(|d| d.date.to_string()).collect();
    for want in ["2025-10-24", "2025-10-25", "2020-05-22"] {
        assert!(dates.iter().any(|d| d == want), "missing {want} in {dates:?}");
    }
    let outlets: Vec<Option<&str>> = x.corpus.documents.iter().map(|d| d.outlet.as_deref()).collect();
    assert!(outlets.contains(&Some("VietnamPlus")));
    assert!(outlets.contains(&Some("VNA")));
    assert!(outlets.contains(&Some("VOV World")));
    assert!(x.corpus.documents.iter().any(|d| d.url.as_deref().is_some_and(|u| u.contains("vietnamplus.vn"))));
    assert!(x.corpus.documents.iter().all(|d| d.lang == corpus::Lang::Fr && !d.title.is_empty()));
    assert!(x.warnings.is_empty(), "{:?}", x.warnings);
}

#[test]
fn boilerplate_is_gone_and_body_kept() {
    let x = seeds();
    let texts: Vec<&str> = x.corpus.documents.iter().flat_map(|d| &d.passages).map(|p| p.text.as_str()).collect();
    for junk in ["Comment (0)", "No data", "Même sujet", "Même catégorie", "Chia sẻ", ".jpg", "Photo :", "Source :", "-VNA/VI", "Vietnam.vn"] {
        assert!(!texts.iter().any(|t| t.contains(junk)), "{junk} left in passages");
    }
    assert!(!texts.iter().any(|t| t.starts_with("Le doux automne")), "related-article list kept");
    for body in ["Autrefois, les attaques de rançongiciels", "Cinquiemement promouvoir la participation", "L'Australie s'engage", "Le Vietnam travaillera en étroite collaboration"] {
        assert!(texts.iter().any(|t| t.contains(body)), "body sentence lost: {body}");
    }
}
