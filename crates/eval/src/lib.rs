//! Scoring claimgraph's output against gold annotations.
