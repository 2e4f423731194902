use claimgraph_core::Document;
use claimgraph_eval::{predictions_from_quotes, read_polnear, score_attribution, AnnotatorChoice};
use claimgraph_pipeline::Pipeline;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let limit: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
    let gold = AnnotatorChoice::First.select(read_polnear(std::path::Path::new(&path)).unwrap());
    let gold: Vec<_> = gold.into_iter().take(limit).collect();
    let pipeline = Pipeline::new();
    let report = score_attribution(gold.iter().map(|d| {
        let a = pipeline.analyze(&Document::new(d.id.clone(), d.text.clone()));
        (d, predictions_from_quotes(&a.quotes, &d.text))
    }));
    println!("{}", report.to_text());
}
