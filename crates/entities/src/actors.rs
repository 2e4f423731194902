//! User actor files: TOML lists of people, organisations and places added to the shipped
//! gazetteer (the format is documented in the crate doc).

use crate::gazetteer::{slug, Gazetteer};
use crate::{Actor, ActorKind};
use serde::Deserialize;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Why a user actor file was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum ActorFileError {
    #[error("cannot read actor file {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}: {}{message}", path.display(), field.as_deref().map(|f| format!("field `{f}`: ")).unwrap_or_default())]
    Invalid {
        path: PathBuf,
        /// 1-based line of the offending value (or of its `[[actor]]` header).
        line: usize,
        /// The field at fault, when one is.
        field: Option<String>,
        message: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorFile {
    #[serde(default)]
    actor: Vec<Spanned<UserActor>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserActor {
    name: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    country: Option<Spanned<String>>,
    role: Option<Spanned<String>>,
    affiliation: Option<Spanned<String>>,
    id: Option<Spanned<String>>,
}

/// Reads `path` and adds its actors to `gaz`; their names take precedence over shipped ones.
pub(crate) fn load(gaz: &mut Gazetteer, path: &Path) -> Result<(), ActorFileError> {
    let content = std::fs::read_to_string(path).map_err(|source| ActorFileError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    add(gaz, &content, path)
}

/// Adds the actors of a file's `content`; `path` names the file in errors.
pub(crate) fn add(gaz: &mut Gazetteer, content: &str, path: &Path) -> Result<(), ActorFileError> {
    let invalid = |span: Option<Range<usize>>, field: Option<&str>, message: String| {
        ActorFileError::Invalid {
            path: path.to_path_buf(),
            line: line_of(content, span.map_or(0, |s| s.start)),
            field: field.map(str::to_string),
            message,
        }
    };
    let file: ActorFile = toml::from_str(content).map_err(|e| {
        let span = e.span();
        let field = span
            .clone()
            .and_then(|s| key_at(content, s.start))
            .or_else(|| quoted_field(e.message()));
        invalid(span, field.as_deref(), e.message().trim().to_string())
    })?;
    // Validate everything before adding anything, so a bad file leaves the gazetteer as it was.
    let mut actors = Vec::with_capacity(file.actor.len());
    for entry in &file.actor {
        let user = entry.get_ref();
        let name = user.name.get_ref().trim();
        if name.is_empty() {
            return Err(invalid(
                Some(user.name.span()),
                Some("name"),
                "empty name".into(),
            ));
        }
        let kind = parse_kind(user.kind.get_ref()).ok_or_else(|| {
            invalid(
                Some(user.kind.span()),
                Some("kind"),
                format!(
                    "unknown kind {:?} (one of person, organization, country, region, city, \
                     location, group)",
                    user.kind.get_ref()
                ),
            )
        })?;
        let country = match &user.country {
            None => None,
            Some(country) => Some(resolve_country(gaz, country.get_ref()).ok_or_else(|| {
                invalid(
                    Some(country.span()),
                    Some("country"),
                    format!(
                        "unknown country {:?} (an ISO 3166 code or a country or organisation \
                         name)",
                        country.get_ref()
                    ),
                )
            })?),
        };
        let id = match &user.id {
            Some(id) => {
                let valid = id
                    .get_ref()
                    .split_once(':')
                    .is_some_and(|(k, rest)| !k.is_empty() && !rest.is_empty())
                    && !id.get_ref().contains(char::is_whitespace);
                if !valid {
                    return Err(invalid(
                        Some(id.span()),
                        Some("id"),
                        format!("id {:?} is not KIND:NAME without spaces", id.get_ref()),
                    ));
                }
                id.get_ref().clone()
            }
            None => default_id(gaz, kind, name, country.as_deref()),
        };
        let nonempty = |s: &Option<Spanned<String>>| {
            s.as_ref()
                .map(|s| s.get_ref().trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let aliases: Vec<String> = user
            .aliases
            .iter()
            .map(|a| a.get_ref().trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        actors.push((
            Actor {
                id,
                name: name.to_string(),
                kind,
                country,
                role: nonempty(&user.role),
                affiliation: nonempty(&user.affiliation),
            },
            aliases,
        ));
    }
    for (actor, aliases) in actors {
        gaz.add_user_actor(actor, &aliases);
    }
    Ok(())
}

fn parse_kind(kind: &str) -> Option<ActorKind> {
    Some(match kind.trim().to_lowercase().as_str() {
        "person" => ActorKind::Person,
        "organization" | "organisation" | "org" => ActorKind::Organization,
        "country" => ActorKind::Country,
        "region" => ActorKind::Region,
        "city" => ActorKind::City,
        "location" => ActorKind::Location,
        "group" => ActorKind::Group,
        _ => return None,
    })
}

/// The canonical name of a country given by ISO code or name, or of an organisation by name.
fn resolve_country(gaz: &Gazetteer, country: &str) -> Option<String> {
    let country = country.trim();
    if let Some(name) = gaz.country_by_code(country) {
        return Some(name.to_string());
    }
    gaz.lookup(country)
        .filter(|a| matches!(a.kind, ActorKind::Country | ActorKind::Organization))
        .map(|a| a.country.clone().unwrap_or_else(|| a.name.clone()))
}

fn default_id(gaz: &Gazetteer, kind: ActorKind, name: &str, country: Option<&str>) -> String {
    let code = country.and_then(|c| gaz.iso2(c));
    match (kind, code) {
        (ActorKind::Country, Some(code)) => format!("country:{code}"),
        (ActorKind::Region, Some(code)) => format!("region:{code}:{}", slug(name)),
        (ActorKind::City, Some(code)) => format!("city:{code}:{}", slug(name)),
        _ => format!("{}:{}", kind_prefix(kind), slug(name)),
    }
}

fn kind_prefix(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Country => "country",
        ActorKind::Region => "region",
        ActorKind::City => "city",
        ActorKind::Location => "location",
        ActorKind::Organization => "org",
        ActorKind::Person => "person",
        ActorKind::Group => "group",
    }
}

/// 1-based line of byte `offset`.
fn line_of(content: &str, offset: usize) -> usize {
    let offset = offset.min(content.len());
    content
        .as_bytes()
        .get(..offset)
        .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
        + 1
}

/// The key of a `key = value` line holding byte `offset` in its value.
fn key_at(content: &str, offset: usize) -> Option<String> {
    let line_start = content
        .get(..offset.min(content.len()))?
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = content.get(line_start..)?.lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.contains(char::is_whitespace)).then(|| key.to_string())
}

/// The field a serde message names: "missing field `kind`".
fn quoted_field(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("missing field `")
        .or_else(|| message.strip_prefix("unknown field `"))?;
    rest.split_once('`').map(|(field, _)| field.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(content: &str) -> Result<Gazetteer, ActorFileError> {
        let mut gaz = Gazetteer::shipped();
        add(&mut gaz, content, Path::new("actors.toml"))?;
        Ok(gaz)
    }

    fn error(content: &str) -> String {
        load_str(content).unwrap_err().to_string()
    }

    #[test]
    fn the_example_file_loads() {
        let example = include_str!("../examples/actors.toml");
        let gaz = load_str(example).unwrap();
        let lin = gaz.lookup("Ambassador Zhu").or(gaz.lookup("Zhu Qingqiao"));
        assert!(lin.is_some());
    }

    #[test]
    fn user_actors_resolve_countries_and_ids() {
        let gaz = load_str(
            r#"
            [[actor]]
            name = "Mara Lind"
            kind = "person"
            aliases = ["M. Lind"]
            country = "SE"
            role = "Spokesperson"
            affiliation = "Swedish Armed Forces"

            [[actor]]
            name = "Baltic Policy Institute"
            kind = "org"
            country = "Estonia"
            aliases = ["BPI"]

            [[actor]]
            name = "Lin Jian"
            kind = "person"
            country = "CHN"
            role = "Deputy Director"
            id = "person:lin-jian-2"
            "#,
        )
        .unwrap();
        let lind = gaz.lookup("M. Lind").unwrap();
        assert_eq!(lind.id, "person:mara-lind");
        assert_eq!(lind.country.as_deref(), Some("Sweden"));
        assert_eq!(lind.affiliation.as_deref(), Some("Swedish Armed Forces"));
        let bpi = gaz.lookup("BPI").unwrap();
        assert_eq!(
            (bpi.id.as_str(), bpi.country.as_deref()),
            ("org:baltic-policy-institute", Some("Estonia"))
        );
        // The user's entry takes over a shipped name.
        let lin = gaz.lookup("Lin Jian").unwrap();
        assert_eq!(lin.id, "person:lin-jian-2");
        assert_eq!(lin.role.as_deref(), Some("Deputy Director"));
    }

    #[test]
    fn errors_name_line_and_field() {
        assert_eq!(
            error("[[actor]]\nname = \"X\"\nkind = \"robot\"\n"),
            "actors.toml:3: field `kind`: unknown kind \"robot\" (one of person, organization, \
             country, region, city, location, group)"
        );
        assert!(
            error("[[actor]]\nname = \"X\"\nkind = \"person\"\ncountry = \"Atlantis\"\n")
                .starts_with("actors.toml:4: field `country`: unknown country \"Atlantis\"")
        );
        let missing = error("\n[[actor]]\nname = \"X\"\n");
        assert!(
            missing.starts_with("actors.toml:2: field `kind`: missing field `kind`"),
            "{missing}"
        );
        let typo = error("[[actor]]\nname = \"X\"\nkind = \"person\"\nrol = \"Y\"\n");
        assert!(
            typo.starts_with("actors.toml:4: field `rol`: unknown field `rol`"),
            "{typo}"
        );
        let wrong_type = error("[[actor]]\nname = \"X\"\nkind = \"person\"\naliases = 5\n");
        assert!(
            wrong_type.starts_with("actors.toml:4: field `aliases`: invalid type"),
            "{wrong_type}"
        );
        let syntax = error("[[actor]]\nname = \"X\nkind = \"person\"\n");
        assert!(syntax.starts_with("actors.toml:2:"), "{syntax}");
        assert!(error("[[actor]]\nname = \" \"\nkind = \"person\"\n")
            .starts_with("actors.toml:2: field `name`: empty name"));
        assert!(
            error("[[actor]]\nname = \"X\"\nkind = \"person\"\nid = \"x y\"\n")
                .starts_with("actors.toml:4: field `id`")
        );
    }

    #[test]
    fn a_bad_file_adds_nothing() {
        let mut gaz = Gazetteer::shipped();
        let before = gaz.actors.len();
        let bad = "[[actor]]\nname = \"Good\"\nkind = \"person\"\n[[actor]]\nname = \"Bad\"\n";
        assert!(add(&mut gaz, bad, Path::new("a.toml")).is_err());
        assert_eq!(gaz.actors.len(), before);
    }

    #[test]
    fn empty_file_is_fine_and_missing_file_is_named() {
        assert!(load_str("").is_ok());
        let mut gaz = Gazetteer::default();
        let err = load(&mut gaz, Path::new("/nonexistent/actors.toml")).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/actors.toml"));
    }

    #[test]
    fn lines_and_keys() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
        assert_eq!(
            key_at("x = 1\n aliases = 5\n", 17).as_deref(),
            Some("aliases")
        );
        assert_eq!(
            quoted_field("missing field `kind`").as_deref(),
            Some("kind")
        );
    }
}
