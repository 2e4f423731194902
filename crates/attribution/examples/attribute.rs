//! Prints the attributions of a text file, one per line, for eyeballing rule changes.
//! Usage: cargo run -p claimgraph-attribution --example attribute -- FILE [--no-scorer]
//! (`--no-scorer` shows what the rules find before the confidence model drops any).

use claimgraph_attribution::Attributor;
use claimgraph_core::Analysis;
use claimgraph_entities::EntityRecognizer;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let no_scorer = args.iter().any(|a| a == "--no-scorer");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: attribute FILE [--no-scorer]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path)?;
    let mut analysis = Analysis::default();
    claimgraph_text::segment(&text, &mut analysis);
    analysis.entities = EntityRecognizer::shipped().recognize(&text, &analysis);
    let mut attributor = Attributor::shipped();
    if no_scorer {
        attributor = attributor.with_scorer(None);
    }
    for quote in attributor.attribute(&text, &analysis) {
        let speaker = quote
            .speaker
            .map(|s| format!("{} [{:?}] ({:?})", s.name, s.role, s.affiliation));
        println!(
            "{:?} {} {:.2} cue={:?} src={:?} speaker={:?}\n    {:?}",
            quote.kind,
            quote.stance.as_str(),
            quote.confidence,
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
