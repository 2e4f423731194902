//! A JSON Schema (draft 2020-12) validator for the keywords `schema/analysis.schema.json` uses.
//!
//! Chosen over the `boon` and `jsonschema` crates after measuring them here: boon added about 74 CPU-s
//! (45–100 s wall on the 2-core machine) to `cargo build -p claimgraph --tests`, jsonschema more than
//! twice that. This one knows a fixed keyword set and rejects a schema that uses any other keyword,
//! so it can never pass a document by silently ignoring a rule.

use serde_json::{Map, Value};

/// Keywords that only describe; they never constrain a value.
const ANNOTATIONS: [&str; 5] = ["$schema", "$id", "title", "description", "$defs"];
/// Keywords this validator checks.
const ASSERTIONS: [&str; 13] = [
    "$ref",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "oneOf",
    "minimum",
    "maximum",
    "minItems",
    "minLength",
    "pattern",
];

/// A schema ready to validate documents.
pub struct Schema {
    root: Value,
}

impl Schema {
    /// Accepts `root` only if every keyword anywhere in it is one this validator implements.
    pub fn new(root: Value) -> Result<Schema, String> {
        check_keywords(&root, "#")?;
        Ok(Schema { root })
    }

    /// Every violation in `value`, each as `json-pointer: what`.
    pub fn validate(&self, value: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(&self.root, value, "", &mut errors);
        errors
    }

    fn check(&self, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
        let Some(schema) = schema.as_object() else {
            if schema == &Value::Bool(false) {
                errors.push(format!("{at}: no value is allowed here"));
            }
            return;
        };
        if let Some(Value::String(reference)) = schema.get("$ref") {
            match self.resolve(reference) {
                Some(target) => self.check(target, value, at, errors),
                None => errors.push(format!("{at}: unresolvable $ref {reference}")),
            }
        }
        if let Some(types) = schema.get("type") {
            let allowed: Vec<&str> = match types {
                Value::String(one) => vec![one.as_str()],
                Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            if !allowed.iter().any(|t| has_type(value, t)) {
                errors.push(format!(
                    "{at}: expected {}, found {value}",
                    allowed.join(" or ")
                ));
                return;
            }
        }
        if let Some(Value::Array(options)) = schema.get("enum") {
            if !options.contains(value) {
                errors.push(format!(
                    "{at}: {value} is not one of {}",
                    Value::Array(options.clone())
                ));
            }
        }
        if let Some(Value::Array(branches)) = schema.get("oneOf") {
            let passing = branches
                .iter()
                .filter(|branch| {
                    let mut inner = Vec::new();
                    self.check(branch, value, at, &mut inner);
                    inner.is_empty()
                })
                .count();
            if passing != 1 {
                errors.push(format!(
                    "{at}: {passing} of the oneOf branches match, expected exactly 1"
                ));
            }
        }
        if let Some(number) = value.as_f64() {
            if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
                if number < min {
                    errors.push(format!("{at}: {number} is below the minimum {min}"));
                }
            }
            if let Some(max) = schema.get("maximum").and_then(Value::as_f64) {
                if number > max {
                    errors.push(format!("{at}: {number} is above the maximum {max}"));
                }
            }
        }
        if let Some(text) = value.as_str() {
            if let Some(min) = schema.get("minLength").and_then(Value::as_u64) {
                if (text.chars().count() as u64) < min {
                    errors.push(format!("{at}: string shorter than {min}"));
                }
            }
            if let Some(Value::String(pattern)) = schema.get("pattern") {
                match matches_pattern(pattern, text) {
                    Ok(true) => {}
                    Ok(false) => errors.push(format!("{at}: {text:?} does not match {pattern}")),
                    Err(why) => errors.push(format!("{at}: pattern {pattern}: {why}")),
                }
            }
        }
        if let Some(items) = value.as_array() {
            if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
                if (items.len() as u64) < min {
                    errors.push(format!("{at}: fewer than {min} items"));
                }
            }
            if let Some(item_schema) = schema.get("items") {
                for (n, item) in items.iter().enumerate() {
                    self.check(item_schema, item, &format!("{at}/{n}"), errors);
                }
            }
        }
        if let Some(object) = value.as_object() {
            self.check_object(schema, object, at, errors);
        }
    }

    fn check_object(
        &self,
        schema: &Map<String, Value>,
        object: &Map<String, Value>,
        at: &str,
        errors: &mut Vec<String>,
    ) {
        if let Some(Value::Array(required)) = schema.get("required") {
            for name in required.iter().filter_map(Value::as_str) {
                if !object.contains_key(name) {
                    errors.push(format!("{at}: missing required property {name:?}"));
                }
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (name, field) in object {
            let path = format!("{at}/{name}");
            match properties.and_then(|p| p.get(name)) {
                Some(field_schema) => self.check(field_schema, field, &path, errors),
                None => {
                    if let Some(extra) = schema.get("additionalProperties") {
                        if extra == &Value::Bool(false) {
                            errors.push(format!("{path}: property not in the schema"));
                        } else {
                            self.check(extra, field, &path, errors);
                        }
                    }
                }
            }
        }
    }

    /// Resolves local references of the form `#/$defs/name` (all the schema needs).
    fn resolve(&self, reference: &str) -> Option<&Value> {
        let pointer = reference.strip_prefix('#')?;
        self.root.pointer(pointer)
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        // 2020-12: a number with zero fractional part is an integer.
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        _ => false,
    }
}

/// Fails on any keyword outside [`ANNOTATIONS`] and [`ASSERTIONS`], anywhere in the schema.
fn check_keywords(schema: &Value, at: &str) -> Result<(), String> {
    let Some(object) = schema.as_object() else {
        return match schema {
            Value::Bool(_) => Ok(()),
            other => Err(format!(
                "{at}: a schema must be an object or a boolean, found {other}"
            )),
        };
    };
    for (keyword, inner) in object {
        let path = format!("{at}/{keyword}");
        match keyword.as_str() {
            "properties" | "$defs" => {
                for (name, sub) in inner.as_object().into_iter().flatten() {
                    check_keywords(sub, &format!("{path}/{name}"))?;
                }
            }
            "items" | "additionalProperties" => check_keywords(inner, &path)?,
            "oneOf" => {
                for (n, sub) in inner.as_array().into_iter().flatten().enumerate() {
                    check_keywords(sub, &format!("{path}/{n}"))?;
                }
            }
            "pattern" => {
                matches_pattern(inner.as_str().unwrap_or(""), "")
                    .map_err(|why| format!("{path}: {why}"))?;
            }
            known if ANNOTATIONS.contains(&known) || ASSERTIONS.contains(&known) => {}
            unknown => {
                return Err(format!(
                    "{path}: keyword {unknown:?} is not supported by this validator"
                ))
            }
        }
    }
    Ok(())
}

/// One element of a pattern: a set of characters and how often it may repeat.
struct Atom {
    ranges: Vec<(char, char)>,
    min: usize,
    max: usize,
}

/// Matches the anchored regular-expression subset `^(literal | [class])(*|+|?)...$`.
fn matches_pattern(pattern: &str, text: &str) -> Result<bool, String> {
    let body = pattern
        .strip_prefix('^')
        .and_then(|p| p.strip_suffix('$'))
        .ok_or("only patterns anchored with ^...$ are supported")?;
    let mut atoms: Vec<Atom> = Vec::new();
    let mut chars = body.chars();
    while let Some(ch) = chars.next() {
        match ch {
            '[' => {
                let mut ranges = Vec::new();
                let mut class: Vec<char> = Vec::new();
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                    class.push(c);
                }
                let mut i = 0;
                while let Some(&low) = class.get(i) {
                    if class.get(i + 1) == Some(&'-') {
                        let high = *class.get(i + 2).ok_or("unterminated range")?;
                        ranges.push((low, high));
                        i += 3;
                    } else {
                        ranges.push((low, low));
                        i += 1;
                    }
                }
                atoms.push(Atom {
                    ranges,
                    min: 1,
                    max: 1,
                });
            }
            '*' | '+' | '?' => {
                let atom = atoms.last_mut().ok_or("quantifier without an atom")?;
                (atom.min, atom.max) = match ch {
                    '*' => (0, usize::MAX),
                    '+' => (1, usize::MAX),
                    _ => (0, 1),
                };
            }
            '\\' | '(' | ')' | '|' | '.' | '{' | '}' | '^' | '$' => {
                return Err(format!("regex syntax {ch:?} is not supported"));
            }
            literal => atoms.push(Atom {
                ranges: vec![(literal, literal)],
                min: 1,
                max: 1,
            }),
        }
    }
    let text: Vec<char> = text.chars().collect();
    Ok(match_atoms(&atoms, &text))
}

fn match_atoms(atoms: &[Atom], text: &[char]) -> bool {
    let Some((atom, rest)) = atoms.split_first() else {
        return text.is_empty();
    };
    let fits = |c: &char| atom.ranges.iter().any(|&(lo, hi)| lo <= *c && *c <= hi);
    let available = text.iter().take_while(|c| fits(c)).count().min(atom.max);
    (atom.min..=available)
        .rev()
        .any(|taken| match_atoms(rest, text.get(taken..).unwrap_or(&[])))
}

#[test]
fn pattern_subset_matches_like_a_regex() {
    assert_eq!(matches_pattern("^q[1-9][0-9]*$", "q12"), Ok(true));
    assert_eq!(matches_pattern("^q[1-9][0-9]*$", "q0"), Ok(false));
    assert_eq!(matches_pattern("^q[1-9][0-9]*$", "q1x"), Ok(false));
    assert_eq!(matches_pattern("^a+b?$", "aaab"), Ok(true));
    assert!(matches_pattern("^(a|b)$", "a").is_err());
}

#[test]
fn validator_reports_each_kind_of_violation() {
    let schema = Schema::new(serde_json::json!({
        "type": "object",
        "required": ["n", "k"],
        "additionalProperties": false,
        "properties": {
            "n": {"type": "integer", "minimum": 0},
            "k": {"enum": ["a", "b"]},
            "s": {"oneOf": [{"type": "string"}, {"type": "null"}]}
        }
    }))
    .unwrap();
    assert!(schema
        .validate(&serde_json::json!({"n": 3, "k": "a", "s": null}))
        .is_empty());
    let errors = schema.validate(&serde_json::json!({"n": -1.5, "k": "c", "x": 1}));
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(Schema::new(serde_json::json!({"anyOf": []})).is_err());
}
