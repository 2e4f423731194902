//! Prints the attributions of a text file, one per line, for eyeballing rule changes.
//! Usage: cargo run -p claimgraph-attribution --example attribute -- FILE

use claimgraph_attribution::Attributor;
use claimgraph_core::Analysis;
use claimgraph_entities::EntityRecognizer;

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: attribute FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path)?;
    let mut analysis = Analysis::default();
    claimgraph_text::segment(&text, &mut analysis);
    analysis.entities = EntityRecognizer::shipped().recognize(&text, &analysis);
    for quote in Attributor::shipped().attribute(&text, &analysis) {
        let speaker = quote
            .speaker
            .map(|s| format!("{} [{:?}] ({:?})", s.name, s.role, s.affiliation));
        println!(
            "{:?} {} cue={:?} src={:?} speaker={:?}\n    {:?}",
            quote.kind,
            quote.stance.as_str(),
            quote.cue.map(|c| c.text(&text)),
            quote
                .sources
                .iter()
                .map(|s| s.text(&text))
                .collect::<Vec<_>>(),
            speaker,
            quote
                .contents
                .iter()
                .map(|c| c.text(&text))
                .collect::<Vec<_>>()
        );
    }
    Ok(())
}
