//! Quality floor: the attribution scores on PolNeAR dev must not fall below what the README reports
//! (minus a small margin), so a rule change that loses quality fails CI instead of going unnoticed.

use std::path::Path;
use std::process::Command;

#[test]
fn polnear_dev_scores_stay_above_the_reported_floor() {
    let gold =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/datasets/polnear/dev.jsonl");
    if !gold.exists() {
        eprintln!("skipped: {} is not here", gold.display());
        return;
    }
    let output = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["eval", "attribution", "--format", "json", "--gold"])
        .arg(&gold)
        .output()
        .expect("run claimgraph");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json report");
    let f1_at = |threshold: f64| {
        report["quote_match"]
            .as_array()
            .and_then(|all| {
                all.iter()
                    .find(|m| m["threshold"].as_f64() == Some(threshold))
            })
            .and_then(|m| m["scores"]["f1"].as_f64())
            .unwrap_or(0.0)
    };
    assert_eq!(report["documents"], 84);
    assert!(f1_at(0.3) >= 0.76, "quote F1 @0.3 fell to {}", f1_at(0.3));
    assert!(f1_at(0.8) >= 0.725, "quote F1 @0.8 fell to {}", f1_at(0.8));
}
