//! Closed word classes the recognizer needs: words that are never names, titles that introduce a
//! person, head nouns of organisation names, region suffixes, months and weekdays. Functions that
//! take `lower` expect the word in lowercase with straight apostrophes.

/// Capitalised only because they start a sentence or a headline: never part of a name.
pub(crate) fn is_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "an" | "the" | "this" | "that" | "these" | "those" | "there" | "here" | "he" | "she"
            | "it" | "they" | "we" | "i" | "you" | "his" | "her" | "its" | "their" | "our" | "my"
            | "your" | "him" | "them" | "us" | "in" | "on" | "at" | "by" | "for" | "from" | "to"
            | "of" | "with" | "without" | "about" | "after" | "before" | "during" | "since"
            | "until" | "under" | "over" | "into" | "through" | "between" | "among" | "against"
            | "despite" | "amid" | "while" | "when" | "where" | "whether" | "if" | "as" | "but"
            | "and" | "or" | "nor" | "so" | "yet" | "also" | "however" | "meanwhile" | "still"
            | "now" | "then" | "today" | "yesterday" | "tomorrow" | "tonight" | "earlier"
            | "later" | "last" | "next" | "some" | "many" | "most" | "all" | "both" | "each"
            | "every" | "several" | "few" | "other" | "another" | "such" | "only" | "even"
            | "just" | "one" | "two" | "three" | "no" | "not" | "what" | "who" | "whom" | "whose"
            | "which" | "why" | "how" | "once" | "although" | "though" | "because" | "unlike"
            | "like" | "according" | "asked" | "speaking" | "instead" | "following"
            | "separately" | "moreover" | "furthermore" | "overall" | "indeed" | "already"
            | "again" | "more" | "less" | "much" | "nearly" | "almost" | "around" | "any"
            | "none" | "nothing" | "everyone" | "someone" | "please" | "yes" | "thanks" | "dear"
            | "let" | "do" | "does" | "did" | "is" | "are" | "was" | "were" | "be" | "been"
            | "has" | "have" | "had" | "will" | "would" | "can" | "could" | "should" | "may"
            | "might" | "must" | "shall" | "said" | "says" | "added" | "told" | "breaking" | "update" | "updated" | "read" | "watch"
            | "photo" | "video" | "editor's" | "note" | "advertisement" | "related"
    )
}

/// How a word takes part in a title before a name ("Foreign Minister", "Lt. Gen.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleWord {
    /// Ends a title: the name may follow it.
    Core,
    /// Qualifies a following core word ("Foreign", "Deputy").
    Modifier,
}

pub(crate) fn title_word(lower: &str) -> Option<TitleWord> {
    let core = matches!(
        lower,
        "president" | "minister" | "premier" | "chancellor" | "secretary" | "spokesperson"
            | "spokesman" | "spokeswoman" | "ambassador" | "envoy" | "governor" | "mayor"
            | "senator" | "sen." | "rep." | "representative" | "congressman" | "congresswoman"
            | "general" | "gen." | "lt." | "lieutenant" | "col." | "colonel" | "maj." | "major"
            | "capt." | "captain" | "sgt." | "sergeant" | "adm." | "admiral" | "commander"
            | "chief" | "director" | "chairman" | "chairwoman" | "chair" | "chairperson"
            | "king" | "queen" | "prince" | "princess" | "emir" | "sheikh" | "pope" | "cardinal"
            | "archbishop" | "bishop" | "rev." | "imam" | "rabbi" | "ayatollah" | "judge"
            | "attorney" | "mr." | "mrs." | "ms." | "mr" | "mrs" | "ms" | "dr." | "dr" | "prof."
            | "professor" | "sir" | "dame" | "lord" | "lady" | "speaker" | "leader"
            | "commissioner" | "secretary-general" | "coordinator" | "adviser" | "advisor"
            | "officer" | "president-elect" | "vice-president" | "lawmaker" | "mp" | "gov."
            | "sec." | "pres." | "supt." | "cpl." | "pvt."
    );
    if core {
        return Some(TitleWord::Core);
    }
    let modifier = matches!(
        lower,
        "vice" | "prime" | "deputy" | "acting" | "former" | "foreign" | "defence" | "defense"
            | "interior" | "finance" | "health" | "economy" | "trade" | "energy" | "justice"
            | "state" | "press" | "first" | "supreme" | "senior" | "top" | "crown" | "grand"
            | "high" | "assistant" | "associate" | "executive" | "managing" | "national"
            | "security" | "military" | "intelligence" | "affairs" | "external" | "home"
            | "education" | "agriculture" | "culture" | "labour" | "labor" | "transport"
            | "environment" | "economic" | "development" | "digital" | "u.s." | "un" | "u.n."
            | "eu" | "nato" | "commanding" | "brigadier" | "major-general" | "lt.-gen."
            | "lieutenant-general" | "rear" | "field" | "marshal" | "sergeant-major" | "special"
            | "principal" | "permanent" | "communications"
    );
    modifier.then_some(TitleWord::Modifier)
}

/// Lowercase nouns that introduce a name after them ("spokesman John Kirby").
pub(crate) fn is_role_noun(lower: &str) -> bool {
    matches!(
        lower,
        "spokesperson" | "spokesman" | "spokeswoman" | "minister" | "president" | "secretary"
            | "ambassador" | "envoy" | "chief" | "commander" | "leader" | "premier"
            | "chancellor" | "director" | "lawmaker" | "senator" | "general" | "colonel"
            | "mayor" | "governor" | "adviser" | "advisor" | "aide" | "analyst" | "activist"
            | "journalist" | "correspondent" | "economist" | "professor" | "researcher"
            | "official" | "officer" | "diplomat" | "negotiator" | "lawyer" | "attorney"
            | "judge" | "prosecutor" | "chairman" | "chairwoman" | "head" | "founder" | "ceo"
            | "executive" | "expert" | "fellow" | "historian" | "scientist" | "witness"
            | "commentator" | "editor" | "reporter" | "author" | "politician" | "legislator"
            | "councillor" | "councilor" | "deputy" | "candidate" | "counterpart"
            | "predecessor" | "successor" | "mp" | "pastor" | "priest" | "coach" | "rapporteur"
    )
}

/// Head words of organisation names, as written (capitalised).
pub(crate) fn is_org_keyword(word: &str) -> bool {
    matches!(
        word,
        "Ministry" | "Department" | "Agency" | "Party" | "Council" | "Committee" | "Commission"
            | "Army" | "Forces" | "Force" | "Navy" | "Guard" | "Guards" | "Corps" | "Brigade"
            | "Battalion" | "Regiment" | "Division" | "Fleet" | "Command" | "Staff" | "Company"
            | "Co." | "Corp." | "Corporation" | "Inc." | "Inc" | "Ltd." | "Ltd" | "LLC" | "PLC"
            | "Group" | "Holdings" | "Bank" | "Fund" | "Foundation" | "Institute" | "Institution"
            | "University" | "College" | "Academy" | "School" | "Hospital" | "Center" | "Centre"
            | "Association" | "Federation" | "Union" | "League" | "Alliance" | "Coalition"
            | "Movement" | "Front" | "Organization" | "Organisation" | "Office" | "Service"
            | "Services" | "Bureau" | "Authority" | "Administration" | "Court" | "Tribunal"
            | "Parliament" | "Assembly" | "Senate" | "Congress" | "Cabinet" | "Government"
            | "Embassy" | "Consulate" | "Mission" | "Police" | "Times" | "Post" | "News"
            | "Daily" | "Journal" | "Tribune" | "Herald" | "Telegraph" | "Gazette" | "Review"
            | "Radio" | "Television" | "TV" | "Broadcasting" | "Network" | "Media" | "Channel"
            | "Airlines" | "Airways" | "Railways" | "Industries" | "Technologies" | "Systems"
            | "Motors" | "Petroleum" | "Exchange" | "Watch" | "Society" | "Club" | "Church"
            | "Directorate" | "Inspectorate" | "Secretariat" | "Observatory" | "Initiative"
            | "Project" | "Program" | "Programme" | "Monitor" | "Laboratory" | "Labs"
            | "Brigades" | "Militia" | "Unit" | "Squadron" | "Board" | "Chamber" | "Trust"
            | "Partners" | "Capital" | "Securities" | "Insurance" | "Pharmaceuticals"
    )
}

/// Ministry heads whose country, when unwritten, comes from context.
pub(crate) fn is_ministry_word(word: &str) -> bool {
    matches!(word, "Ministry" | "Embassy" | "Consulate" | "Government" | "Cabinet")
}

/// Words after a place name that make it a region ("Donetsk region", "Kursk Oblast").
pub(crate) fn is_region_suffix(word: &str) -> bool {
    matches!(
        word,
        "Oblast" | "oblast" | "region" | "Region" | "Province" | "province" | "Governorate"
            | "governorate" | "Krai" | "krai" | "Prefecture" | "prefecture" | "County"
            | "District" | "district" | "State" | "Okrug"
    )
}

/// Region suffixes that make even an unknown capitalised word a region ("Belgorod Oblast").
pub(crate) fn is_strong_region_suffix(word: &str) -> bool {
    matches!(word, "Oblast" | "Governorate" | "Krai" | "Prefecture" | "Okrug")
}

/// Month number of a month name or abbreviation, with or without its period.
pub(crate) fn month(lower: &str) -> Option<u8> {
    let bare = lower.strip_suffix('.').unwrap_or(lower);
    let number = match bare {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(number)
}

/// Whether a month word is an abbreviation ("Oct.", "Sept"), which alone is not a date.
pub(crate) fn is_month_abbreviation(lower: &str) -> bool {
    lower.strip_suffix('.').unwrap_or(lower).len() <= 4 && lower != "june" && lower != "july"
}

pub(crate) fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Words before a bare month or year that make it a date ("in March", "since 2014").
pub(crate) fn is_date_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on" | "since" | "until" | "till" | "by" | "from" | "during" | "early" | "late"
            | "mid" | "last" | "next" | "this" | "of" | "through" | "before" | "after"
            | "between" | "throughout" | "around" | "to" | "and" | "or" | "until"
    )
}

/// All-capital words that are not organisations.
pub(crate) fn is_acronym_stop(word: &str) -> bool {
    matches!(
        word,
        "I" | "A" | "OK" | "TV" | "AM" | "PM" | "GDP" | "CEO" | "COVID" | "AIDS" | "HIV" | "DNA"
            | "II" | "III" | "IV" | "VI" | "VII" | "VIII" | "IX" | "XI" | "XII" | "XIV" | "XV"
            | "XX" | "XXI" | "AI" | "ID" | "PR" | "UAV" | "UAVs" | "IED" | "PS" | "FAQ" | "RSS"
            | "USD" | "EUR" | "GMT" | "UTC" | "EST" | "ET" | "PT" | "BST" | "CET" | "NB" | "VS"
            | "Q" | "QA" | "OPINION" | "ANALYSIS" | "UPDATE" | "BREAKING" | "LIVE" | "NEW"
            | "WATCH" | "READ" | "MORE" | "VIDEO" | "PHOTO" | "PHOTOS" | "EXCLUSIVE" | "SPONSORED"
            | "AD" | "BC" | "CE" | "BCE" | "KM" | "MW" | "GW" | "KW" | "LNG" | "CO2" | "WMD"
            | "ICBM" | "MP" | "MPs" | "PhD" | "VIP" | "LGBT" | "LGBTQ" | "ISO"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_abbreviations() {
        assert_eq!(month("oct."), Some(10));
        assert_eq!(month("september"), Some(9));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("mayor"), None);
        assert!(is_month_abbreviation("oct."));
        assert!(!is_month_abbreviation("october"));
        assert!(!is_month_abbreviation("july"));
    }

    #[test]
    fn titles_split_into_core_and_modifier() {
        assert_eq!(title_word("minister"), Some(TitleWord::Core));
        assert_eq!(title_word("foreign"), Some(TitleWord::Modifier));
        assert_eq!(title_word("ministry"), None);
    }
}
