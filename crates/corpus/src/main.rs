//! CLI placeholder.
fn main() {
    let dir = std::env::args().nth(2).unwrap_or_else(|| "seeds".into());
    match corpus::extract_dir(std::path::Path::new(&dir)) {
        Ok(x) => println!("{}", serde_json::to_string_pretty(&x.corpus).unwrap_or_default()),
        Err(e) => eprintln!("{e}"),
    }
}
