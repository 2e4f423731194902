//! Quotes and attributions: who said what, with which cue and stance.
