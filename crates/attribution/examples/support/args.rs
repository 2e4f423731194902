//! Command-line flags shared by the development examples (`score`, `misses`, `train_confidence`).

/// The arguments after the program name.
pub struct Args(Vec<String>);

impl Args {
    pub fn from_env() -> Args {
        Args(std::env::args().skip(1).collect())
    }

    /// The value after `flag`, if the flag is given.
    pub fn value(&self, flag: &str) -> Option<&String> {
        self.0
            .iter()
            .position(|a| a == flag)
            .and_then(|i| self.0.get(i + 1))
    }

    pub fn has(&self, flag: &str) -> bool {
        self.0.iter().any(|a| a == flag)
    }

    /// Arguments that are neither flags nor the values of the `valued` flags.
    pub fn positional(&self, valued: &[&str]) -> Vec<&String> {
        self.0
            .iter()
            .enumerate()
            .filter(|(i, a)| {
                !a.starts_with("--")
                    && !i
                        .checked_sub(1)
                        .and_then(|p| self.0.get(p))
                        .is_some_and(|p| valued.contains(&p.as_str()))
            })
            .map(|(_, a)| a)
            .collect()
    }
}
