use claimgraph_core::{CharIndex, Document};
use claimgraph_eval::{read_polnear, AnnotatorChoice};
use claimgraph_pipeline::Pipeline;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let skip: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(0);
    let take: usize = std::env::args().nth(3).and_then(|s| s.parse().ok()).unwrap_or(5);
    let mode = std::env::args().nth(4).unwrap_or("miss".into());
    let gold = AnnotatorChoice::First.select(read_polnear(std::path::Path::new(&path)).unwrap());
    let pipeline = Pipeline::new();
    for d in gold.iter().skip(skip).take(take) {
        let a = pipeline.analyze(&Document::new(d.id.clone(), d.text.clone()));
        let idx = CharIndex::new(&d.text);
        let chars: Vec<char> = d.text.chars().collect();
        let sub = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let preds: Vec<Vec<(usize, usize)>> = a.quotes.iter().map(|q| q.contents.iter().map(|c| (idx.char_offset(c.start), idx.char_offset(c.end))).collect()).collect();
        let mut used = vec![false; preds.len()];
        for g in &d.attributions {
            let total: usize = g.contents.iter().map(|c| c.end - c.start).sum();
            let mut best = None;
            for (i, p) in preds.iter().enumerate() {
                let ov: usize = g.contents.iter().map(|gc| p.iter().map(|pc| pc.1.min(gc.end).saturating_sub(pc.0.max(gc.start))).sum::<usize>()).sum();
                if total > 0 && ov * 10 > total * 3 { best = Some(i); }
            }
            if let Some(i) = best { used[i] = true; }
            if best.is_none() && mode == "miss" {
                println!("MISS src={:?} cue={:?}\n   {:?}", g.sources.iter().map(|s| sub(s.start, s.end)).collect::<Vec<_>>(), g.cues.iter().map(|s| sub(s.start, s.end)).collect::<Vec<_>>(), g.contents.iter().map(|s| sub(s.start, s.end.min(s.start + 150))).collect::<Vec<_>>());
            }
        }
        if mode == "fp" {
            for (i, q) in a.quotes.iter().enumerate() {
                if !used[i] {
                    println!("FP cue={:?} src={:?}\n   {:?}", q.cue.map(|c| c.text(&d.text)), q.sources.iter().map(|s| s.text(&d.text)).collect::<Vec<_>>(), q.contents.iter().map(|c| c.text(&d.text).chars().take(150).collect::<String>()).collect::<Vec<_>>());
                }
            }
        }
    }
}
