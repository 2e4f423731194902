//! HTML fragment to plain text with paragraph breaks.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose end or start begins a new paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
];

/// Elements whose content is never text.
const SKIPPED: &[&str] = &[
    "head", "iframe", "noscript", "object", "script", "style", "svg", "template",
];

/// See [`crate::fragment_text`].
pub(crate) fn fragment_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut out = Paragraphs::default();
    let mut skip_depth = 0usize;
    let mut pre_depth = 0usize;
    // `traverse` walks iteratively, so deeply nested markup cannot overflow the stack.
    for edge in fragment.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    if SKIPPED.contains(&name) {
                        skip_depth += 1;
                    } else if skip_depth == 0 {
                        open_or_close(&mut out, name, &mut pre_depth, true);
                    }
                }
                Node::Text(text) if skip_depth == 0 => out.push_text(text, pre_depth > 0),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    let name = element.name();
                    if SKIPPED.contains(&name) {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else if skip_depth == 0 {
                        open_or_close(&mut out, name, &mut pre_depth, false);
                    }
                }
            }
        }
    }
    out.finish()
}

fn open_or_close(out: &mut Paragraphs, name: &str, pre_depth: &mut usize, open: bool) {
    if name == "pre" {
        *pre_depth = if open {
            *pre_depth + 1
        } else {
            pre_depth.saturating_sub(1)
        };
    }
    match name {
        "br" if open => out.line_break(),
        "td" | "th" if open => out.push_text(" ", false),
        _ if BLOCKS.contains(&name) => out.paragraph_break(),
        _ => {}
    }
}

/// Collects text into paragraphs, collapsing whitespace as a browser renders it.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
}

impl Paragraphs {
    fn push_text(&mut self, text: &str, preformatted: bool) {
        for c in text.chars() {
            if preformatted && c == '\n' {
                self.line_break();
            } else if c.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        let kept = self.current.trim_end_matches(' ').len();
        self.current.truncate(kept);
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
    }

    fn paragraph_break(&mut self) {
        let paragraph = self.current.trim();
        if !paragraph.is_empty() {
            self.done.push(paragraph.to_owned());
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.paragraph_break();
        self.done.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs() {
        let html = "<p>First  para<b>graph</b>\n with   spaces.</p><div>Second<br>line two</div>\
                    <ul><li>one</li><li>two &amp; three</li></ul>";
        assert_eq!(
            fragment_text(html),
            "First paragraph with spaces.\n\nSecond\nline two\n\none\n\ntwo & three"
        );
    }

    #[test]
    fn scripts_and_styles_are_dropped() {
        let html = "<style>p{}</style><p>Kept<script>var x = '<p>';</script> text</p><noscript>no</noscript>";
        assert_eq!(fragment_text(html), "Kept text");
    }

    #[test]
    fn entities_and_plain_text() {
        assert_eq!(
            fragment_text("Tom &amp; Jerry&nbsp;said &#8220;hi&#8221; &lt;b&gt;"),
            "Tom & Jerry said “hi” <b>"
        );
        assert_eq!(fragment_text(""), "");
        assert_eq!(fragment_text("<p> </p><div></div>"), "");
    }

    #[test]
    fn inline_elements_do_not_break() {
        assert_eq!(
            fragment_text("<p>A <a href=x>link</a>, <em>stress</em> and <span>span</span>.</p>"),
            "A link, stress and span."
        );
    }

    #[test]
    fn table_cells_are_separated() {
        assert_eq!(
            fragment_text("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>"),
            "a b\n\nc"
        );
    }

    #[test]
    fn preformatted_keeps_lines() {
        assert_eq!(fragment_text("<pre>x = 1\ny = 2</pre>"), "x = 1\ny = 2");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        assert_eq!(fragment_text(&html), "deep");
    }
}
